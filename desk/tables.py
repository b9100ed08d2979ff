"""The desk's tables (SQLAlchemy 2). Alembic migrations in ``desk/migrations`` create and change them.

Shaped for more than venue requests: staff scopes name a kind of thing
(``venue`` now, ``org`` when event sign-ups arrive), the outbox and the audit
log name what they are about by kind and reference.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text, Time, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

PENDING, APPROVED, DECLINED, WITHDRAWN = "pending", "approved", "declined", "withdrawn"
OPEN_STATUSES = (PENDING, APPROVED)
"""Statuses that hold a slot: on the live availability and for clashes."""
STATUS_LABELS = {PENDING: "待审核", APPROVED: "已同意", DECLINED: "未同意", WITHDRAWN: "已撤回"}
"""What readers and staff see for each status."""


class Moment(TypeDecorator):
    """An aware datetime stored as UTC without a zone (SQLite keeps no zone; PostgreSQL gets the same)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None) if value is not None else None

    def process_result_value(self, value, dialect):
        return value.replace(tzinfo=dt.timezone.utc) if value is not None else None


class Base(DeclarativeBase):
    pass


class VenueRequest(Base):
    """One reader's request for a venue slot; personal fields are emptied after the retention period."""

    __tablename__ = "venue_requests"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    """``CD-20261209-0007``: the day it arrived and its number that day."""
    token: Mapped[str] = mapped_column(String(40), unique=True)
    """The secret part of the reader's status link (``/r/<token>``); the reference alone opens nothing."""
    idem_key: Mapped[str | None] = mapped_column(String(80), unique=True)
    """The client's idempotency key, or a hash of the content: the same request twice is stored once."""
    venue: Mapped[str] = mapped_column(String(100), index=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    start: Mapped[dt.time] = mapped_column(Time)
    end: Mapped[dt.time] = mapped_column(Time)
    people: Mapped[int] = mapped_column(Integer)
    org: Mapped[str] = mapped_column(String(60))
    applicant: Mapped[str] = mapped_column(String(30))
    phone: Mapped[str] = mapped_column(String(20))
    purpose: Mapped[str] = mapped_column(Text)
    equipment: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(12), default=PENDING, index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    """The staff member's note to the applicant (shown on the status page)."""
    created_at: Mapped[dt.datetime] = mapped_column(Moment)
    decided_at: Mapped[dt.datetime | None] = mapped_column(Moment)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    purged_at: Mapped[dt.datetime | None] = mapped_column(Moment)


class Counter(Base):
    """The last number given out under one prefix (``CD-20261209``)."""

    __tablename__ = "counters"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class SlotLock(Base):
    """One row per venue, locked while a decision about its slots is taken (no double approval)."""

    __tablename__ = "slot_locks"
    venue: Mapped[str] = mapped_column(String(100), primary_key=True)


class StaffUser(Base):
    __tablename__ = "staff_users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(Moment)


class StaffScope(Base):
    """What a non-admin staff member may see: ``("venue", id)`` now; ``("org", id)`` for sign-ups later."""

    __tablename__ = "staff_scopes"
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id", ondelete="CASCADE"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    target: Mapped[str] = mapped_column(String(100), primary_key=True)


class StaffChannel(Base):
    """Where a staff member is told about new requests: an Apprise URL (WeCom or DingTalk robot, mail…)."""

    __tablename__ = "staff_channels"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id", ondelete="CASCADE"), index=True)
    url: Mapped[str] = mapped_column(Text)


class StaffSession(Base):
    __tablename__ = "staff_sessions"
    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    """HMAC of the cookie's value under the secret key: a new key ends every session."""
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_users.id", ondelete="CASCADE"))
    csrf: Mapped[str] = mapped_column(String(64))
    expires_at: Mapped[dt.datetime] = mapped_column(Moment)


class AuditEntry(Base):
    """Every view, change and export of personal data by staff."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(Moment, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("staff_users.id"))
    user_name: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(30))
    subject: Mapped[str] = mapped_column(String(200), default="")
    """What was seen or changed: a reference, a venue id, an export's scope."""


class OutboxMessage(Base):
    """A notification to send, written in the request's own transaction and sent afterwards, with retries."""

    __tablename__ = "outbox"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel_url: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_at: Mapped[dt.datetime] = mapped_column(Moment, index=True)
    sent_at: Mapped[dt.datetime | None] = mapped_column(Moment)
    last_error: Mapped[str] = mapped_column(Text, default="")
