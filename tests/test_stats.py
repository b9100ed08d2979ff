"""/stats/, the year pages and their workbooks: every figure recomputed from the fixture records' YAML."""
from __future__ import annotations

import collections
import datetime as dt
import posixpath
import re

import pytest
from dateutil import rrule

from support import raw
from support.tables import page_tables, sheet_rows

NOW = dt.datetime(2026, 11, 22, 10, 0)
RECENT_FROM = dt.datetime(2025, 12, 1)
COMING_UNTIL = dt.datetime(2027, 5, 1)
UPCOMING_UNTIL = NOW + dt.timedelta(days=60)


def _moment(text) -> tuple[dt.datetime, bool]:
    if isinstance(text, dt.date):
        return dt.datetime.combine(text, dt.time()), True
    return dt.datetime.strptime(text, "%Y-%m-%d %H:%M"), False


def sessions(event: dict) -> list[tuple[dt.datetime, dt.datetime]]:
    start, all_day = _moment(event["start"])
    end = _moment(event["end"])[0] if "end" in event else start + dt.timedelta(hours=2)
    if all_day:
        end = start + dt.timedelta(days=1)
    repeat = event.get("repeat")
    if not repeat:
        return [(start, end)]
    assert repeat["every"] == "每周", "this recomputation knows weekly series only"
    days = rrule.rrule(rrule.WEEKLY, dtstart=start, count=repeat.get("count"), interval=repeat.get("interval", 1))
    return [(day, day + (end - start)) for day in days]


def street(event: dict) -> str:
    venues = raw.records("venues")
    if event.get("venue") and venues[event["venue"]].get("street"):
        return venues[event["venue"]]["street"]
    return "线上" if event.get("online") else "未注明街道"


def month(moment) -> str:
    return f"{moment.year} 年 {moment.month} 月"


def expected() -> dict[tuple, collections.Counter]:
    """Every figure, counted the plain way: ``{(scope, table): Counter(label -> figure)}``."""
    found: dict[tuple, collections.Counter] = collections.defaultdict(collections.Counter)
    orgs = raw.records("orgs")
    for org in orgs.values():
        for table, labels in (("org-type", [org["type"]]), ("org-registration", [org["registration"]["status"]]),
                              ("org-tier", [org.get("tier", "未填写")]),
                              ("org-rating", [org["rating"]["grade"] if "rating" in org else "未填写"]),
                              ("org-street", org.get("streets") or ["未填写"]), ("org-area", org["areas"])):
            for label in labels:
                found[("now", table)][label] += 1
        for p in org.get("projects", ()):
            for scope in ("now", p["year"]):
                found[(scope, "projects-kind")][p["kind"]] += 1
                found[(scope, "projects-funder")][p.get("funder", "未填写")] += 1
                found[(scope, "funding")][p["kind"]] += p.get("funding", 0)
                if p.get("brand"):
                    found[(scope, "brand-projects")][p["name"]] += 1
    for event in raw.records("events").values():
        _event(found, event, orgs)
    for t in raw.records("trainings").values():
        seconds = sum(int(part) * 60 ** n for n, part in enumerate(reversed(t["duration"].split(":"))))
        for scope in ("now", t["published"].year):
            found[(scope, "trainings")][t["topic"]] += 1
            found[(scope, "training-seconds")][t["topic"]] += seconds
    return found


def _event(found, event: dict, orgs: dict) -> None:
    held = sessions(event)
    if event.get("status") != "取消":
        for start, end in held:
            ended = end <= NOW
            found[(start.year, "events-month")][month(start)] += 1
            for scope in [start.year] + (["recent"] if ended and start >= RECENT_FROM else []) + \
                    (["upcoming"] if not ended and start < UPCOMING_UNTIL else []):
                found[(scope, "events-category")][event["category"]] += 1
                found[(scope, "events-street")][street(event)] += 1
            if ended and start >= RECENT_FROM:
                found[("now", "events-recent")][month(start)] += 1
            if not ended and start < COMING_UNTIL:
                found[("now", "events-coming")][month(start)] += 1
    recap = event.get("recap") or {}
    if recap.get("served"):
        written = _moment(recap["time"])[0] if "time" in recap else held[-1][1]
        day = min(written, held[-1][0]).date()
        area = orgs[event["organizers"][0]]["areas"][0]
        for scope in [day.year] + (["recent"] if RECENT_FROM.date() <= day <= NOW.date() else []):
            found[(scope, "served-month")][month(day)] += recap["served"]
            found[(scope, "recaps")][month(day)] += 1
            found[(scope, "served-area")][area] += recap["served"]


FIGURES = expected()
ONE_FIGURE = ("org-type", "org-registration", "org-tier", "org-rating", "org-street", "org-area")


def nonzero(rows: dict) -> dict:
    return {label: figures for label, figures in rows.items() if any(figures)}


def only(counter) -> dict:
    return {label: (figure,) for label, figure in counter.items() if figure}


@pytest.fixture(scope="module")
def now_page(figures_site):
    return page_tables(figures_site / "stats" / "index.html")


@pytest.mark.parametrize("table", ONE_FIGURE + ("events-recent", "events-coming"))
def test_stats_page_counts_as_the_records_say(now_page, table):
    assert nonzero(now_page[table]["rows"]) == only(FIGURES[("now", table)])


def test_stats_page_events_by_category_and_street(now_page):
    for table in ("events-category", "events-street"):
        recent, coming = FIGURES[("recent", table)], FIGURES[("upcoming", table)]
        assert nonzero(now_page[table]["rows"]) == {k: (recent[k], coming[k]) for k in recent | coming}


def test_stats_page_served_projects_and_trainings(now_page):
    recaps, served = FIGURES[("recent", "recaps")], FIGURES[("recent", "served-month")]
    assert nonzero(now_page["served-month"]["rows"]) == {m: (recaps[m], served[m]) for m in served}
    assert nonzero(now_page["served-area"]["rows"]) == only(FIGURES[("recent", "served-area")])
    kinds, money = FIGURES[("now", "projects-kind")], FIGURES[("now", "funding")]
    assert {k: v[:2] for k, v in nonzero(now_page["projects-kind"]["rows"]).items()} == {
        k: (money[k], kinds[k]) for k in kinds}
    assert now_page["projects-kind"]["total"][0] == sum(money.values())
    assert [row.split(" ")[1] for row in now_page["brand-projects"]["rows"]] == list(FIGURES[("now", "brand-projects")])
    topics, seconds = FIGURES[("now", "trainings")], FIGURES[("now", "training-seconds")]
    assert nonzero(now_page["trainings"]["rows"]) == {t: (topics[t], seconds[t]) for t in topics}


@pytest.mark.parametrize("year", [2025, 2026])
def test_year_page_and_workbook_show_the_same_figures_as_the_records(figures_site, year):
    tables = page_tables(figures_site / "stats" / str(year) / "index.html")
    book = figures_site / "stats" / f"{year}.xlsx"
    for table, sheet in (("events-month", "活动场次"), ("events-category", "活动类别"), ("events-street", "活动街道"),
                         ("served-area", "服务领域人次"), ("org-type", "组织类型")):
        want = only(FIGURES[(year if table != "org-type" else "now", table)])
        rows, formulas, totals = sheet_rows(book, sheet)
        assert nonzero(tables[table]["rows"]) == want, table
        assert nonzero(rows) == want, sheet
        assert totals == [sum(v[0] for v in want.values())] == list(tables[table]["total"]), sheet
        assert re.fullmatch(r"=SUM\(B5:B\d+\)", formulas[0]), formulas
    rows, formulas, totals = sheet_rows(book, "项目类型")
    kinds, money = FIGURES[(year, "projects-kind")], FIGURES[(year, "funding")]
    assert {k: v[:2] for k, v in nonzero(rows).items()} == {k: (money[k], kinds[k]) for k in kinds}
    assert totals[:2] == [sum(money.values()), sum(kinds.values())]
    rows, _, totals = sheet_rows(book, "在线培训")
    assert nonzero(rows) == {t: (FIGURES[(year, "trainings")][t], FIGURES[(year, "training-seconds")][t])
                             for t in FIGURES[(year, "trainings")]}


def test_workbook_headings_and_number_formats(figures_site):
    import openpyxl

    book = openpyxl.load_workbook(figures_site / "stats" / "2026.xlsx")
    assert book.sheetnames[0] == "说明" and "项目类型" in book.sheetnames
    sheet = book["项目类型"]
    assert [c.value for c in sheet[4]] == ["项目类型", "资金（元）", "项目数", "服务人次"]
    assert (sheet["B5"].number_format, sheet["C5"].number_format) == ("#,##0.00", "#,##0")
    assert book["在线培训"]["C5"].number_format == "[h]:mm:ss"


def test_open_data_gives_the_same_sessions_per_month(figures_site):
    """A reader of the CSV files counts what the year page shows."""
    cancelled = {row["id"] for row in raw.csv_rows(figures_site, "events") if row["status"] == "取消"}
    counted = collections.Counter()
    for row in raw.csv_rows(figures_site, "event-sessions"):
        start = dt.datetime.fromisoformat(row["start"])
        if row["event"] not in cancelled and start.year == 2026:
            counted[month(start)] += 1
    assert only(counted) == nonzero(page_tables(figures_site / "stats" / "2026" / "index.html")["events-month"]["rows"])


def test_every_figure_links_to_the_list_it_counts(figures_site, now_page):
    for key, table in now_page.items():
        for label, link in table["links"].items():
            if link:
                target = posixpath.normpath(posixpath.join("stats", link.split("#")[0]))
                assert (figures_site / target / "index.html").is_file() or (figures_site / target).is_file(), link
    for label, link in now_page["org-type"]["links"].items():
        if not link:
            continue
        listed = (figures_site / "stats" / link / "index.html").read_text(encoding="utf-8")
        assert f'<span class="col-result__count">{now_page["org-type"]["rows"][label][0]}</span>' in listed
    assert now_page["org-registration"]["links"]["备案"] == "../orgs/registration/beian/"
    assert now_page["events-recent"]["links"]["2026 年 10 月"] == "../events/calendar/2026/10/"


def test_drafts_count_nowhere(figures_site):
    drafts = [d.get("name") or d["title"] for folder in ("orgs", "events")
              for d in raw.records(folder, drafts=True).values() if d.get("draft")]
    for page in (figures_site / "stats").rglob("index.html"):
        text = page.read_text(encoding="utf-8")
        assert not [name for name in drafts if name in text] and "草稿街道" not in text, page


def test_charts_are_drawn_at_build_time_one_bar_per_row(now_page, figures_site):
    text = (figures_site / "stats" / "index.html").read_text(encoding="utf-8")
    sections = dict(re.findall(r'<section class="col-stat" id="([^"]+)"(.*?)</section>', text, re.S))
    drawn = {key: chart[0] for key, body in sections.items()
             for chart in [re.findall(r'<div class="col-chart">(.*?)</div>', body, re.S)] if chart}
    charts = list(sections)
    assert "brand-projects" in charts and "brand-projects" not in drawn
    for key, svg in drawn.items():
        assert svg.count('class="rect reactive') == len(now_page[key]["rows"]), key
        assert "<script" not in svg and 'aria-hidden="true"' in svg
    assert not re.search(r'(src|href)="(https?:)?//', "".join(drawn.values()))
    money = FIGURES[("now", "funding")]
    assert f">{max(money.values()):,}<" in drawn["projects-kind"], "项目资金 charts the funding, not the project count"


def test_a_long_table_draws_its_first_rows_and_says_so():
    from column.render.env import Settings
    from column.stats import charts, pages, tables, tally

    figures = tally.Figures(dt.datetime(2026, 11, 22, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))))
    for n in range(charts.MOST + 5):
        figures.add((tally.ALL,), "street", f"第{n:02d}街道", 100 - n)
    page = pages.overview(figures, tables.now_tables(figures), Settings("https://example.org/column/"))
    section = re.search(r'<section class="col-stat" id="org-street".*?</section>', page.body, re.S)[0]
    chart = re.search(r'<div class="col-chart">(.*?)</div>', section, re.S)[1]
    assert chart.count('class="rect reactive') == charts.MOST
    assert "第00街道" in chart and f"第{charts.MOST:02d}街道" not in chart
    assert f"图中只画出前 {charts.MOST} 项，全部见下表。" in section
    assert section.count('<th scope="row">') == charts.MOST + 5
    others = page.body.replace(section, "")
    assert "图中只画出前" not in others
