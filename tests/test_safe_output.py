"""Payloads in every text field never run in a browser; bad URL schemes never reach a page."""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from column import yamlsource
from column.problems import Problems
from column.registry import KINDS
from support import hostile
from support.records import check
from support.server import serve
from support.sitebuild import SAMPLE, build_site, copy_project

POISONED_SVG = "content/images/orgs/poisoned.svg"
OUR_SCRIPTS = re.compile(r"(?:assets/javascripts/bundle\.[0-9a-f]+\.min\.js|assets/[a-z-]+\.js)$")
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}
FOREIGN_TAGS = {"style", "object", "embed", "base"}
"""Tags no page of ours has: a style can hide the page, the others load or send elsewhere."""
BAD_SCHEME = re.compile(r"^\s*(?:javascript|data|vbscript):", re.I)


class _Live(HTMLParser):
    """Finds what a browser would run: scripts that are not ours, on* handlers, bad link schemes."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.data_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.data_script = tag == "script" and attrs.get("type") in DATA_SCRIPT_TYPES
        if tag in FOREIGN_TAGS or "srcdoc" in attrs or (tag == "meta" and "http-equiv" in attrs):
            self.found.append(f"<{tag} {' '.join(attrs)}>")
        for name in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=>")
        if tag == "script":
            src, kind = attrs.get("src"), attrs.get("type")
            if kind not in DATA_SCRIPT_TYPES and not (src and OUR_SCRIPTS.search(src)) and src is not None:
                self.found.append(f"<script src={src}>")
        for name in ("href", "src", "action", "formaction"):
            if attrs.get(name) and BAD_SCHEME.match(attrs[name]) and not attrs[name].startswith("data:image/"):
                self.found.append(f"<{tag} {name}={attrs[name][:30]}>")

    def handle_endtag(self, tag):
        self.data_script = False

    def handle_data(self, data):
        """A data script (JSON-LD) may quote a payload as inert JSON text; one that breaks out is a new script."""
        if self.data_script:
            try:
                json.loads(data)
            except ValueError:
                self.found.append("data script that is not JSON")
        elif self.lasttag == "script" and ("alert(" in data):
            self.found.append("inline script with payload")


def samples(kind) -> list[tuple[str, dict]]:
    paths = sorted((SAMPLE / kind.folder).glob("*.yml"))
    assert paths, f"{kind.folder}/ has no sample record"
    return [(p.stem, read(p)) for p in paths]


def read(path: Path) -> dict:
    """A record as the project reads it (PyYAML alone would turn ``2:30`` into 150)."""
    return yamlsource.load(path, path.name, Problems()).data


def sample(kind) -> tuple[str, dict]:
    """The sample record with the most URL fields (for the URL test) and text fields."""
    return max(samples(kind), key=lambda s: (len(hostile.url_paths(s[1], kind.schema)), len(str(s[1]))))


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("poisoned")
    project = copy_project(root / "project")
    for kind in KINDS:
        for path in sorted((project / kind.folder).glob("*.yml")):
            data = read(path)
            hostile.poison(data, kind.schema)
            path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (project / "content/stories/posts/hostile-story.md").write_text(hostile.STORY, encoding="utf-8")
    (project / POISONED_SVG).write_bytes(hostile.SVG)
    return build_site(project, root / "site")


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_free_text_field_is_poisoned(kind):
    _, data = sample(kind)
    assert hostile.poison(data, kind.schema) >= 3


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
@pytest.mark.parametrize("bad", hostile.BAD_URLS)
def test_url_fields_refuse_other_schemes(tmp_path, kind, bad):
    record_id, data = sample(kind)
    paths = hostile.url_paths(data, kind.schema)
    assert paths, f"{kind.name} has no URL field"
    for path in paths:
        hostile.set_url(data, path, bad)
    copy_project(tmp_path)
    (tmp_path / kind.folder / f"{record_id}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    _, problems = check(tmp_path)
    flagged = {p.field.split("（")[0] for p in problems.errors if p.file == f"{kind.folder}/{record_id}.yml"}
    from column.validate import field_path

    assert {field_path(p) for p in paths} <= flagged


def test_no_live_script_or_handler_in_output(poisoned_site):
    offenders = []
    pages = list(poisoned_site.rglob("*.html"))
    for page in pages:
        parser = _Live()
        parser.feed(page.read_text(encoding="utf-8"))
        offenders += [(page.relative_to(poisoned_site).as_posix(), found) for found in parser.found]
    assert len(pages) > 30
    assert offenders == []


@pytest.mark.browser
def test_payloads_never_run_in_chromium(poisoned_site, chromium):
    pages = sorted(p.parent.relative_to(poisoned_site).as_posix() for p in poisoned_site.rglob("index.html"))
    assert len(pages) > 30
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    fired: list[str] = []
    page.on("dialog", lambda dialog: (fired.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda msg: fired.append(msg.text) if "x" in msg.text and "alert" in msg.text else None)
    page.add_init_script("window.__ran = []; ['alert','confirm','prompt'].forEach(n => { const f = window[n]; window[n] = (m) => { window.__ran.push(String(m)); return f.call(window, m); }; });")
    with serve(poisoned_site) as base:
        for url in pages:
            page.goto(base + ("" if url == "." else url + "/"), wait_until="load")
            fired.extend(page.evaluate("window.__ran"))
        page.goto(base + POISONED_SVG.removeprefix("content/"), wait_until="load")
        page.mouse.click(20, 20)
        fired.extend(page.evaluate("window.__ran"))
    context.close()
    assert fired == []


def test_a_story_keeps_its_text_but_not_its_script(poisoned_site):
    story = (poisoned_site / "stories/hostile-story/index.html").read_text(encoding="utf-8")
    assert "<title>测试&lt;img src=x onerror=alert(&#39;t1&#39;)&gt;标题" in story
    assert "<summary>展开</summary>内容</details>" in story
    assert "开头</p>" in story


def test_an_uploaded_svg_is_published_passive(poisoned_site):
    svg = (poisoned_site / POISONED_SVG.removeprefix("content/")).read_text(encoding="utf-8")
    assert '<rect fill="#c00" height="40" width="40"/>' in svg
    assert [word for word in ("<script", "javascript:", "onload", "attributeName", "foreignObject") if word in svg] == []
