"""Managers are told of new requests through Apprise channels; a failing channel is retried and loses nothing."""
from __future__ import annotations

import datetime as dt
import json
import time

import pytest
from sqlalchemy import select

from desk import notify
from desk.tables import OutboxMessage
from support.desk import FORM, JSON, OTHER_VENUE, VENUE, add_staff
from support.endpoint import endpoint


@pytest.fixture(scope="module")
def channel():
    with endpoint() as recorder:
        yield recorder


def wait_for(condition, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "nothing arrived"
        time.sleep(0.05)


def outbox(client) -> list[OutboxMessage]:
    with client.app.state.desk.db.transaction() as session:
        return list(session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def test_the_venue_manager_is_told_without_personal_data(desk_app, channel):
    channel.clear()
    add_staff(desk_app, "hutian-notify", venues=(VENUE,), channels=(f"json://{channel.url[7:]}",))
    add_staff(desk_app, "other-notify", venues=(OTHER_VENUE,), channels=(f"json://{channel.url[7:]}/other",))
    response = desk_app.post("/requests", data={**FORM, "idempotency_key": "notify-1"}, headers=JSON)
    assert response.status_code == 201
    wait_for(lambda: channel.bodies)
    sent = json.loads(next(iter(channel.bodies[0])))
    reference = response.json()["reference"]
    assert sent["title"] == f"新的场地申请 {reference}"
    assert sent["message"] == ("湖田街道妇女之家 活动室：2026-12-01 14:00–15:30，25 人，申请单位：滨河区婚姻家庭辅导中心。\n"
                               f"请登录受理台处理：http://desk.test/staff/requests/{reference}")
    assert "王芳" not in sent["message"] and "13800001234" not in sent["message"]
    wait_for(lambda: outbox(desk_app)[-1].sent_at is not None)
    assert len(outbox(desk_app)) == 1  # the other venue's manager is not told


def test_a_failing_channel_keeps_the_request_and_is_retried(desk_app, channel):
    channel.clear()
    channel.answer = "fail"
    response = desk_app.post("/requests", data={**FORM, "date": "2026-12-03", "idempotency_key": "notify-2"},
                             headers=JSON)
    assert response.status_code == 201
    assert "待审核" in desk_app.get(response.json()["status_url"]).text
    wait_for(lambda: outbox(desk_app)[-1].attempts == 1)
    failed = outbox(desk_app)[-1]
    assert failed.sent_at is None and failed.last_error == "通知服务没有接受这条消息"
    assert failed.next_at > notify.utcnow()
    channel.answer = "ok"
    later = notify.utcnow() + dt.timedelta(minutes=5)
    assert notify.deliver(desk_app.app.state.desk.db, later) == 1
    assert outbox(desk_app)[-1].sent_at is not None and len(channel.bodies) == 2
