"""Desks for the tests: in-process (Starlette's test client) or a real server process, on SQLite or PostgreSQL."""
from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from desk.settings import Settings

from .postgres import free_port
from .sitebuild import NOW, REPO, environ

VENUE = "hutian-funv-zhijia"
"""湖田街道妇女之家: 40 people, 3 days ahead, 周一–周五 08:30–17:30, 周六 09:00–16:00."""
OTHER_VENUE = "fuer-fuwu-zhongxin-peixunshi"
FORM = {"venue": VENUE, "venue_name": "湖田街道妇女之家 活动室", "applicant": "王芳", "org": "滨河区婚姻家庭辅导中心",
        "phone": "13800001234", "date": "2026-12-01", "start": "14:00", "end": "15:30", "people": "25",
        "purpose": "亲子阅读会", "equipment": "投影、话筒", "agree": "yes"}
"""A valid request (the clock of every desk test is support.sitebuild.NOW: 2026-11-22, a Sunday)."""
JSON = {"Accept": "application/json"}
PASSWORD = "correct horse battery"


def settings(database_url: str, records: Path, **changes) -> Settings:
    base = Settings(database_url=database_url, records=records, base_url="http://desk.test", proof_of_work=False,
                    rate_limit=100000, secret_key="test-secret", site_origins=("http://127.0.0.1:8000",))
    return dataclasses.replace(base, **changes)


def environment(database_url: str, records: Path, base_url: str, **extra: str) -> dict[str, str]:
    """The environment of a desk server process."""
    return {**os.environ, "PYTHONPATH": f"{REPO / 'hooks'}:{REPO}", "COLUMN_NOW": NOW,
            "DESK_DATABASE_URL": database_url, "DESK_RECORDS": str(records), "DESK_BASE_URL": base_url,
            "DESK_SECRET_KEY": "test-secret", "DESK_PROOF_OF_WORK": "off", "DESK_RATE_LIMIT": "100000",
            "DESK_SITE_ORIGINS": "http://127.0.0.1:8000", **extra}


def run_command(env: dict[str, str], *args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "desk", *args], env=env, input=stdin.encode("utf-8"),
                          capture_output=True, cwd=REPO, timeout=120)


@dataclasses.dataclass
class Server:
    url: str
    process: subprocess.Popen
    env: dict[str, str]

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        self.process.stderr.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process.stderr.close()


def start_server(database_url: str, records: Path, port: int = 0, **extra: str) -> Server:
    """A desk process on ``port`` (a free one when 0), answering ``/healthz``; ``extra`` are more variables."""
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    env = environment(database_url, records, url, **extra)
    process = subprocess.Popen([sys.executable, "-m", "desk", "serve", "--port", str(port)], env=env, cwd=REPO,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            message = process.stderr.read().decode("utf-8", "replace")
            process.stderr.close()
            raise RuntimeError(message)
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2):
                return Server(url, process, env)
        except OSError:
            time.sleep(0.2)
    Server(url, process, env).stop()
    raise RuntimeError("desk did not start in 60 s")


@contextmanager
def server(database_url: str, records: Path, port: int = 0, **extra: str):
    running = start_server(database_url, records, port, **extra)
    try:
        yield running
    finally:
        running.stop()


@contextmanager
def column_clock():
    with environ(COLUMN_NOW=NOW):
        yield


def add_staff(client, name: str, *, admin: bool = False, venues: tuple[str, ...] = (), channels: tuple[str, ...] = ()):
    """A staff account in the in-process desk's database (what ``python -m desk user add`` does)."""
    from desk import auth

    with client.app.state.desk.db.transaction() as session:
        auth.add_user(session, name, PASSWORD, admin=admin, venues=list(venues), channels=list(channels))


def csrf_in(html: str) -> str:
    import re

    return re.search(r'name="csrf" value="([^"]+)"', html)[1]


def log_in(client, name: str, password: str = PASSWORD):
    """Log in through the login page as a browser does; returns the answer to the login form."""
    client.cookies.clear()
    page = client.get("/staff/login")
    return client.post("/staff/login", data={"name": name, "password": password, "csrf": csrf_in(page.text), "next": ""},
                       headers={"Origin": client.base_url.scheme + "://" + client.base_url.netloc.decode()})
