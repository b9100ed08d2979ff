"""风采展示, the home page and the story pages, read back from a real build (and seen in a phone browser)."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from markupsafe import escape

from column import clock, site
from column.model.event import occurrences
from column.problems import Problems
from column.render import news
from column.render.env import money, people
from support.server import serve
from support.sitebuild import NOW, SAMPLE

ORGS = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((SAMPLE / "orgs").glob("*.yml"))}
STORIES = [yaml.safe_load(p.read_text(encoding="utf-8").split("---\n")[1])
           for p in sorted((SAMPLE / "content" / "stories" / "posts").glob("*.md"))]
CONFIG = yaml.safe_load((SAMPLE / "column.yml").read_text(encoding="utf-8"))


def html(site_dir: Path, url: str) -> str:
    return (site_dir / url / "index.html").read_text(encoding="utf-8")


def section(page: str, anchor: str) -> str:
    """The part of ``page`` from the heading ``id=anchor`` to the next ``<h2``."""
    start = page.index(f'id="{anchor}"')
    end = page.find("<h2", start)
    return page[start:end if end > 0 else len(page)]


def newest(stories: list[dict]) -> list[dict]:
    return sorted((s for s in stories if not s.get("draft")), key=lambda s: (str(s["date"]), s["slug"]), reverse=True)


# --- 风采展示 -------------------------------------------------------------------------------

def test_showcase_brand_projects_and_totals_from_the_records(sample_site):
    page = section(html(sample_site, "showcase"), "brands")
    brand = [(org_id, p) for org_id, org in ORGS.items() if not org.get("draft")
             for p in org.get("projects", ()) if p.get("brand")]
    assert len(brand) >= 6
    for _, project in brand:
        assert f"<h3>{escape(project['name'])}</h3>" in page
    distinct = {(org_id, p["name"]) for org_id, p in brand}
    assert f'col-totals__projects">{len(distinct)}<' in page
    assert f'col-totals__funding">{money(sum(p.get("funding", 0) for _, p in brand))}<' in page
    assert f'col-totals__served">{people(sum(p.get("served", 0) for _, p in brand))}<' in page


def test_showcase_each_brand_project_shows_its_figures(sample_site):
    page = section(html(sample_site, "showcase"), "brands")
    org = ORGS["binhe-guangchangwu-xiehui"]
    project = next(p for p in org["projects"] if p.get("brand"))
    block = page[page.index(str(escape(project["name"]))):]
    block = block[:block.index("</section>")]
    assert f'col-brand__funding">{money(project["funding"])}<' in block
    assert f'col-brand__served">{people(project["served"])}<' in block
    assert 'href="../orgs/binhe-guangchangwu-xiehui/"' in block


def test_showcase_featured_organizations(sample_site):
    page = section(html(sample_site, "showcase"), "featured")
    featured = [org["name"] for org in ORGS.values() if org.get("featured") and not org.get("draft")]
    assert featured
    assert page.count('class="col-card"') == len(featured)
    for name in featured:
        assert f">{name}</a></h3>" in page


def test_showcase_names_leaders_only_with_consent(sample_site):
    page = section(html(sample_site, "showcase"), "leaders")
    consenting = [o["leader"] for o in ORGS.values() if o.get("leader", {}).get("consent") and o["leader"].get("honours")]
    withheld = [o["leader"]["name"] for o in ORGS.values()
                if o.get("leader", {}).get("name") and not o["leader"]["consent"]]
    assert consenting and withheld
    for leader in consenting:
        assert f'<h3 class="col-leader__name">{leader["name"]}</h3>' in page
        assert leader["honours"][0]["title"] in page
    whole = html(sample_site, "showcase")
    for name in withheld:
        assert name not in whole


def test_showcase_latest_stories_newest_first(sample_site):
    page = section(html(sample_site, "showcase"), "stories")
    shown = re.findall(r'<h3 class="col-story__title"><a href="\.\./stories/([a-z0-9-]+)/">', page)
    assert shown == [s["slug"] for s in newest(STORIES)][:6]
    assert 'href="../stories/category/dianxing-shiji/"' in page


# --- home ------------------------------------------------------------------------------------

def test_home_shows_the_four_entry_tiles(sample_site):
    tiles = re.search(r'<nav class="col-tiles".*?</nav>', html(sample_site, ""), re.S).group(0)
    assert re.findall(r'href="([^"]+)"', tiles) == ["orgs/", "events/", "venues/", "training/"]
    assert [re.sub(r"<small>.*", "", t) for t in re.findall(r'class="col-tile"[^>]*>(.*?)</a>', tiles)] == [
        "找组织", "看活动", "场地申请", "在线培训"]


def test_home_shows_the_announcement_set_in_column_yml(sample_site):
    page = html(sample_site, "")
    note = CONFIG["announcement"]
    assert f'data-col-until="{note["until"]}"' in page
    assert f'<a href="{note["link"]}">{note["text"]}</a>' in page


def test_home_lists_the_events_of_the_next_two_weeks(sample_project, sample_site):
    now = clock.now({"COLUMN_NOW": NOW})
    last = dt.datetime.combine(now.date() + dt.timedelta(days=14), dt.time.max, now.tzinfo)
    inputs = site.load_inputs(sample_project, sample_project / "content", now, Problems())
    expected = [o for o in occurrences(inputs.catalog.event.values()) if o.end > now and o.start <= last]
    assert expected, "the sample data should have events in the next two weeks"
    block = section(html(sample_site, ""), "upcoming")
    starts = re.findall(r'data-col-start="([^"]+)"', block)
    assert starts == [o.start.isoformat(timespec="minutes") for o in expected][:6]
    titles = re.findall(r'<h3 class="col-card__title"><a href="events/([a-z0-9-]+)/">', block)
    assert titles == [o.event.id for o in expected][:6]


def test_home_lists_the_latest_event_news(sample_project, sample_site):
    now = clock.now({"COLUMN_NOW": NOW})
    inputs = site.load_inputs(sample_project, sample_project / "content", now, Problems())
    latest = news.items(inputs.catalog.event.values(), now)[:5]
    assert latest
    block = section(html(sample_site, ""), "news")
    assert re.findall(r'<li><a href="([^"]+)">', block) == [item.url for item in latest]


def test_home_features_the_stories_marked_featured(sample_site):
    block = section(html(sample_site, ""), "stories")
    featured = [s["slug"] for s in newest(STORIES) if s.get("featured")]
    assert featured
    assert re.findall(r'class="col-story__title"><a href="stories/([a-z0-9-]+)/"', block) == featured[:3]


def test_home_is_small(sample_site):
    """A reader on a slow phone network: the home page HTML stays well under 100 KB."""
    assert (sample_site / "index.html").stat().st_size < 100_000


def test_stories_stay_out_of_the_navigation(sample_site):
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>', html(sample_site, "showcase"), re.S).group(0)
    assert 'href="../stories/"' in nav and 'href="./"' in nav
    assert not any(s["slug"] in nav for s in STORIES)


# --- story pages ------------------------------------------------------------------------------

def test_story_page_shows_cover_and_cards_of_its_organizations(sample_site):
    story = next(s for s in STORIES if s.get("cover") and len(s.get("orgs", ())) > 1)
    page = html(sample_site, f"stories/{story['slug']}")
    assert f'alt="{story["cover"]["alt"]}"' in page
    assert f'src="../../{story["cover"]["src"]}"' in page
    cards = section(page, "story-orgs")
    assert re.findall(r'<h3 class="col-card__title"><a href="\.\./\.\./orgs/([a-z0-9-]+)/">', cards) == story["orgs"]


def test_story_page_links_its_events(sample_site):
    story = next(s for s in STORIES if s.get("events"))
    page = section(html(sample_site, f"stories/{story['slug']}"), "story-events")
    assert re.findall(r'href="\.\./\.\./events/([a-z0-9-]+)/"', page) == story["events"]


def test_category_pages_have_ascii_urls(sample_site):
    used = {c for s in STORIES for c in s["categories"]}
    slugs = {"典型事迹": "dianxing-shiji", "品牌项目": "pinpai-xiangmu", "领头人风采": "lingtouren", "活动回顾": "huodong-huigu"}
    for name in used:
        page = html(sample_site, f"stories/category/{slugs[name]}")
        assert re.search(f"<h1[^>]*>{name}</h1>", page), name


def test_org_profile_lists_its_stories(sample_site):
    org_id = "binhe-jinguo-zhiyuanzhe-bangfu-xiehui"
    expected = [s["slug"] for s in newest(STORIES) if org_id in s.get("orgs", ())]
    assert len(expected) >= 2
    block = section(html(sample_site, f"orgs/{org_id}"), "stories")
    assert re.findall(r'class="col-story__title"><a href="\.\./\.\./stories/([a-z0-9-]+)/"', block) == expected


# --- in a phone browser -------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("url", ["", "showcase/", "stories/", "stories/shangquan-fengcai-zhanshi/"])
def test_no_sideways_scrolling_at_360_px(sample_site, phone, url):
    with serve(sample_site) as base:
        phone.goto(base + url)
        width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, f"{url} is {width}px wide"


@pytest.mark.browser
def test_home_first_screen_answers_what_is_on(sample_site, phone):
    """On a 360×740 phone the tiles and the first event card are visible without scrolling."""
    with serve(sample_site) as base:
        phone.goto(base)
        tile_bottom = phone.locator(".col-tile").last.bounding_box()
        event = phone.locator(".col-home__events .col-card").first.bounding_box()
    assert tile_bottom["y"] + tile_bottom["height"] < 740
    assert event["y"] < 740


@pytest.mark.browser
@pytest.mark.parametrize("days_after, hour, shown", [(0, 23, True), (1, 8, False)])
def test_announcement_hides_after_its_last_day_by_the_readers_clock(sample_site, phone, days_after, hour, shown):
    """The build put it on the page; the reader's clock (Beijing time) takes it down after ``until``."""
    last = dt.date.fromisoformat(str(CONFIG["announcement"]["until"]))
    moment = dt.datetime.combine(last + dt.timedelta(days=days_after), dt.time(hour), clock.TZ)
    phone.clock.set_fixed_time(moment)
    with serve(sample_site) as base:
        phone.goto(base)
        assert phone.locator(".col-notice").is_visible() is shown


@pytest.mark.parametrize("today, shown", [("2026-12-20", True), ("2026-12-21", False)])
def test_announcement_is_left_out_by_the_build_clock_after_its_last_day(today, shown):
    from column.config import Announcement
    from column.render.home import notice

    note = notice(Announcement("申报开始了", "events/", "2026-12-20"), dt.date.fromisoformat(today))
    assert (note is not None) is shown
    if shown:
        assert (note.text, note.href, note.until) == ("申报开始了", "events/", "2026-12-20")


def test_announcement_link_outside_the_site_keeps_only_safe_schemes():
    from column.config import Announcement
    from column.render.home import notice

    today = dt.date(2026, 11, 22)
    assert notice(Announcement("看看", "https://example.org/a", None), today).href == "https://example.org/a"
    assert notice(Announcement("看看", "javascript://alert(1)", None), today).href is None


def test_draft_story_only_in_the_preview(tmp_path):
    """`draft: true`: no page, no card in a production build; both in the preview (`make serve`)."""
    from support.records import write
    from support.sitebuild import build_site, copy_project

    project = copy_project(tmp_path / "project")
    text = (SAMPLE / "content" / "stories" / "posts" / "wuqian-shifenzhong.md").read_text(encoding="utf-8")
    write(project, "content/stories/posts/caogao.md", text.replace("---\n", "---\ndraft: true\n", 1).replace(
        "slug: wuqian-shifenzhong", "slug: caogao-gushi").replace("date: 2026-11-03", "date: 2026-11-21"))
    production = build_site(project, tmp_path / "production")
    assert not (production / "stories" / "caogao-gushi").exists()
    assert "caogao-gushi" not in html(production, "showcase") + html(production, "")
    preview = build_site(project, tmp_path / "preview", drafts=True)
    assert (preview / "stories" / "caogao-gushi" / "index.html").is_file()
    assert 'href="../stories/caogao-gushi/"' in html(preview, "showcase")
