"""The application factory: ``create_app(settings)`` builds one desk (database, records, routes, sender)."""
from __future__ import annotations

import contextlib
import dataclasses
import secrets
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.staticfiles import StaticFiles

from . import records as column_records
from .db import Database
from .limits import Window
from .notify import Sender
from .proof import Proof
from .settings import ROOT, Settings, from_environ

STATIC = Path(__file__).with_name("static")
WIDGET = ROOT / "node_modules" / "altcha" / "dist"
"""The ALTCHA widget from npm (``make`` installs it), served by the desk itself: nothing from a CDN."""


@dataclasses.dataclass
class Desk:
    """What every route needs, made once per application."""

    settings: Settings
    db: Database
    records: column_records.Records
    secret: str
    proof: Proof
    request_limit: Window
    login_limit: Window
    sender: Sender

    @property
    def root(self) -> str:
        """The path the desk is served under (``""`` at the root of its host)."""
        return urlsplit(self.settings.base_url).path.rstrip("/")

    @property
    def origin(self) -> str:
        parts = urlsplit(self.settings.base_url)
        return f"{parts.scheme}://{parts.netloc}"


def secret_key(settings: Settings) -> str:
    """``DESK_SECRET_KEY``, or (embedded SQLite only) one made on first start and kept under ``.desk/``."""
    if settings.secret_key:
        return settings.secret_key
    if not settings.sqlite:
        raise SystemExit("使用 PostgreSQL 时必须设置 DESK_SECRET_KEY（一串随机字符，如 openssl rand -hex 32 的输出）")
    path = Path(settings.database_url.split("///", 1)[1]).with_name("secret-key")
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


def make_desk(settings: Settings, records: column_records.Records | None = None) -> Desk:
    db = Database(settings)
    db.migrate()
    secret = secret_key(settings)
    loaded = records if records is not None else column_records.load(settings.records)
    return Desk(settings, db, loaded, secret, Proof(secret, settings.pow_cost),
                Window(settings.rate_limit, 600), Window(5, 900), Sender(db))


def create_app(settings: Settings | None = None, records: column_records.Records | None = None) -> FastAPI:
    """One desk; the database is created and migrated here, before the first request."""
    desk = make_desk(settings or from_environ(), records)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        desk.sender.start()
        yield
        desk.sender.stop()
        desk.db.dispose()

    app = FastAPI(title="受理台", version="1", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="女性社会组织专栏的受理台：接收场地申请，公布场地的实时占用情况（不含个人信息）。")
    app.state.desk = desk
    from .routes import exports, public, staff

    for module in (public, staff, exports):
        app.include_router(module.router)
    app.mount("/static/altcha", StaticFiles(directory=WIDGET, check_dir=False), name="altcha")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(CORSMiddleware, allow_origins=list(desk.settings.site_origins), allow_methods=["GET", "POST"],
                       allow_headers=["Content-Type", "Accept"], max_age=600)
    return app
