"""The built training pages, read back as a reader (and a search engine) gets them."""
from __future__ import annotations

import datetime as dt
import html.parser
import json
import re
from pathlib import Path

import yaml

from column.model.common import Origin
from column.model.training import Chapter, Training
from column.render import training_ld
from column.render.env import Settings

from support.sitebuild import SAMPLE

RECORDS = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((SAMPLE / "trainings").glob("*.yml"))}
MEDIA_LIMIT = 300 * 1024


def html_of(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


class _Elements(html.parser.HTMLParser):
    """Every start tag with its attributes, and the text of JSON-LD scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.json_ld: list[str] = []
        self._in_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        self._in_ld = tag == "script" and attrs.get("type") == "application/ld+json"

    def handle_endtag(self, tag):
        self._in_ld = False

    def handle_data(self, data):
        if self._in_ld:
            self.json_ld.append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k) == v for k, v in attrs.items())]


def parsed(site: Path, url: str) -> _Elements:
    parser = _Elements()
    parser.feed(html_of(site, url))
    return parser


def test_samples_cover_every_kind_of_source():
    assert len(RECORDS) >= 5
    sources = [r["source"] for r in RECORDS.values()]
    assert any("file" in s and r["kind"] == "视频" and "captions" in r for s, r in zip(sources, RECORDS.values()))
    assert any("file" in s and r["kind"] == "音频" and "transcript" in r for s, r in zip(sources, RECORDS.values()))
    assert any("embed" in s for s in sources)
    series = [r["series"]["name"] for r in RECORDS.values() if "series" in r]
    assert any(series.count(name) >= 2 for name in series)


def test_sample_media_files_stay_small():
    files = [p for p in (SAMPLE / "content/media/training").iterdir() if p.suffix in (".webm", ".mp4", ".mp3")]
    assert files
    assert {p.name: p.stat().st_size for p in files if p.stat().st_size >= MEDIA_LIMIT} == {}


def test_every_training_has_a_page_with_a_captioned_player_or_an_embed(sample_site):
    for training_id, record in RECORDS.items():
        url = f"training/{training_id}"
        page, tags = html_of(sample_site, url), parsed(sample_site, url)
        assert f"<h1>{record['title']}</h1>" in page
        if "embed" in record["source"]:
            assert tags.find("iframe") == []
            assert tags.find("div", **{"data-col-embed": record["source"]["embed"]})
        elif record["kind"] == "视频":
            sources = [s["src"] for s in tags.find("source")]
            assert sources[0] == "../../" + record["source"]["file"]
            assert all((sample_site / url / s).resolve().is_file() for s in sources)
            tracks = tags.find("track", kind="captions")
            assert len(tracks) == 1 and (sample_site / url / tracks[0]["src"]).resolve().is_file()
        else:
            assert len(tags.find("audio")) == 1
            assert 'id="transcript"' in page
            assert record["transcript"].split("\n")[0][:20] in page


def test_chapter_links_carry_the_seconds_to_seek_to(sample_site):
    tags = parsed(sample_site, "training/xiangmushu-zhaozhun-xuqiu")
    links = [(a["href"], a["data-seek"]) for a in tags.find("a") if "data-seek" in a]
    assert links == [("#t=0", "0"), ("#t=7", "7"), ("#t=13", "13")]
    assert "00:07</span> 第一步：找准需求" in html_of(sample_site, "training/xiangmushu-zhaozhun-xuqiu")


def test_embedded_video_lists_chapters_without_seek_links(sample_site):
    tags = parsed(sample_site, "training/xiangmushu-yusuan-biaoge")
    assert [a for a in tags.find("a") if "data-seek" in a] == []
    assert "02:30</span> 人员费" in html_of(sample_site, "training/xiangmushu-yusuan-biaoge")


def test_embed_page_says_where_it_plays_and_links_the_platform_without_javascript(sample_site):
    page = html_of(sample_site, "training/xiangmushu-yusuan-biaoge")
    tags = parsed(sample_site, "training/xiangmushu-yusuan-biaoge")
    assert "本视频在“哔哩哔哩”播放。点击播放前，本页不会连接该网站。" in page
    cover = tags.find("a", **{"class": "col-embed__cover"})
    assert [a["href"] for a in cover] == [RECORDS["xiangmushu-yusuan-biaoge"]["source"]["page"]]


def test_json_ld_parses_and_describes_the_media(sample_site):
    for training_id, record in RECORDS.items():
        scripts = parsed(sample_site, f"training/{training_id}").json_ld
        assert len(scripts) == 1, training_id
        ld = json.loads(scripts[0])
        assert ld["@type"] == ("VideoObject" if record["kind"] == "视频" else "AudioObject")
        assert ld["name"] == record["title"]
        assert ld["uploadDate"] == f"{record['published']}T00:00:00+08:00"  # a date with its time zone (Google asks for one)
        assert re.fullmatch(r"PT(\d+H)?(\d+M)?(\d+S)?", ld["duration"])
        if "file" in record["source"]:
            assert ld["contentUrl"] == "http://127.0.0.1:8000/" + record["source"]["file"]
        else:
            assert ld["embedUrl"] == record["source"]["embed"]
        if "poster" in record:
            assert ld["thumbnailUrl"] == "http://127.0.0.1:8000/" + record["poster"]["src"]


def test_json_ld_of_the_video_has_duration_provider_and_chapters(sample_site):
    ld = json.loads(parsed(sample_site, "training/xiangmushu-zhaozhun-xuqiu").json_ld[0])
    assert ld["duration"] == "PT19S"
    assert ld["provider"]["url"] == "http://127.0.0.1:8000/orgs/keyuan-shequ-shehui-zuzhi-fuwu-zhongxin/"
    assert ld["caption"]["encodingFormat"] == "text/vtt"
    assert [(c["name"], c["startOffset"], c["endOffset"]) for c in ld["hasPart"]] == [
        ("开场", 0, 7), ("第一步：找准需求", 7, 13), ("第二步：写清目标", 13, 19)]


def test_json_ld_cannot_be_closed_by_record_text():
    hostile = "</script><script>alert(1)</script> & <!--"
    t = Training(id="x", origin=Origin("trainings/x.yml", False), title=hostile, kind="音频", topic="其他",
                 series=None, presenter=None, provider=None, description=hostile, duration=3723,
                 published=dt.date(2026, 1, 2), file="media/training/x.mp3", fallback=None, embed=None, poster=None,
                 speech=True, captions=None, transcript=None, chapters=(Chapter(0, hostile),), orgs=(), events=())
    tag = str(training_ld.script(t, {}, Settings(site_url="https://example.org/sub/")))
    body = tag.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert "<" not in body and ">" not in body
    ld = json.loads(body)
    assert ld["name"] == hostile and ld["duration"] == "PT1H2M3S"
    assert ld["contentUrl"] == "https://example.org/sub/media/training/x.mp3"


def test_listing_groups_by_topic_then_series_with_durations(sample_site):
    page = html_of(sample_site, "training")
    headings = re.findall(r'<h2 id="topic-([a-z-]+)">', page)
    assert headings == ["xiangmushu", "shegong-kaoshi", "caiwu-nianjian", "falv-weiquan"]
    for training_id in RECORDS:
        assert page.count(f'href="{training_id}/"') == 1
    assert '<h3 id="series-gongyichuangtouxiangmushuxiezuo">系列：公益创投项目书写作</h3>' in page
    series = page.split('id="series-gongyichuangtouxiangmushuxiezuo"')[1].split("</ol>")[0]
    assert series.index("xiangmushu-zhaozhun-xuqiu/") < series.index("xiangmushu-yusuan-biaoge/")
    assert "共 2 集，18 分 59 秒" in series
    assert "时长 45:10" in page


def test_listing_is_in_the_navigation_but_lessons_are_not(sample_site):
    home = html_of(sample_site, "")
    assert 'href="training/"' in home and "在线培训" in home
    assert "training/xiangmushu-zhaozhun-xuqiu/" not in home


def test_related_events_link_to_their_pages(sample_site):
    page = html_of(sample_site, "training/fanjiabao-falv-zhishi")
    events = RECORDS["fanjiabao-falv-zhishi"]["events"]
    assert events
    for event_id in events:
        assert f'href="../../events/{event_id}/"' in page
        assert (sample_site / "events" / event_id / "index.html").is_file()
