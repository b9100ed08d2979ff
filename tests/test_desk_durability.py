"""Nothing lost, on both databases: concurrent requests stored exactly once, a killed desk keeps what it acknowledged,
and a database that cannot write answers 503 in Chinese."""
from __future__ import annotations

import concurrent.futures
import contextlib
import http.client
import json
import sqlite3
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from sqlalchemy import create_engine, event, func, select, text

from desk.tables import VenueRequest
from support import desk
from support.desk_fixtures import client_for

BUSY = "受理台暂时无法保存申请（数据库忙或存储空间已满）。您填写的内容还在，请过几分钟再点“重新提交”，或直接打电话给场地管理人。"


def post(url: str, key: str, **changes) -> tuple[int, dict]:
    body = urllib.parse.urlencode({**desk.FORM, **changes, "idempotency_key": key}).encode("utf-8")
    request = urllib.request.Request(url + "/requests", data=body, headers=desk.JSON)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def stored(database_url: str) -> list[tuple[str, str | None]]:
    engine = create_engine(database_url)
    with engine.connect() as connection:
        found = connection.execute(select(VenueRequest.reference, VenueRequest.idem_key)).all()
    engine.dispose()
    return [tuple(row) for row in found]


def test_200_concurrent_requests_are_all_acknowledged_and_stored_once(new_database, desk_project):
    url = new_database()
    keys = [f"c{n}" for n in range(200)] + [f"c{n}" for n in range(0, 200, 4)]
    with desk.server(url, desk_project) as running:
        with concurrent.futures.ThreadPoolExecutor(50) as pool:
            answers = list(pool.map(lambda key: post(running.url, key), keys))
    assert {status for status, _ in answers} <= {200, 201}
    assert sum(status == 201 for status, _ in answers) == 200
    by_key = {}
    for key, (_, body) in zip(keys, answers):
        assert by_key.setdefault(key, body["reference"]) == body["reference"]
    rows = stored(url)
    assert len(rows) == 200 and len({reference for reference, _ in rows}) == 200
    assert sorted(reference for reference, _ in rows) == sorted(by_key.values())


def test_a_desk_killed_mid_stream_keeps_every_acknowledged_request(new_database, desk_project):
    url = new_database()
    acknowledged: list[str] = []
    stop = threading.Event()

    def stream(worker: int) -> None:
        for n in range(1000):
            if stop.is_set():
                return
            try:
                status, body = post(running.url, f"k{worker}-{n}")
            except (OSError, http.client.HTTPException):  # the desk was killed while answering
                return
            if status == 201:
                acknowledged.append(body["reference"])

    running = desk.start_server(url, desk_project)
    threads = [threading.Thread(target=stream, args=(w,)) for w in range(4)]
    for thread in threads:
        thread.start()
    while len(acknowledged) < 40:
        threading.Event().wait(0.05)
    running.kill()
    stop.set()
    for thread in threads:
        thread.join(timeout=30)
    with desk.server(url, desk_project) as again:
        status, _ = post(again.url, "after-restart")
    assert status == 201
    references = {reference for reference, _ in stored(url)}
    assert len(acknowledged) >= 40 and set(acknowledged) <= references


@contextlib.contextmanager
def impatient_desk(database_url, desk_project, desk_records):
    """An in-process desk that waits only 300 ms for a locked database."""
    settings = desk.settings(database_url, desk_project, busy_timeout_ms=300)
    with desk.column_clock(), client_for(settings, desk_records) as client:
        yield client


@pytest.fixture
def impatient(new_database, desk_project, desk_records):
    with impatient_desk(new_database(), desk_project, desk_records) as client:
        yield client


@pytest.fixture
def impatient_sqlite(tmp_path, desk_project, desk_records):
    """SQLite only: its file is the desk's own to fill (PostgreSQL's disk belongs to the server)."""
    with impatient_desk(f"sqlite:///{tmp_path / 'desk.sqlite3'}", desk_project, desk_records) as client:
        yield client


@contextlib.contextmanager
def lock_held(client, backend):
    """Another program holding the database's write lock (a backup tool, a stuck administrator)."""
    database_url = client.app.state.desk.settings.database_url
    if backend == "sqlite":
        connection = sqlite3.connect(database_url.split("///", 1)[1], isolation_level=None)
        connection.execute("BEGIN EXCLUSIVE")
        yield
        connection.execute("ROLLBACK")
        connection.close()
        return
    engine = create_engine(database_url)
    with engine.connect() as connection:
        connection.execute(text("LOCK TABLE venue_requests IN ACCESS EXCLUSIVE MODE"))
        yield
        connection.rollback()
    engine.dispose()


def test_a_locked_database_gives_503_in_chinese(impatient, backend):
    with lock_held(impatient, backend):
        response = impatient.post("/requests", data={**desk.FORM, "idempotency_key": "locked"}, headers=desk.JSON)
    assert response.status_code == 503
    assert response.json()["message"] == BUSY
    assert impatient.post("/requests", data={**desk.FORM, "idempotency_key": "locked"},
                          headers=desk.JSON).status_code == 201


def test_a_full_disk_gives_503_and_the_page_keeps_what_was_typed(impatient_sqlite):
    impatient = impatient_sqlite
    engine = impatient.app.state.desk.db.engine

    @event.listens_for(engine, "connect")
    def no_more_pages(dbapi_connection, record):
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    engine.dispose()
    answers = []
    for n in range(60):
        response = impatient.post("/requests", data={**desk.FORM, "purpose": "读书会" * 160, "idempotency_key": f"f{n}"},
                                  headers={"Accept": "text/html"})
        answers.append(response.status_code)
        if response.status_code != 201:
            break
    assert answers[-1] == 503, answers
    assert BUSY in response.text and 'value="王芳"' in response.text and "读书会读书会" in response.text
    with impatient.app.state.desk.db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(VenueRequest)) == len(answers) - 1
