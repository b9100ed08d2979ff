"""Telling managers about new requests: an outbox written with the request, sent afterwards with retries.

The outbox row is part of the request's own transaction, so a request is never
stored without its notifications, and sending (which may be slow or fail) never
holds up the reader's answer. A background thread sends what is due through
Apprise (WeCom and DingTalk group robots, mail…) and retries failures with
growing pauses. Messages carry no name or phone: only what the manager needs
to open the request on the desk.
"""
from __future__ import annotations

import datetime as dt
import logging
import threading

import apprise
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from .db import Database, Unavailable
from .tables import OutboxMessage, StaffChannel, StaffScope, StaffUser
from .tables import VenueRequest as Row

log = logging.getLogger("desk.notify")
MAX_ATTEMPTS = 8
FIRST_PAUSE = dt.timedelta(seconds=20)
"""Pause after the first failure; doubled after each further one (20 s … about 40 min)."""


def channels_for(session: Session, venue: str) -> list[str]:
    """The Apprise URLs of every administrator and of every manager given ``venue``."""
    in_scope = select(StaffScope.user_id).where(StaffScope.kind == "venue", StaffScope.target == venue)
    users = select(StaffUser.id).where(or_(StaffUser.is_admin.is_(True), StaffUser.id.in_(in_scope)))
    return list(dict.fromkeys(session.scalars(select(StaffChannel.url).where(StaffChannel.user_id.in_(users)))))


def enqueue(session: Session, row: Row, venue_name: str, base_url: str) -> None:
    title = f"新的场地申请 {row.reference}"
    body = (f"{venue_name}：{row.date:%Y-%m-%d} {row.start:%H:%M}–{row.end:%H:%M}，{row.people} 人，"
            f"申请单位：{row.org}。\n请登录受理台处理：{base_url}/staff/requests/{row.reference}")
    for url in channels_for(session, row.venue):
        session.add(OutboxMessage(channel_url=url, title=title, body=body, attempts=0, next_at=utcnow(),
                                  last_error=""))


def utcnow() -> dt.datetime:
    """The machinery's clock (retries, sessions): always the real time, whatever ``COLUMN_NOW`` says."""
    return dt.datetime.now(dt.timezone.utc)


def send(url: str, title: str, body: str) -> str:
    """Send one message; ``""`` on success, else why it failed."""
    sender = apprise.Apprise()
    if not sender.add(url):
        return "无法识别的通知地址"
    return "" if sender.notify(title=title, body=body) else "通知服务没有接受这条消息"


def due(db: Database, now: dt.datetime, limit: int = 20) -> list[OutboxMessage]:
    with db.transaction() as session:
        query = (select(OutboxMessage).where(OutboxMessage.sent_at.is_(None), OutboxMessage.next_at <= now,
                                             OutboxMessage.attempts < MAX_ATTEMPTS)
                 .order_by(OutboxMessage.id).limit(limit))
        return list(session.scalars(query))


def deliver(db: Database, now: dt.datetime) -> int:
    """Send every message that is due; returns how many were sent."""
    sent = 0
    for message in due(db, now):
        error = send(message.channel_url, message.title, message.body)
        with db.transaction() as session:
            stored = session.get(OutboxMessage, message.id)
            stored.attempts += 1
            if error:
                stored.last_error = error
                stored.next_at = now + FIRST_PAUSE * 2 ** (stored.attempts - 1)
            else:
                stored.sent_at, stored.last_error = now, ""
                sent += 1
    return sent


class Sender:
    """The background thread: wakes when a request arrives, and every ``interval`` seconds."""

    def __init__(self, db: Database, interval: float = 5.0) -> None:
        self.db, self.interval = db, interval
        self.wake = threading.Event()
        self.stopping = threading.Event()
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        """Start the thread, unless it runs already (an application may see its start-up twice)."""
        if self.thread is None or not self.thread.is_alive():
            self.stopping.clear()
            self.thread = threading.Thread(target=self._run, name="desk-notify", daemon=True)
            self.thread.start()

    def stop(self) -> None:
        self.stopping.set()
        self.wake.set()
        if self.thread is not None:
            self.thread.join(timeout=10)

    def _run(self) -> None:
        while not self.stopping.is_set():
            try:
                deliver(self.db, utcnow())
            except Unavailable as error:
                log.warning("通知暂时无法读取数据库：%s", error)
            except Exception:  # the thread must outlive any one failure; the message stays due and is retried
                log.exception("发送通知时出错")
            self.wake.wait(self.interval)
            self.wake.clear()
