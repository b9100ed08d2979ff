"""Every JSON-LD block of the built site, expanded by a JSON-LD processor (pyld) and checked against
schema.org's own vocabulary (release 30.0, a copy in ``tests/fixtures/schemaorg/``) and against what
Google's Event rich result requires."""
from __future__ import annotations

import datetime as dt
import functools
import json
import re
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml
from pyld import jsonld

from support.sitebuild import NOW, SAMPLE

SDO = "https://schema.org/"
VOCABULARY = Path(__file__).parent / "fixtures" / "schemaorg" / "vocabulary-30.0.json"
_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
SITE_URL = "http://127.0.0.1:8000/"


@functools.lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    return json.loads(VOCABULARY.read_text(encoding="utf-8"))


def ancestors(kind: str) -> set[str]:
    found, todo = set(), [kind]
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo += vocabulary()["types"].get(current, [])
    return found


def schema_org_context(url: str, options: Any = None) -> dict[str, Any]:
    """The context behind ``"@context": "https://schema.org"``, offline: every term is a schema.org IRI."""
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": SDO}}}


def expanded(block: dict[str, Any]) -> list[dict[str, Any]]:
    dropped: list[str | None] = []
    result = jsonld.expand(block, {"documentLoader": schema_org_context}, on_property_dropped=dropped.append)
    assert not dropped, dropped
    return result


def nodes(items: list[Any]) -> Iterator[dict[str, Any]]:
    for item in items:
        if isinstance(item, dict) and "@value" not in item:
            yield item
            for key, values in item.items():
                if not key.startswith("@"):
                    yield from nodes(values)


def problems(node: dict[str, Any]) -> list[str]:
    """Types and properties schema.org does not know, properties used on a type outside their domain,
    and enumeration values that are not members."""
    types = [t.removeprefix(SDO) for t in node.get("@type", [])]
    found = [f"unknown type {t}" for t in types if t not in vocabulary()["types"]]
    kinds = set().union(*(ancestors(t) for t in types)) if types else {"Thing"}
    for key, values in node.items():
        if key.startswith("@"):
            continue
        name = key.removeprefix(SDO)
        prop = vocabulary()["properties"].get(name)
        if not key.startswith(SDO) or prop is None:
            found.append(f"unknown property {key}")
        elif not kinds & set(prop["domain"]):
            found.append(f"{name} is not a property of {types}")
        found += [f"{name}: {v['@value']} is no schema.org member" for v in values
                  if isinstance(v.get("@value"), str) and v["@value"].startswith(SDO)
                  and v["@value"].removeprefix(SDO) not in vocabulary()["enumeration_members"]]
    return found


def blocks(site: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    for page in sorted(site.rglob("index.html")):
        for text in _LD.findall(page.read_text(encoding="utf-8")):
            yield page.parent.relative_to(site).as_posix(), json.loads(text)


def test_every_json_ld_block_is_schema_org_vocabulary(sample_site):
    seen, wrong = set(), {}
    for url, block in blocks(sample_site):
        seen.add(block["@type"])
        found = [p for node in nodes(expanded(block)) for p in problems(node)]
        if found:
            wrong[url] = found
    assert not wrong, wrong
    assert {"Event", "NGO", "Place", "Article", "VideoObject"} <= seen


def test_the_checker_finds_invented_and_misplaced_properties_and_members():
    """The check above can fail: ``Place.manager`` (what venue pages once said) is not schema.org."""
    block = {"@context": "https://schema.org", "@type": "Place", "name": "妇女之家", "foundingDate": "2020-01-01",
             "manager": {"@type": "NGO", "name": "某协会"}, "publicAccess": "https://schema.org/EventOpen"}
    assert sorted(p for node in nodes(expanded(block)) for p in problems(node)) == [
        "foundingDate is not a property of ['Place']", "publicAccess: https://schema.org/EventOpen is no schema.org member",
        "unknown property https://schema.org/manager"]


def event_ld(site: Path, event_id: str) -> dict[str, Any]:
    return next(b for url, b in blocks(site) if url == f"events/{event_id}" and b["@type"] == "Event")


def event_ids() -> list[str]:
    return sorted(p.stem for p in (SAMPLE / "events").glob("*.yml"))


@pytest.mark.parametrize("event_id", event_ids())
def test_every_event_has_what_google_requires_and_recommends(sample_site, event_id):
    data = event_ld(sample_site, event_id)
    assert data["name"] and data["startDate"] and data["endDate"] >= data["startDate"][:10]
    assert data["image"] and all(re.search(r"\.(png|jpe?g|webp)$", i) for i in data["image"])
    for place in data["location"]:
        if place["@type"] == "Place":
            assert set(place["address"]) >= {"streetAddress", "addressLocality", "addressRegion", "addressCountry"}
            assert (place["address"]["addressRegion"], place["address"]["addressLocality"]) == ("示例省", "示例市")
        else:
            assert place["@type"] == "VirtualLocation" and place["url"].startswith("https://")
    assert data["eventStatus"].startswith(SDO) and data["organizer"]
    if "offers" in data:
        assert {"price", "priceCurrency", "availability", "url", "validFrom"} <= set(data["offers"])


def test_a_running_series_shows_its_next_session_and_lists_the_coming_ones(sample_site):
    """dongcheng-qinzi-gongdu: every Saturday from 2026-10-10; on the tests' clock (11-22) it is still running."""
    record = yaml.safe_load((SAMPLE / "events" / "dongcheng-qinzi-gongdu.yml").read_text(encoding="utf-8"))
    skipped = {str(day) for day in record["repeat"]["skip"]}
    data = event_ld(sample_site, "dongcheng-qinzi-gongdu")
    now = dt.datetime.fromisoformat(NOW)
    sessions = data["subEvent"]
    starts = [dt.datetime.fromisoformat(s["startDate"]) for s in sessions]
    assert (data["startDate"], data["endDate"]) == (sessions[0]["startDate"], sessions[0]["endDate"])
    assert starts[0] > now and starts[0] - now < dt.timedelta(days=14)
    saturdays = [dt.date(2026, 11, 28) + dt.timedelta(weeks=n) for n in range(10)]
    expected = [d.isoformat() for d in saturdays if d <= dt.date(2027, 1, 30) and d.isoformat() not in skipped]
    assert [s.date().isoformat() for s in starts] == expected and len(expected) < len(saturdays)
    assert all((s.hour, s.minute) == (9, 30) for s in starts)


def test_an_all_day_event_ends_on_its_last_day(sample_site):
    record = yaml.safe_load((SAMPLE / "events" / "jiazheng-zhaopinhui.yml").read_text(encoding="utf-8"))
    data = event_ld(sample_site, "jiazheng-zhaopinhui")
    assert (data["startDate"], data["endDate"]) == (record["start"], record["end"])


def test_a_one_day_all_day_event_starts_and_ends_on_the_same_day(sample_site):
    one_day = [b for url, b in blocks(sample_site) if b["@type"] == "Event" and len(b["startDate"]) == 10
               and b["startDate"] == b["endDate"]]
    assert one_day


def test_training_upload_dates_carry_a_time_zone(sample_site):
    videos = [b for _, b in blocks(sample_site) if b["@type"] in ("VideoObject", "AudioObject")]
    assert videos and all(dt.datetime.fromisoformat(b["uploadDate"]).utcoffset() == dt.timedelta(hours=8) for b in videos)
