"""What ``make serve`` shows while records have errors: a Chinese page that lists them.

A failed rebuild leaves MkDocs' preview server waiting, so the browser would hang
until the errors are fixed. Instead the preview is built as this one page (at every
address, as the home page and as the "not found" page), and the page asks the
server every second whether what it shows is still current: once the records are
fixed, or other errors are found, it reloads itself.
"""
from __future__ import annotations

import hashlib

from .problems import Problems, by_place
from .render.env import environment

MARK = "column-preview-errors"
"""Name of the ``<meta>`` whose content tells one list of errors from another."""
POLL_MS = 1000


def error_page(problems: Problems) -> str:
    """A self-contained HTML page (no theme, no external file) listing every problem, errors first."""
    token = hashlib.sha256(problems.report().encode("utf-8")).hexdigest()[:16]
    return environment().get_template("preview_errors.html").render(
        errors=sorted(problems.errors, key=by_place), warnings=sorted(problems.warnings, key=by_place),
        mark=MARK, token=token, poll_ms=POLL_MS)
