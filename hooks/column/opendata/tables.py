"""Which tables the open data holds, and which fields of each kind they publish.

Only fields shown on the public pages are listed here (an allowlist: a field
added to a schema later stays out of the data until it is added here). Column
names are the schema's field paths, so they stay the same from build to build.
Rows come from normalized records: drafts are left out by the caller, and the
model has already dropped names without consent and phones not marked public.
"""
from __future__ import annotations

import dataclasses
from typing import Any, Callable, Iterable

from ..model.event import expand
from ..render import urls
from ..schema import event as event_schema
from ..schema import org as org_schema
from ..schema import story as story_schema
from ..schema import training as training_schema
from ..schema import venue as venue_schema
from .columns import Column, derived, from_schema


@dataclasses.dataclass(frozen=True)
class Table:
    """One table of the data package, published as ``data/<name>.csv`` and ``data/<name>.json``."""

    name: str
    title: str
    description: str
    source: str
    """The kind whose records the rows come from (``org``, ``event``… ``story``)."""
    columns: tuple[Column, ...]
    rows: Callable[[Any], Iterable[Any]] = lambda record: (record,)
    """The rows one record gives: itself, or ``(record, item)`` for each item of one of its lists."""
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[tuple[str, str, str], ...] = ()
    """(column, other table, its column): e.g. a project's ``org`` is an ``id`` of ``orgs``."""


def _id(title: str) -> Column:
    return derived("id", title, "string", lambda record: record.id, "记录的编号，即 YAML 文件名（不含 .yml），也是页面网址的最后一段",
                   required=True)


def _page(url: Callable[[str], str]) -> Column:
    return derived("page", "页面", "string", lambda record: url(record.id), "本站页面的路径（接在本站网址之后）")


def _parent(name: str, title: str, of: str) -> Column:
    return derived(name, title, "string", lambda row: row[0].id, f"所属{of}的编号", required=True)


def _items(attribute: str) -> Callable[[Any], Iterable[Any]]:
    return lambda record: ((record, item) for item in getattr(record, attribute))


_O = org_schema.SCHEMA
ORGS = Table("orgs", "组织名录", "每个组织一行：登记或备案信息、评估等级、服务领域和公开的联系方式。", "org", (
    _id("组织编号"), _page(urls.org), from_schema(_O, "name", required=True), from_schema(_O, "short_name"),
    from_schema(_O, "type", required=True), from_schema(_O, "registration.status", required=True),
    from_schema(_O, "registration.uscc"), from_schema(_O, "registration.authority"),
    from_schema(_O, "registration.filed_with"), from_schema(_O, "registration.date"), from_schema(_O, "supervisor"),
    from_schema(_O, "founded"), from_schema(_O, "rating.grade"), from_schema(_O, "rating.year"),
    from_schema(_O, "inspection.year"), from_schema(_O, "inspection.result"), from_schema(_O, "tier"),
    from_schema(_O, "incubator"), from_schema(_O, "member_of"), from_schema(_O, "areas"), from_schema(_O, "streets"),
    from_schema(_O, "leader.role"), from_schema(_O, "leader.name", title="带头人姓名（本人同意公开时）"),
    from_schema(_O, "contact.phone", title="电话（公开的）"), from_schema(_O, "contact.email"),
    from_schema(_O, "contact.website"), from_schema(_O, "contact.wechat"), from_schema(_O, "contact.address"),
    from_schema(_O, "description"), from_schema(_O, "verified"),
), primary_key=("id",))

ORG_PROJECTS = Table("org-projects", "服务项目", "每个项目一行：品牌项目、公益创投、政府购买服务等，含资金和服务人次。", "org", (
    _parent("org", "组织编号", "组织"), from_schema(_O, "projects[].name", required=True),
    from_schema(_O, "projects[].kind", required=True), from_schema(_O, "projects[].funder"),
    from_schema(_O, "projects[].year", required=True), from_schema(_O, "projects[].funding"),
    from_schema(_O, "projects[].served"), from_schema(_O, "projects[].brand"),
    from_schema(_O, "projects[].description"),
), rows=_items("projects"), foreign_keys=(("org", "orgs", "id"),))

ORG_HONOURS = Table("org-honours", "组织荣誉", "每项组织荣誉一行。", "org", (
    _parent("org", "组织编号", "组织"), from_schema(_O, "honours[].title", required=True),
    from_schema(_O, "honours[].year", required=True), from_schema(_O, "honours[].by"),
), rows=_items("honours"), foreign_keys=(("org", "orgs", "id"),))

_V = venue_schema.SCHEMA
VENUES = Table("venues", "活动场地", "每个可申请的场地一行。", "venue", (
    _id("场地编号"), _page(urls.venue), from_schema(_V, "name", required=True), from_schema(_V, "kind", required=True),
    from_schema(_V, "street"), from_schema(_V, "address", required=True),
    from_schema(_V, "location.lng", get=lambda v: v.location[0] if v.location else None),
    from_schema(_V, "location.lat", get=lambda v: v.location[1] if v.location else None),
    from_schema(_V, "org"), from_schema(_V, "manager"), from_schema(_V, "capacity", required=True),
    from_schema(_V, "facilities"), from_schema(_V, "accessibility"),
    from_schema(_V, "hours", get=lambda v: [h.label() for h in v.hours], title="开放时间（星期 时段）"),
    from_schema(_V, "lead_days"), from_schema(_V, "phone"), from_schema(_V, "description"),
), primary_key=("id",), foreign_keys=(("org", "orgs", "id"),))

_E = event_schema.SCHEMA
EVENTS = Table("events", "活动", "每项活动一行（定期活动也是一行，各次见“活动场次”）。时间为北京时间。", "event", (
    _id("活动编号"), _page(urls.event), from_schema(_E, "title", required=True),
    from_schema(_E, "category", required=True), from_schema(_E, "organizers", required=True),
    from_schema(_E, "start", required=True), from_schema(_E, "end"),
    derived("all_day", "全天活动", "boolean", lambda e: e.all_day, "true 表示全天活动：开始、结束只看日期"),
    from_schema(_E, "repeat.every"), from_schema(_E, "repeat.interval"), from_schema(_E, "repeat.until"),
    from_schema(_E, "repeat.count"), from_schema(_E, "repeat.skip"), from_schema(_E, "venue"),
    from_schema(_E, "address"), from_schema(_E, "online"), from_schema(_E, "audience", required=True),
    from_schema(_E, "capacity"), from_schema(_E, "registration.link"), from_schema(_E, "registration.phone"),
    from_schema(_E, "registration.deadline"), from_schema(_E, "registration.fee"), from_schema(_E, "registration.note"),
    from_schema(_E, "status"), from_schema(_E, "status_reason"),
    from_schema(_E, "postponed_to.start", get=lambda e: e.postponed_start),
    from_schema(_E, "postponed_to.end", get=lambda e: e.postponed_end),
    from_schema(_E, "recap.time"), from_schema(_E, "recap.served"), from_schema(_E, "recap.text"),
    from_schema(_E, "description"), from_schema(_E, "created"),
), primary_key=("id",), foreign_keys=(("venue", "venues", "id"),))

EVENT_SESSIONS = Table("event-sessions", "活动场次", "每场一行：定期活动展开为各次（已跳过的日期不列），延期活动按新时间。", "event", (
    _parent("event", "活动编号", "活动"),
    derived("session", "第几场", "integer", lambda row: row[1].index + 1, "同一活动的第几场，从 1 开始", required=True),
    derived("start", "开始时间", "datetime", lambda row: row[1].start, "北京时间", required=True),
    derived("end", "结束时间", "datetime", lambda row: row[1].end, "北京时间", required=True),
), rows=lambda event: ((event, occ) for occ in expand(event)), primary_key=("event", "session"),
   foreign_keys=(("event", "events", "id"),))

EVENT_UPDATES = Table("event-updates", "活动讯息", "每条活动讯息一行（变更通知、现场播报）。", "event", (
    _parent("event", "活动编号", "活动"), from_schema(_E, "updates[].time", required=True), from_schema(_E, "updates[].title"),
    from_schema(_E, "updates[].text", required=True), from_schema(_E, "updates[].change"),
), rows=_items("updates"), foreign_keys=(("event", "events", "id"),))

_T = training_schema.SCHEMA
TRAININGS = Table("trainings", "在线培训", "每节培训一行。", "training", (
    _id("培训编号"), _page(urls.training), from_schema(_T, "title", required=True), from_schema(_T, "kind", required=True),
    from_schema(_T, "topic", required=True), from_schema(_T, "series.name"), from_schema(_T, "series.order"),
    from_schema(_T, "presenter"), from_schema(_T, "provider"),
    from_schema(_T, "duration", type="integer", title="时长（秒）", required=True),
    from_schema(_T, "published", required=True), from_schema(_T, "orgs"), from_schema(_T, "events"),
    from_schema(_T, "description"),
), primary_key=("id",), foreign_keys=(("provider", "orgs", "id"),))

_S = story_schema.SCHEMA
STORIES = Table("stories", "故事", "每篇故事一行（正文见故事页面）。", "story", (
    from_schema(_S, "slug", get=lambda s: s.id, required=True), _page(urls.story),
    from_schema(_S, "title", required=True), from_schema(_S, "date", required=True),
    from_schema(_S, "categories", required=True), from_schema(_S, "description", required=True),
    from_schema(_S, "orgs"), from_schema(_S, "events"), from_schema(_S, "featured"),
), primary_key=("slug",))

TABLES: tuple[Table, ...] = (ORGS, ORG_PROJECTS, ORG_HONOURS, VENUES, EVENTS, EVENT_SESSIONS, EVENT_UPDATES,
                             TRAININGS, STORIES)
