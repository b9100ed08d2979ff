"""``/feed.xml`` read by a real feed parser: clean, newest first, stable, every entry a page of the site."""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import yaml

from column import clock, site
from column.render.env import Settings
from support.records import write
from support.sitebuild import NOW, SAMPLE, copy_project

SITE_URL = "http://127.0.0.1:8000/"
"""What ``sample_site`` is built for."""
POSTS = SAMPLE / "content" / "stories" / "posts"


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def parsed(site_dir: Path) -> feedparser.FeedParserDict:
    return feedparser.parse((site_dir / "feed.xml").read_bytes())


def feed_bytes(project: Path, now: dt.datetime, *, drafts: bool = False) -> bytes:
    output = site.build(project, project / "content", Settings(SITE_URL), now, include_drafts=drafts)
    return next(a.content for a in output.assets if a.path == "feed.xml")


def test_feed_parses_cleanly(sample_site):
    feed = parsed(sample_site)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "女性社会组织专栏"
    assert feed.feed.language == "zh-CN"


def test_every_published_story_is_an_entry(sample_site):
    published = {m["slug"]: m["title"] for m in map(front_matter, POSTS.glob("*.md")) if not m.get("draft")}
    assert len(published) >= 6
    stories = {e.link[len(SITE_URL + "stories/"):].strip("/"): e.title for e in parsed(sample_site).entries
               if "/stories/" in e.link}
    assert stories == published


def test_entries_newest_first_with_unique_tag_ids(sample_site):
    entries = parsed(sample_site).entries
    times = [dt.datetime.fromisoformat(e.updated) for e in entries]
    assert times == sorted(times, reverse=True)
    ids = [e.id for e in entries]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"tag:127\.0\.0\.1,2026:(story|event)/[A-Za-z0-9/-]+", i) for i in ids), ids


def test_feed_mixes_stories_and_event_news(sample_site):
    kinds = {t.term for e in parsed(sample_site).entries for t in e.tags}
    assert kinds == {"故事", "活动讯息"}


def test_every_entry_opens_a_page_of_the_site(sample_site):
    entries = parsed(sample_site).entries
    assert entries
    for entry in entries:
        assert entry.link.startswith(SITE_URL), entry.link
        path, _, fragment = entry.link[len(SITE_URL):].partition("#")
        page = sample_site / path / "index.html"
        assert page.is_file(), entry.link
        if fragment:
            assert f'id="{fragment}"' in page.read_text(encoding="utf-8"), entry.link


def test_entry_times_come_from_the_data_not_the_build_clock(tmp_path):
    project = copy_project(tmp_path / "project")
    now = clock.now({"COLUMN_NOW": NOW})
    assert feed_bytes(project, now) == feed_bytes(project, now + dt.timedelta(seconds=1))
    story = front_matter(POSTS / "hunfu-zhongxin-quanhe.md")
    entry = next(e for e in feedparser.parse(feed_bytes(project, now)).entries if story["slug"] in e.link)
    assert entry.updated == f"{story['date']}T00:00:00+08:00"


def test_draft_story_stays_out_of_the_feed(tmp_path):
    project = copy_project(tmp_path / "project")
    text = (POSTS / "wuqian-shifenzhong.md").read_text(encoding="utf-8")
    draft = text.replace("---\n", "---\ndraft: true\n", 1).replace("slug: wuqian-shifenzhong", "slug: caogao-gushi")
    write(project, "content/stories/posts/caogao.md", draft)
    now = clock.now({"COLUMN_NOW": NOW})
    assert b"caogao-gushi" not in feed_bytes(project, now)
    assert b"caogao-gushi" in feed_bytes(project, now, drafts=True)


def test_pages_announce_the_feed(sample_site, subpath_site):
    tag = '<link rel="alternate" type="application/atom+xml" title="女性社会组织专栏：故事与活动讯息" href="{}">'
    assert tag.format("feed.xml") in (sample_site / "index.html").read_text(encoding="utf-8")
    assert tag.format("../../feed.xml") in (subpath_site / "orgs" / "dongcheng-mamabang" / "index.html").read_text(
        encoding="utf-8")


ATOM = "{http://www.w3.org/2005/Atom}"
RFC_3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")


def test_feed_meets_rfc_4287_as_the_w3c_validator_checks_it(sample_site):
    """atom:feed and every atom:entry: one id, title and RFC 3339 updated; an author; a link to open."""
    feed = ET.fromstring((sample_site / "feed.xml").read_bytes())
    assert feed.tag == ATOM + "feed"
    assert feed.find(f"{ATOM}author/{ATOM}name").text == "女性社会组织专栏"
    assert [link.get("href") for link in feed.findall(f"{ATOM}link[@rel='self']")] == [SITE_URL + "feed.xml"]
    entries = feed.findall(ATOM + "entry")
    assert len(entries) >= 10
    for node in [feed, *entries]:
        for child in ("id", "title", "updated"):
            assert len(node.findall(ATOM + child)) == 1, (child, node.findtext(ATOM + "id"))
        assert RFC_3339.fullmatch(node.findtext(ATOM + "updated"))
    for entry in entries:
        assert entry.find(f"{ATOM}author/{ATOM}name").text == "女性社会组织专栏"
        assert entry.find(f"{ATOM}link[@rel='alternate']").get("href").startswith(SITE_URL)
    parsed_feed = parsed(sample_site)
    assert parsed_feed.feed.author == "女性社会组织专栏"
    assert all(e.author == "女性社会组织专栏" for e in parsed_feed.entries)
