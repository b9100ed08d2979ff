"""The database: one engine per desk, SQLite in WAL mode or PostgreSQL, migrated by Alembic on start.

Every write runs in :func:`transaction`; on SQLite the writers of this process take turns
on a lock (first come, first served, no busy polling) and each begins ``IMMEDIATE``, so
writers of other processes queue on the file lock instead of failing half-way. A database that cannot
take the write (locked past the timeout, disk full, server gone) raises
:class:`Unavailable`, which the pages turn into a Chinese 503.
"""
from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Iterator

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from .settings import Settings

MIGRATIONS = Path(__file__).with_name("migrations")


class Unavailable(Exception):
    """The database could not store or read what was asked (locked, full, unreachable)."""


class Database:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.engine = make_engine(settings)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._writers = threading.Lock() if settings.sqlite else None

    def migrate(self) -> None:
        """Create the tables on first start; apply newer migrations later."""
        config = AlembicConfig()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed at the end, or rolled back on any error."""
        try:
            with self._turn(), self.sessions() as session, session.begin():
                yield session
        except OperationalError as error:
            raise Unavailable(str(error.orig)) from error
        except DBAPIError as error:
            if error.connection_invalidated:
                raise Unavailable(str(error.orig)) from error
            raise

    @contextlib.contextmanager
    def _turn(self) -> Iterator[None]:
        """SQLite takes one writer at a time: this process's writers wait here, in order, up to the timeout."""
        if self._writers is None:
            yield
            return
        if not self._writers.acquire(timeout=self.settings.busy_timeout_ms / 1000):
            raise Unavailable("too many writers waiting")
        try:
            yield
        finally:
            self._writers.release()

    def dispose(self) -> None:
        self.engine.dispose()


def make_engine(settings: Settings) -> Engine:
    if not settings.sqlite:
        timeout = settings.busy_timeout_ms
        return create_engine(settings.database_url, pool_size=10, max_overflow=20, pool_pre_ping=True,
                             connect_args={"options": f"-c lock_timeout={timeout} -c statement_timeout={timeout * 2}",
                                           "connect_timeout": 5})
    path = settings.database_url.split("///", 1)[1]
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(settings.database_url, pool_size=20, max_overflow=20,
                           connect_args={"timeout": settings.busy_timeout_ms / 1000, "check_same_thread": False})
    _sqlite_pragmas(engine, settings.busy_timeout_ms)
    return engine


def _sqlite_pragmas(engine: Engine, busy_ms: int) -> None:
    """WAL (readers never wait for the writer), full sync (an acknowledged request survives a crash)."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, record) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in ("journal_mode=WAL", "synchronous=FULL", f"busy_timeout={busy_ms}", "foreign_keys=ON"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")
