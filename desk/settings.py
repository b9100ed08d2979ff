"""The desk's settings, read once from the environment (``DESK_*``), with defaults for one machine."""
from __future__ import annotations

import dataclasses
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
"""The repository: its records are what the desk knows about venues and events."""


def _list(text: str) -> tuple[str, ...]:
    return tuple(part.strip().rstrip("/") for part in text.split(",") if part.strip())


def _flag(text: str) -> bool:
    return text.strip().lower() not in ("0", "off", "no", "false", "")


@dataclasses.dataclass(frozen=True)
class Settings:
    """Everything an operator may set; see the staff guide's 受理台 page for each variable."""

    database_url: str = f"sqlite:///{ROOT / '.desk' / 'desk.sqlite3'}"
    """``DESK_DATABASE_URL``: ``sqlite:///path`` or ``postgresql+psycopg://user:pass@host/db``."""
    records: Path = ROOT
    """``DESK_RECORDS``: the folder holding ``venues/``, ``events/`` and ``orgs/``."""
    base_url: str = "http://127.0.0.1:8001"
    """``DESK_BASE_URL``: the desk's own public address (status links are built from it)."""
    site_origins: tuple[str, ...] = ("http://127.0.0.1:8000",)
    """``DESK_SITE_ORIGINS``: the column site's origins, comma-separated (CORS and form posts)."""
    secret_key: str = ""
    """``DESK_SECRET_KEY``: signs proof-of-work challenges and session ids; rotate it to log everybody out."""
    proof_of_work: bool = True
    """``DESK_PROOF_OF_WORK``: ``off`` accepts requests without an ALTCHA solution (local tests only)."""
    pow_cost: int = 5000
    """``DESK_POW_COST``: PBKDF2 iterations of one proof-of-work attempt."""
    rate_limit: int = 10
    """``DESK_RATE_LIMIT``: requests accepted from one address per ten minutes."""
    retention_days: int = 180
    """``DESK_RETENTION_DAYS``: personal data is purged this many days after the requested date."""
    secure_cookies: bool = False
    """``DESK_SECURE_COOKIES``: on when ``base_url`` is https (sessions only over HTTPS)."""
    busy_timeout_ms: int = 15000
    """``DESK_BUSY_TIMEOUT_MS``: how long a write waits for the database before answering 503."""
    max_body: int = 16384
    """Bytes of one request's body beyond which it is refused (413)."""

    @property
    def sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


def from_environ(environ: dict[str, str] | None = None) -> Settings:
    """Settings from ``DESK_*`` variables; anything unset keeps its default."""
    env = os.environ if environ is None else environ
    base = Settings()
    base_url = env.get("DESK_BASE_URL", base.base_url).rstrip("/")
    return Settings(
        database_url=env.get("DESK_DATABASE_URL", base.database_url),
        records=Path(env.get("DESK_RECORDS", str(base.records))),
        base_url=base_url,
        site_origins=_list(env.get("DESK_SITE_ORIGINS", ",".join(base.site_origins))),
        secret_key=env.get("DESK_SECRET_KEY", ""),
        proof_of_work=_flag(env.get("DESK_PROOF_OF_WORK", "on")),
        pow_cost=int(env.get("DESK_POW_COST", base.pow_cost)),
        rate_limit=int(env.get("DESK_RATE_LIMIT", base.rate_limit)),
        retention_days=int(env.get("DESK_RETENTION_DAYS", base.retention_days)),
        secure_cookies=_flag(env.get("DESK_SECURE_COOKIES", "on" if base_url.startswith("https:") else "off")),
        busy_timeout_ms=int(env.get("DESK_BUSY_TIMEOUT_MS", base.busy_timeout_ms)),
    )
