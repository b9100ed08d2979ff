"""No broken internal link, anchor, image or script, at the root and under a sub-path."""
from __future__ import annotations

from support.crawl import crawl
from support.server import serve


def test_links_at_the_root(sample_site):
    with serve(sample_site) as base:
        count, broken = crawl(base)
    assert count > 50
    assert broken == []


def test_links_under_a_sub_path(subpath_site):
    with serve(subpath_site, prefix="/mirror/column/") as base:
        count, broken = crawl(base)
    assert count > 50
    assert broken == []
