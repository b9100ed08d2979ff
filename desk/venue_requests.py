"""Venue requests: receive one (stored once), withdraw, decide; each inside one database transaction."""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import secrets
from typing import Mapping

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from . import notify
from .db import Database
from .records import Records, Slot, VenueRequest, check_request
from .tables import APPROVED, DECLINED, OPEN_STATUSES, PENDING, WITHDRAWN, Counter, SlotLock
from .tables import VenueRequest as Row

PREFIX = "CD"
"""References of venue requests: ``CD-<day it arrived>-<number that day>`` (场地)."""
OPEN = OPEN_STATUSES


class Invalid(Exception):
    """The request breaks a rule: one Chinese message per field."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__(errors)
        self.errors = errors


@dataclasses.dataclass(frozen=True)
class Received:
    row: Row
    created: bool
    """False when the same request had already been stored (a retry or a double tap)."""


def receive(db: Database, records: Records, form: Mapping[str, str], now: dt.datetime) -> Received:
    """Check ``form`` against the column's rules and store it, once; the commit comes before any answer."""
    venue = records.venues.get(form.get("venue", ""))
    if venue is None:
        raise Invalid({"venue": "没有这个场地：请回到场地页面重新打开申请表"})
    key = idempotency_key(form)
    try:
        with db.transaction() as session:
            existing = session.scalar(select(Row).where(Row.idem_key == key))
            if existing is not None:
                return Received(existing, False)
            taken = records.event_slots.get(venue.id, []) + approved_slots(session, venue.id)
            request, errors = check_request(venue, form, now.date(), taken)
            if errors:
                raise Invalid(errors)
            row = _new_row(session, request, key, now)
            notify.enqueue(session, row, venue.name, db.settings.base_url)
            return Received(row, True)
    except IntegrityError:
        with db.transaction() as session:
            return Received(session.scalars(select(Row).where(Row.idem_key == key)).one(), False)


def idempotency_key(form: Mapping[str, str]) -> str:
    """The client's key when it sent one, else a hash of what was typed (a form posted twice without script)."""
    given = form.get("idempotency_key", "").strip()
    if given:
        return "k:" + hashlib.sha256(given.encode("utf-8")).hexdigest()[:64]
    fields = {name: form.get(name, "").strip() for name in sorted(form) if name not in ("altcha", "website")}
    return "c:" + hashlib.sha256(json.dumps(fields, ensure_ascii=False).encode("utf-8")).hexdigest()[:64]


def _new_row(session: Session, request: VenueRequest, key: str, now: dt.datetime) -> Row:
    day = now.astimezone(dt.timezone(dt.timedelta(hours=8))).strftime("%Y%m%d")
    number = next_number(session, f"{PREFIX}-{day}")
    row = Row(reference=f"{PREFIX}-{day}-{number:04d}", token=secrets.token_urlsafe(18), idem_key=key,
              venue=request.venue, date=request.date, start=request.start, end=request.end, people=request.people,
              org=request.org, applicant=request.applicant, phone=request.phone, purpose=request.purpose,
              equipment=request.equipment, status=PENDING, note="", created_at=now)
    session.add(row)
    session.flush()
    return row


def next_number(session: Session, name: str) -> int:
    """The next number under ``name``, by one upsert: concurrent requests never share one."""
    module = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = (module.insert(Counter).values(name=name, value=1)
                 .on_conflict_do_update(index_elements=[Counter.name], set_={"value": Counter.value + 1})
                 .returning(Counter.value))
    return session.execute(statement).scalar_one()


def approved_slots(session: Session, venue: str, *, without: int | None = None) -> list[Slot]:
    rows = session.scalars(select(Row).where(Row.venue == venue, Row.status == APPROVED, Row.id != (without or -1)))
    return [Slot(r.date, r.start, r.end, f"已同意的申请 {r.reference}") for r in rows]


def open_slots(session: Session, venue: str, today: dt.date) -> list[Row]:
    """Pending and approved requests at ``venue`` from ``today`` on, in time order."""
    query = (select(Row).where(Row.venue == venue, Row.status.in_(OPEN), Row.date >= today)
             .order_by(Row.date, Row.start))
    return list(session.scalars(query))


def by_token(session: Session, token: str) -> Row | None:
    return session.scalar(select(Row).where(Row.token == token)) if token else None


def withdraw(db: Database, token: str, now: dt.datetime) -> Row | None:
    """The applicant takes her request back (pending or approved); the slot is free again."""
    with db.transaction() as session:
        row = by_token(session, token)
        if row is not None and row.status in OPEN:
            row.status, row.decided_at, row.idem_key = WITHDRAWN, now, None
        return row


def decide(session: Session, records: Records, row: Row, status: str, note: str, user_id: int,
           now: dt.datetime) -> str:
    """Approve or decline ``row``; returns a Chinese reason when it cannot be done, else ``""``."""
    if row.status == WITHDRAWN or row.purged_at is not None:
        return "申请人已撤回这份申请，不能再处理"
    if status == APPROVED:
        lock_venue(session, row.venue)
        taken = records.event_slots.get(row.venue, []) + approved_slots(session, row.venue, without=row.id)
        clash = next((s for s in taken if s.overlaps(row.date, row.start, row.end)), None)
        if clash is not None:
            return f"与{clash.title}（{clash.start:%H:%M}–{clash.end:%H:%M}）时间重叠，不能同意；请先与申请人协调时间"
    row.status, row.note, row.decided_at, row.decided_by = status, note.strip(), now, user_id
    return ""


def lock_venue(session: Session, venue: str) -> None:
    """Hold the venue's lock row until the transaction ends: two approvals of one slot queue up."""
    module = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.execute(module.insert(SlotLock).values(venue=venue).on_conflict_do_nothing())
    session.execute(select(SlotLock).where(SlotLock.venue == venue).with_for_update())


DECISIONS = {APPROVED: "同意", DECLINED: "不同意"}


def purge(session: Session, today: dt.date, retention_days: int, now: dt.datetime) -> int:
    """Empty name, phone, purpose and equipment of requests whose day is ``retention_days`` past."""
    cutoff = today - dt.timedelta(days=retention_days)
    old = list(session.scalars(select(Row).where(Row.date < cutoff, Row.purged_at.is_(None))))
    for row in old:
        row.applicant, row.phone, row.purpose, row.equipment, row.purged_at = "", "", "", "", now
    return len(old)
