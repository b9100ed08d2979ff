"""Follow every internal link, image, script and stylesheet of a served site."""
from __future__ import annotations

import html.parser
import urllib.error
import urllib.request
from urllib.parse import urldefrag, urljoin, urlsplit


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for key in ("href", "src"):
            if attrs.get(key) and not (tag == "link" and attrs.get("rel") in ("canonical", "alternate")):
                self.links.append(attrs[key])


def crawl(base: str, limit: int = 5000) -> tuple[int, list[tuple[str, str]]]:
    """Fetch every page reachable from ``base``; return (pages seen, [(page, broken link)])."""
    host = urlsplit(base).netloc
    todo, seen, broken = [base], set(), []
    anchors: dict[str, set[str]] = {}
    wanted_anchors: list[tuple[str, str, str]] = []
    while todo and len(seen) < limit:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        try:
            with urllib.request.urlopen(url) as response:
                body = response.read()
                kind = response.headers.get_content_type()
        except urllib.error.HTTPError as exc:
            broken.append((url, f"HTTP {exc.code}"))
            continue
        if kind != "text/html":
            continue
        parser = _Links()
        parser.feed(body.decode("utf-8"))
        anchors[url] = parser.ids
        for link in parser.links:
            target, fragment = urldefrag(urljoin(url, link))
            if urlsplit(target).netloc != host or not target.startswith(base):
                if urlsplit(target).netloc == host:
                    broken.append((url, f"leaves the site's path: {link}"))
                continue
            if fragment:
                wanted_anchors.append((url, target, fragment))
            todo.append(target)
    for page, target, fragment in wanted_anchors:
        if target in anchors and fragment not in anchors[target]:
            broken.append((page, f"missing anchor #{fragment} in {target}"))
    return len(seen), broken
