"""Who may use a staff page: a signed-in session, a same-origin post, and the session's CSRF token."""
from __future__ import annotations

import functools
import inspect
from urllib.parse import quote

from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from .. import auth, intake, pages
from ..db import Unavailable

LOGIN_CSRF = "desk_login_csrf"


class Forbidden(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def _staff(request: Request) -> auth.Staff | None:
    desk = request.app.state.desk
    with desk.db.transaction() as session:
        return auth.current(session, request.cookies.get(auth.COOKIE, ""), desk.secret)


async def signed_in(request: Request) -> auth.Staff:
    try:
        staff = await run_in_threadpool(_staff, request)
    except Unavailable:
        raise Forbidden(503, "数据库暂时无法读取，请稍后再试。") from None
    if staff is None:
        raise Forbidden(401, "请先登录。")
    return staff


async def form_of(request: Request, *, staff: auth.Staff | None = None, login: bool = False) -> dict[str, str]:
    """The posted form, after checking that it comes from the desk's own pages (origin and CSRF token)."""
    desk = request.app.state.desk
    origin = request.headers.get("origin") or _referer_origin(request)
    if origin != desk.origin:
        raise Forbidden(403, "拒绝了来自其他网站的提交。请在受理台的页面上操作。")
    try:
        form = intake.fields(request.headers.get("content-type", ""), await intake.body(request, 8192))
    except intake.Refused as refused:
        raise Forbidden(refused.status, refused.message) from None
    expected = request.cookies.get(LOGIN_CSRF, "") if login else staff.csrf if staff else ""
    if not auth.same_token(form.get("csrf", ""), expected):
        raise Forbidden(403, "页面已过期或来源不明（缺少有效的安全令牌）。请重新打开页面再操作。")
    return form


def _referer_origin(request: Request) -> str:
    referer = request.headers.get("referer", "")
    parts = referer.split("/", 3)
    return "/".join(parts[:3]) if len(parts) >= 3 else ""


def refuse(request: Request, refused: Forbidden) -> Response:
    desk = request.app.state.desk
    if refused.status == 401:
        return RedirectResponse(f"{desk.root}/staff/login", status_code=303)
    return pages.page("message.html", refused.status, root=desk.root, heading="没有完成", message=refused.message,
                      link=("返回受理台", f"{desk.root}/staff/"))


def staff_page(view):
    """A GET page for signed-in staff: the view receives ``staff``; others are sent to the login page."""
    signature = inspect.signature(view)
    public = signature.replace(parameters=[p for n, p in signature.parameters.items() if n != "staff"])

    @functools.wraps(view)
    async def page(request: Request, **params) -> Response:
        desk = request.app.state.desk
        try:
            staff = await signed_in(request)
        except Forbidden as refused:
            if refused.status != 401:
                return refuse(request, refused)
            target = quote(request.url.path + (f"?{request.url.query}" if request.url.query else ""))
            return RedirectResponse(f"{desk.root}/staff/login?next={target}", status_code=303)
        try:
            return await run_in_threadpool(view, request, staff, **params)
        except Unavailable:
            return refuse(request, Forbidden(503, "数据库暂时无法读取，请稍后再试。"))

    page.__signature__ = public
    return page
