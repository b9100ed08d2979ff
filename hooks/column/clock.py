"""The build's notion of "now", injectable so that tests and builds are reproducible."""
from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

TZ = ZoneInfo("Asia/Shanghai")
"""Times in records are local to this zone unless a record says otherwise."""


def now(environ: dict[str, str] | None = None) -> dt.datetime:
    """``COLUMN_NOW`` (ISO 8601), else ``SOURCE_DATE_EPOCH``, else the real clock; always aware."""
    env = os.environ if environ is None else environ
    if env.get("COLUMN_NOW"):
        moment = dt.datetime.fromisoformat(env["COLUMN_NOW"])
        return moment.replace(tzinfo=TZ) if moment.tzinfo is None else moment.astimezone(TZ)
    if env.get("SOURCE_DATE_EPOCH"):
        return dt.datetime.fromtimestamp(int(env["SOURCE_DATE_EPOCH"]), TZ)
    return dt.datetime.now(TZ)
