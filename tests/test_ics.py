"""The published calendars, read back by icalendar and by an independent parser (vobject)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events
import vobject
import yaml

from column import catalog as catalog_module
from column.clock import TZ
from column.kinds import Context
from column.problems import Problems
from column.render import ics
from column.render.env import Settings
from support.sitebuild import SAMPLE

UTC = dt.timezone.utc
EVENTS = sorted(p.stem for p in (SAMPLE / "events").glob("*.yml"))


def raw(event_id: str) -> dict:
    return yaml.safe_load((SAMPLE / "events" / f"{event_id}.yml").read_text(encoding="utf-8"))


def as_utc(local_text: str) -> dt.datetime:
    """What a time staff wrote in Beijing time is in UTC (computed here, not by the site's code)."""
    moment = dt.datetime.strptime(str(local_text), "%Y-%m-%d %H:%M")
    return (moment - dt.timedelta(hours=8)).replace(tzinfo=UTC)


def vobject_event(site: Path, event_id: str):
    return vobject.readOne((site / "events" / event_id / "event.ics").read_text(encoding="utf-8")).vevent


@pytest.fixture(scope="module")
def site_calendar(sample_site) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical((sample_site / "calendar.ics").read_bytes())


def test_every_event_is_in_the_site_calendar_once_with_a_stable_uid(site_calendar):
    uids = sorted(str(e["UID"]) for e in site_calendar.walk("VEVENT"))
    assert uids == sorted(f"{name}@127.0.0.1" for name in EVENTS)
    assert str(site_calendar["X-WR-CALNAME"]) == "女性社会组织专栏 · 全部活动"
    assert [str(tz["TZID"]) for tz in site_calendar.walk("VTIMEZONE")] == ["Asia/Shanghai"]


@pytest.mark.parametrize("event_id", ["nvxing-chuangye-peixun-2026", "jinguo-zhiyuan-shouye", "laonianren-fangzha",
                                      "xianshang-jiajiao-ketang", "weilao-jiankang-yizhen"])
def test_local_times_are_right_in_utc_for_both_parsers(sample_site, site_calendar, event_id):
    data = raw(event_id)
    by_icalendar = next(e for e in site_calendar.walk("VEVENT") if str(e["UID"]).startswith(event_id + "@"))
    by_vobject = vobject_event(sample_site, event_id)
    for key, field in (("start", "DTSTART"), ("end", "DTEND")):
        expected = as_utc(data[key])
        assert by_icalendar[field].dt.astimezone(UTC) == expected
        assert by_vobject.contents[field.lower()][0].value.astimezone(UTC) == expected


def test_event_crossing_midnight_ends_on_the_next_day(sample_site):
    event = vobject_event(sample_site, "jinguo-zhiyuan-shouye")
    assert event.dtstart.value.astimezone(UTC) == dt.datetime(2026, 12, 31, 13, 0, tzinfo=UTC)
    assert event.dtend.value.astimezone(TZ) == dt.datetime(2027, 1, 1, 0, 30, tzinfo=TZ)


def test_all_day_multi_day_event_uses_dates_with_exclusive_end(sample_site):
    event = vobject_event(sample_site, "jiazheng-zhaopinhui")
    assert (event.dtstart.value, event.dtend.value) == (dt.date(2027, 1, 9), dt.date(2027, 1, 11))


def test_weekly_series_expands_with_skipped_dates_in_vobject(sample_site):
    data = raw("dongcheng-qinzi-gongdu")
    event = vobject_event(sample_site, "dongcheng-qinzi-gongdu")
    days = [moment.astimezone(TZ).date() for moment in event.getrruleset(addRDate=True)]
    skipped = {dt.date.fromisoformat(str(d)) for d in data["repeat"]["skip"]}
    assert skipped and not skipped & set(days)
    assert days[0] == dt.date(2026, 10, 10) and days[-1] <= dt.date.fromisoformat(str(data["repeat"]["until"]))
    assert {d.weekday() for d in days} == {5}
    assert len(days) == 17 - len(skipped)
    assert "RRULE:FREQ=WEEKLY;UNTIL=20270130T155959Z" in (sample_site / "events/dongcheng-qinzi-gongdu/event.ics").read_text()


def test_monthly_series_by_weekday(sample_site):
    event = vobject_event(sample_site, "tongshu-tongyi-jiaohuan")
    days = [moment.astimezone(TZ).date() for moment in event.getrruleset(addRDate=True)]
    assert days == [dt.date(2026, 10, 10), dt.date(2026, 11, 14), dt.date(2026, 12, 12), dt.date(2027, 1, 9),
                    dt.date(2027, 2, 13), dt.date(2027, 3, 13)]


def test_cancelled_event_is_cancelled_with_a_bumped_sequence(site_calendar):
    event = next(e for e in site_calendar.walk("VEVENT") if str(e["UID"]).startswith("jiating-jiaoyu-jiangzuo-qingchunqi@"))
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) == 2  # one update marked as a change + the cancellation
    assert str(event["SUMMARY"]).startswith("【已取消】")


def test_postponed_event_has_its_new_time(sample_site):
    event = vobject_event(sample_site, "hunyin-jiating-shalong")
    new = raw("hunyin-jiating-shalong")["postponed_to"]
    assert event.dtstart.value.astimezone(UTC) == as_utc(new["start"])
    assert event.status.value == "CONFIRMED"
    assert int(event.sequence.value) == 2
    assert event.summary.value == "【延期】“和美家庭”夫妻沟通沙龙"


def test_dtstamp_comes_from_the_record_not_the_build_clock():
    def build(now: dt.datetime) -> bytes:
        problems = Problems()
        records = catalog_module.load(Context(SAMPLE, SAMPLE / "content", now, problems))
        return ics.calendar("全部活动", records.event.values(), records, Settings("https://example.org/column/"))

    first = build(dt.datetime(2026, 11, 22, 10, 0, tzinfo=TZ))
    assert first == build(dt.datetime(2027, 3, 1, 8, 0, tzinfo=TZ))
    stamps = {str(e["UID"]): e["DTSTAMP"].dt for e in icalendar.Calendar.from_ical(first).walk("VEVENT")}
    assert stamps["hunyin-jiating-shalong@example.org/column"] == dt.datetime(2026, 11, 21, 8, 0, tzinfo=UTC)
    assert stamps["laonianren-fangzha@example.org/column"] == as_utc(raw("laonianren-fangzha")["created"])


def test_org_and_venue_calendars_hold_only_their_events(sample_site):
    org = icalendar.Calendar.from_ical((sample_site / "orgs/dongcheng-mamabang/calendar.ics").read_bytes())
    venue = icalendar.Calendar.from_ical((sample_site / "venues/mashang-fuer-jiayuan/calendar.ics").read_bytes())
    org_ids = {str(e["UID"]).split("@")[0] for e in org.walk("VEVENT")}
    venue_ids = {str(e["UID"]).split("@")[0] for e in venue.walk("VEVENT")}
    assert org_ids == {n for n in EVENTS if "dongcheng-mamabang" in raw(n)["organizers"]}
    assert venue_ids == {n for n in EVENTS if raw(n).get("venue") == "mashang-fuer-jiayuan"}
    assert len(venue_ids) >= 3


def test_spliced_calendars_are_what_icalendar_writes_in_one_go():
    """``ics.Writer`` serializes each VEVENT once and splices it into every calendar that holds it."""
    now = dt.datetime(2026, 11, 22, 10, 0, tzinfo=TZ)
    records = catalog_module.load(Context(SAMPLE, SAMPLE / "content", now, Problems()))
    settings = Settings("https://example.org/column/")
    writer = ics.Writer(records, settings)
    events = sorted(records.event.values(), key=lambda e: (e.start, e.id))
    all_day = [e for e in events if e.all_day]
    assert all_day and len(all_day) < len(events)
    for name, chosen in (("全部活动", events), ("全天", all_day), ("一个", events[:1]), ("空", [])):
        whole = ics.header(name, "orgs-x-calendar@example.org/column", settings)
        whole.add_component(icalendar.Timezone.from_tzid("Asia/Shanghai", first_date=dt.date(2000, 1, 1)))
        for event in chosen:
            whole.add_component(ics.vevent(event, records, settings, "example.org/column"))
        assert writer.calendar(name, reversed(chosen), "orgs/x/calendar.ics") == whole.to_ical(), name


def test_a_calendar_keeps_its_uid_when_its_name_changes(sample_site):
    """Calendar apps know a subscription by its UID: it comes from the address, not from a title staff may edit."""
    org = icalendar.Calendar.from_ical((sample_site / "orgs/dongcheng-mamabang/calendar.ics").read_bytes())
    event = icalendar.Calendar.from_ical((sample_site / "events/chunjie-weiwen/event.ics").read_bytes())
    assert str(org["UID"]) == "orgs-dongcheng-mamabang-calendar@127.0.0.1"
    assert str(event["UID"]) == "events-chunjie-weiwen-event@127.0.0.1"


def all_calendars(site: Path) -> list[Path]:
    return sorted(site.rglob("*.ics"))


def test_every_calendar_asks_to_be_fetched_again_twice_a_day_as_rfc_7986_writes_it(sample_site):
    for path in all_calendars(sample_site):
        text = path.read_bytes().decode("utf-8")
        assert "\r\nREFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n" in text, path
        assert "\r\nX-PUBLISHED-TTL:PT12H\r\n" in text, path
        parsed = icalendar.Calendar.from_ical(text)
        assert parsed["REFRESH-INTERVAL"].dt == dt.timedelta(hours=12)
        assert vobject.readOne(text).contents["refresh-interval"][0].params["VALUE"] == ["DURATION"]


def test_no_calendar_is_an_empty_vcalendar(tmp_path):
    """RFC 5545 asks for at least one component: a calendar with no event still holds its time zone."""
    problems = Problems()
    records = catalog_module.load(Context(SAMPLE, SAMPLE / "content", dt.datetime(2026, 11, 22, tzinfo=TZ), problems))
    empty = icalendar.Calendar.from_ical(ics.calendar("空", [], records, Settings("https://example.org/")))
    assert [c.name for c in empty.subcomponents] == ["VTIMEZONE"]
    assert vobject.readOne(empty.to_ical().decode()).vtimezone


def test_uids_differ_for_two_columns_on_one_host():
    problems = Problems()
    records = catalog_module.load(Context(SAMPLE, SAMPLE / "content", dt.datetime(2026, 11, 22, tzinfo=TZ), problems))

    def uids(site_url: str) -> set[str]:
        text = ics.calendar("全部", records.event.values(), records, Settings(site_url), "calendar.ics")
        cal = icalendar.Calendar.from_ical(text)
        return {str(cal["UID"])} | {str(e["UID"]) for e in cal.walk("VEVENT")}

    first, second = uids("https://mirror.example.cn/a/"), uids("https://mirror.example.cn/b/")
    assert not first & second
    assert "laonianren-fangzha@mirror.example.cn/a" in first


@pytest.mark.parametrize("event_id", ["dongcheng-qinzi-gongdu", "tongshu-tongyi-jiaohuan"])
def test_recurring_ical_events_expands_series_as_the_page_lists_them(sample_site, event_id):
    """A third reader (recurring-ical-events, the one many calendar bridges use) agrees with vobject."""
    text = (sample_site / "events" / event_id / "event.ics").read_text(encoding="utf-8")
    by_vobject = sorted(m.astimezone(UTC) for m in vobject.readOne(text).vevent.getrruleset(addRDate=True))
    found = recurring_ical_events.of(icalendar.Calendar.from_ical(text)).between(dt.date(2020, 1, 1), dt.date(2030, 1, 1))
    assert sorted(e["DTSTART"].dt.astimezone(UTC) for e in found) == by_vobject


def test_every_calendar_parses_in_both_parsers_and_expands(sample_site):
    for path in all_calendars(sample_site):
        text = path.read_text(encoding="utf-8")
        parsed = icalendar.Calendar.from_ical(text)
        assert vobject.readOne(text).name == "VCALENDAR"
        expanded = recurring_ical_events.of(parsed).between(dt.date(2020, 1, 1), dt.date(2030, 1, 1))
        assert len(expanded) >= len(parsed.walk("VEVENT")), path
