"""`draft: true`: absent from everything a production build publishes, shown with a banner by `make serve`."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from column import catalog
from column.kinds import Context
from column.problems import Problems, RecordsInvalid
from column.registry import KINDS
from support import searching
from support.records import TODAY, VALID_ORG, write
from support.server import serve
from support.sitebuild import build_site, copy_project

DRAFT_ID = "caogao-zuzhi"
DRAFT_NAME = "滨河草稿测试妇女服务中心"
BANNER = "草稿：此页不会发布"


def draft_project(root: Path) -> Path:
    project = copy_project(root / "project")
    write(project, f"orgs/{DRAFT_ID}.yml", "draft: true\n" + VALID_ORG.replace("滨河区测试妇女服务中心", DRAFT_NAME))
    return project


@pytest.fixture(scope="module")
def production(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("drafts-prod")
    return build_site(draft_project(root), root / "site")


@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("drafts-serve")
    return build_site(draft_project(root), root / "site", drafts=True)


def read(site: Path, relative: str) -> str:
    return (site / relative).read_text(encoding="utf-8")


def contents(path: Path) -> bytes:
    """A file's bytes, uncompressed when gzipped."""
    raw = path.read_bytes()
    return gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw


def search_index(site: Path) -> str:
    """Every page of the search index (address, title, description, text) and the name lookup, as text."""
    pages = json.dumps(searching.indexed_pages(site), ensure_ascii=False)
    return pages + (site / "search" / "names.json").read_text(encoding="utf-8")


def test_production_build_has_no_trace_of_the_draft(production):
    assert not (production / "orgs" / DRAFT_ID).exists()
    for name, text in (("directory", read(production, "orgs/index.html")), ("search", search_index(production)),
                       ("sitemap", read(production, "sitemap.xml"))):
        assert DRAFT_ID not in text and DRAFT_NAME not in text, name
    leaks = [p.relative_to(production).as_posix() for p in production.rglob("*") if p.is_file()
             and (DRAFT_ID.encode() in contents(p) or DRAFT_NAME.encode() in contents(p))]
    assert leaks == [], "pages, lists, calendars and feeds must all leave the draft out"


def test_serve_build_shows_the_draft_with_a_banner(preview):
    page = read(preview, f"orgs/{DRAFT_ID}/index.html")
    assert BANNER in page and f"<h1>{DRAFT_NAME}</h1>" in page
    assert DRAFT_NAME in read(preview, "orgs/index.html")
    assert f"orgs/{DRAFT_ID}/" in read(preview, "sitemap.xml")


def test_published_pages_have_no_banner(preview):
    assert BANNER not in read(preview, "orgs/binhe-hunyin-jiating-fudao-zhongxin/index.html")


@pytest.mark.browser
def test_banner_is_visible_on_a_phone(preview, phone):
    with serve(preview) as base:
        phone.goto(f"{base}orgs/{DRAFT_ID}/")
        banner = phone.get_by_text(BANNER)
        assert banner.is_visible()
        assert banner.bounding_box()["y"] < 400, "the banner is seen without scrolling"


def _a_reference(project: Path):
    """A published record that names another record: (kind, id, reference)."""
    loaded = catalog.load(Context(project, project / "content", TODAY, Problems()))
    for kind in KINDS:
        for record_id, record in loaded.records[kind.name].items():
            for ref in kind.references(record):
                return kind, record_id, ref
    pytest.fail("the sample data should have a record that names another")


@pytest.mark.parametrize("include_drafts", [False, True], ids=["build", "check-and-serve"])
def test_published_record_naming_a_draft_is_an_error(tmp_path, include_drafts):
    project = copy_project(tmp_path / "project")
    kind, record_id, ref = _a_reference(project)
    target_kind = next(k for k in KINDS if k.name == ref.kind)
    target = project / target_kind.folder / f"{ref.id}.yml"
    target.write_text("draft: true\n" + target.read_text(encoding="utf-8"), encoding="utf-8")
    problems = Problems()
    with pytest.raises(RecordsInvalid, match=f"引用的{target_kind.label} {ref.id} 还是草稿"):
        catalog.load(Context(project, project / "content", TODAY, problems), include_drafts=include_drafts)
    mine = [p for p in problems.errors if p.file == f"{kind.folder}/{record_id}.yml"]
    assert [p.hint for p in mine] == [f"请先发布该{target_kind.label}（删掉 draft 一行），或在这里去掉对它的引用。"]
    assert all("还是草稿" in p.message for p in problems.errors)


def test_errors_in_a_draft_are_still_reported_by_check(tmp_path):
    write(tmp_path, "orgs/caogao.yml", "draft: true\n" + VALID_ORG.replace("婚姻家庭", "婚恋"))
    (tmp_path / "content").mkdir()
    problems = Problems()
    with pytest.raises(RecordsInvalid):
        catalog.load(Context(tmp_path, tmp_path / "content", TODAY, problems), include_drafts=True)
    assert [p.where for p in problems.errors] == ["orgs/caogao.yml:9"]
