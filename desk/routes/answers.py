"""Answers of the public endpoints: JSON for scripts, a Chinese page for a browser without script."""
from __future__ import annotations

from fastapi.responses import JSONResponse
from starlette.requests import Request
from starlette.responses import Response

from .. import pages
from ..intake import wants_json
from ..rules_text import FIELD_LABELS, FORM_FIELDS

NO_STORE = {"Cache-Control": "no-store"}


def problem(request: Request, status: int, message: str, *, errors: dict[str, str] | None = None,
            form: dict[str, str] | None = None, headers: dict[str, str] | None = None) -> Response:
    """A refusal: ``{"message", "errors"}`` as JSON, or the form again with what was typed and the messages."""
    desk = request.app.state.desk
    head = {**NO_STORE, **(headers or {})}
    if wants_json(request):
        return JSONResponse({"message": message, "errors": errors or {}}, status_code=status, headers=head)
    if form is not None and form.get("venue") in desk.records.venues:
        hidden = {name: form.get(name, "") for name in ("venue", "venue_name", "idempotency_key")}
        return pages.page("form.html", status, head, root=desk.root, heading="申请还没有提交", message=message,
                          errors=errors or {}, form=form, hidden=hidden, fields=FORM_FIELDS, labels=FIELD_LABELS)
    return pages.page("message.html", status, head, root=desk.root, heading="申请还没有提交", message=message,
                      link=None)


def field_summary(errors: dict[str, str]) -> str:
    return f"有 {len(errors)} 处需要修改：" + "；".join(f"{FIELD_LABELS.get(k, k)}：{v}" for k, v in errors.items())
