"""The tables of ``/stats/`` (the column now) and of each year's report, read from the counters.

Every row links to the list it counts where the site has one: the directory's
filter pages, the event lists' filter pages (which show the coming 60 days), the
month grids, the year's archive of past events, the open-data table.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

from ..render import urls
from ..schema import vocab
from .table import COUNT, DURATION, MONEY, PEOPLE, Measure, Row, Table
from .tally import ALL, COMING, COMING_MONTHS, NO_STREET, NOT_GIVEN, ONLINE, RECENT, UPCOMING, Figures, month_start

PROJECTS_DATA = urls.DATA + "#org-projects"
CURRENT = "名录现状"


def org_tables(f: Figures, suffix: str = "", tiers: bool = False) -> list[Table]:
    """The directory as it is now (organizations have no history in the records); the internal tier only when
    ``column.yml`` makes it public (``tiers``)."""
    def org_link(facet: str, slug_of: Callable[[str], str]) -> Callable[[str, float], str | None]:
        return lambda key, n: urls.org_filter(facet, slug_of(key)) if n and key != NOT_GIVEN else None

    orgs = Measure("组织数")
    made = [
        _table(f, "org-type", f"组织类型{suffix}", "组织类型", "组织类型", orgs, ALL, "type", vocab.ORG_TYPES.values,
               org_link("type", vocab.ORG_TYPES.slug)),
        _table(f, "org-registration", f"登记与备案{suffix}", "登记备案", "登记状态", orgs, ALL, "registration",
               vocab.REGISTRATION.values, org_link("registration", vocab.REGISTRATION.slug),
               note="登记：在民政部门登记；备案：在街道或社区备案。"),
        _table(f, "org-tier", f"联系层级{suffix}", "联系层级", "联系层级", orgs, ALL, "tier",
               [*vocab.TIERS.values, NOT_GIVEN], org_link("tier", vocab.TIERS.slug)),
        _table(f, "org-rating", f"评估等级{suffix}", "评估等级", "评估等级", orgs, ALL, "rating",
               [*vocab.GRADES.values, NOT_GIVEN], org_link("rating", vocab.GRADES.slug),
               note="按档案中最近一次评估，含已过有效期的等级。"),
        _table(f, "org-street", f"服务街道{suffix}", "服务街道", "街道/社区", orgs, ALL, "street",
               _busiest(f.of(ALL, "street")), org_link("street", urls.text_slug), total=False,
               note="一个组织可服务多个街道，各行之和大于组织总数。"),
        _table(f, "org-area", f"服务领域{suffix}", "服务领域", "服务领域", orgs, ALL, "area", vocab.AREAS.values,
               org_link("area", vocab.AREAS.slug), total=False, note="一个组织可有多个服务领域，各行之和大于组织总数。"),
    ]
    return [t for t in made if tiers or t.key != "org-tier"]


def now_tables(f: Figures, tiers: bool = False) -> list[Table]:
    """``/stats/``: the directory now, the last 12 months and what is coming, all projects and trainings."""
    today = f.now.date()
    recent = [_month(month_start(today, n)) for n in range(-11, 1)]
    coming = [_month(month_start(today, n)) for n in range(COMING_MONTHS)]
    return [
        *org_tables(f, tiers=tiers),
        _months(f, "events-recent", "近 12 个月各月活动场次", "活动场次", RECENT, recent, "已结束的场次，不含已取消的活动。"),
        _months(f, "events-coming", "即将举行：各月活动场次", "即将举行", COMING, coming, "尚未结束的场次，不含已取消的活动。",
                sheet="即将举行"),
        *_event_facets(f, [RECENT, UPCOMING], ("近 12 个月", "未来 60 天"), "", _upcoming_link),
        *_served(f, RECENT, recent, "近 12 个月"),
        *_projects(f, ALL, "（全部年份）"),
        _trainings(f, ALL, "在线培训（全部）"),
    ]


def year_tables(f: Figures, year: int, directory: list[Table]) -> list[Table]:
    """One year's report: its events, 服务人次, projects and trainings, and ``directory`` (:func:`org_tables`)."""
    months = [(year, m) for m in range(1, 13)]
    archive = urls.events_past(year) if year in f.past_years else None
    return [
        _months(f, "events-month", f"{year} 年各月活动场次", "活动场次", year, months, "按开始日期计，不含已取消的活动。"),
        *_event_facets(f, [year], ("活动场次",), f"{year} 年", lambda *_: archive),
        *_served(f, year, months, f"{year} 年"),
        *_projects(f, year, f"（{year} 年）"),
        _trainings(f, year, f"{year} 年发布的在线培训"),
        *directory,
    ]


def _table(f: Figures, key: str, title: str, sheet: str, label: str, measure: Measure, scope: Any, dimension: str,
           keys: Iterable[str], link: Callable[[str, float], str | None], *, total: bool = True, note: str = "") -> Table:
    found = f.of(scope, dimension)
    rows = tuple(Row((k,), (found[k],), link(k, found[k])) for k in keys if k != NOT_GIVEN or found[k])
    return Table(key, title, sheet, (label,), (measure,), rows, note, total)


def _busiest(counter: Any) -> list[str]:
    """Keys by count, largest first (ties by name); 未填写 last."""
    return sorted(counter, key=lambda k: (k == NOT_GIVEN, -counter[k], k))


def _month(day: Any) -> tuple[int, int]:
    return day.year, day.month


def month_label(month: tuple[int, int]) -> str:
    return f"{month[0]} 年 {month[1]} 月"


def _months(f: Figures, key: str, title: str, heading: str, scope: Any, months: list[tuple[int, int]],
            note: str, sheet: str = "活动场次") -> Table:
    found = f.of(scope, "month")
    rows = tuple(Row((month_label(m),), (found[m],), _grid(f, m, found[m])) for m in months)
    return Table(key, title, sheet, ("月份",), (Measure(heading),), rows, note)


def _grid(f: Figures, month: tuple[int, int], amount: float) -> str | None:
    return urls.event_month(*month) if amount and f.has_grid(month) else None


def _upcoming_link(facet: str, key: str, upcoming: float) -> str | None:
    slug = "online" if key == ONLINE else urls.text_slug(key) if facet == "street" else vocab.EVENT_CATEGORIES.slug(key)
    return urls.event_filter(facet, slug) if upcoming and key != NO_STREET else None


def _event_facets(f: Figures, scopes: list[Any], headings: tuple[str, ...], prefix: str,
                  link: Callable[[str, str, float], str | None]) -> list[Table]:
    measures = tuple(Measure(h) for h in headings)
    category = [f.of(s, "category") for s in scopes]
    place = [f.of(s, "place") for s in scopes]
    streets = sorted({k for c in place for k in c if k not in (ONLINE, NO_STREET)}, key=lambda k: (-place[0][k], k))
    note = "不含已取消的活动。" + ("“未来 60 天”与活动预告列表的范围相同。" if len(scopes) > 1 else "")
    return [
        Table("events-category", f"{prefix}各类活动场次", "活动类别", ("活动类别",), measures,
              tuple(Row((k,), tuple(c[k] for c in category), link("category", k, category[-1][k]))
                    for k in vocab.EVENT_CATEGORIES.values), note),
        Table("events-street", f"{prefix}各街道活动场次", "活动街道", ("街道",), measures,
              tuple(Row((k,), tuple(c[k] for c in place), link("street", k, place[-1][k]))
                    for k in [*streets, ONLINE, NO_STREET] if any(c[k] for c in place)),
              note + "按活动场地所在街道；没有场地的线上活动计入“线上”。"),
    ]


def _served(f: Figures, scope: Any, months: list[tuple[int, int]], prefix: str) -> list[Table]:
    people, recaps = f.of(scope, "served-month"), f.of(scope, "recaps-month")
    areas = f.of(scope, "served-area")
    orgs_in = f.of(ALL, "area")
    note = "来自活动回顾中填写的服务人次，按活动（最后一场）的日期计入月份。"
    return [
        Table("served-month", f"{prefix}各月服务人次", "服务人次", ("月份",),
              (Measure("有回顾的活动"), Measure("服务人次", PEOPLE)),
              tuple(Row((month_label(m),), (recaps[m], people[m]), _grid(f, m, recaps[m])) for m in months), note),
        Table("served-area", f"{prefix}各服务领域服务人次", "服务领域人次", ("服务领域",),
              (Measure("服务人次", PEOPLE),),
              tuple(Row((a,), (areas[a],), urls.org_filter("area", vocab.AREAS.slug(a)) if orgs_in[a] else None)
                    for a in [*vocab.AREAS.values, NOT_GIVEN] if a != NOT_GIVEN or areas[a]),
              note + "按主办组织的第一项服务领域归类。"),
    ]


def _projects(f: Figures, scope: Any, suffix: str) -> list[Table]:
    count, funding, served = (f.of(scope, d) for d in ("project-count", "project-funding", "project-served"))
    funders, funder_money = f.of(scope, "funder-count"), f.of(scope, "funder-funding")
    money = Measure("资金（元）", MONEY)
    by_year = "按项目年份计。" if scope != ALL else ""
    return [
        Table("projects-kind", f"项目资金：按类型{suffix}", "项目类型", ("项目类型",),
              (money, Measure("项目数"), Measure("服务人次", PEOPLE)),  # the chart draws the first: the funding
              tuple(Row((k,), (funding[k], count[k], served[k]), PROJECTS_DATA) for k in vocab.PROJECT_KINDS.values),
              by_year + "来自各组织档案中的服务项目；服务人次为项目累计。"),
        Table("projects-funder", f"项目资金：按资助方{suffix}", "资助方", ("资助方",), (money, Measure("项目数")),
              tuple(Row((k,), (funder_money[k], funders[k]), PROJECTS_DATA)
                    for k in sorted(funders, key=lambda k: (k == NOT_GIVEN, -funder_money[k], k))), by_year),
        Table("brand-projects", f"品牌项目{suffix}", "品牌项目", ("组织", "项目名称", "项目类型", "年份"),
              (money, Measure("服务人次", PEOPLE)),
              tuple(Row((org.short_name, p.name, p.kind, str(p.year)), (p.funding or 0, p.served or 0), urls.org(org.id))
                    for org, p in sorted(f.brands.get(scope, ()), key=lambda pair: (-pair[1].year, pair[0].id, pair[1].name))),
              by_year, chart=False),
    ]


def _trainings(f: Figures, scope: Any, title: str) -> Table:
    count, seconds = f.of(scope, "training-count"), f.of(scope, "training-seconds")
    rows = tuple(Row((t,), (count[t], seconds[t]), f"{urls.TRAININGS}#topic-{vocab.TRAINING_TOPICS.slug(t)}" if count[t] else None)
                 for t in vocab.TRAINING_TOPICS.values)
    return Table("trainings", title, "在线培训", ("主题",), (Measure("节数"), Measure("总时长", DURATION)), rows,
                 "按发布日期计。" if scope != ALL else "")


__all__ = ["now_tables", "year_tables", "month_label", "COUNT"]
