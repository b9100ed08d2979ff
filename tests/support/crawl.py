"""Follow every internal link, image, script and stylesheet of a served site."""
from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urldefrag, urljoin, urlsplit

from column.linkcheck import parse


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
        parser = parse(body.decode("utf-8"))
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
