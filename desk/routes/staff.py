"""Staff pages: log in, the list of requests per venue with clashes, one request, approve or decline."""
from __future__ import annotations

import secrets
from urllib.parse import quote

from fastapi import APIRouter
from fastapi.responses import RedirectResponse
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from .. import audit, auth, pages, venue_requests
from ..db import Unavailable
from ..records import now
from ..tables import APPROVED, DECLINED, OPEN_STATUSES, STATUS_LABELS
from ..tables import VenueRequest as Row
from .guard import LOGIN_CSRF, Forbidden, form_of, refuse, signed_in, staff_page

router = APIRouter(prefix="/staff", include_in_schema=False)
LIST_LIMIT = 300


@router.get("/login")
def login_form(request: Request, next: str = "") -> Response:
    desk = request.app.state.desk
    token = secrets.token_urlsafe(24)
    response = pages.page("staff_login.html", root=desk.root, csrf=token, next=next, message="")
    response.set_cookie(LOGIN_CSRF, token, httponly=True, secure=desk.settings.secure_cookies, samesite="strict",
                        path=f"{desk.root}/staff")
    return response


@router.post("/login")
async def login(request: Request) -> Response:
    desk = request.app.state.desk
    try:
        form = await form_of(request, login=True)
    except Forbidden as refused:
        return refuse(request, refused)
    name, target = form.get("name", "").strip(), form.get("next", "")
    keys = (f"name:{name}", f"addr:{request.client.host if request.client else ''}")
    if any(desk.login_limit.blocked(k) for k in keys):
        return pages.page("staff_login.html", 429, root=desk.root, csrf=form.get("csrf", ""), next=target,
                          message="登录失败次数太多，请 15 分钟后再试。")
    token = await run_in_threadpool(_log_in, desk, name, form.get("password", ""))
    if token is None:
        for key in keys:
            desk.login_limit.hit(key)
        return pages.page("staff_login.html", 401, root=desk.root, csrf=form.get("csrf", ""), next=target,
                          message="用户名或密码不对。")
    destination = target if target.startswith(f"{desk.root}/staff/") and "//" not in target else f"{desk.root}/staff/"
    response = RedirectResponse(destination, status_code=303)
    response.set_cookie(auth.COOKIE, token, httponly=True, secure=desk.settings.secure_cookies, samesite="lax",
                        path=f"{desk.root}/", max_age=int(auth.LIFETIME.total_seconds()))
    response.delete_cookie(LOGIN_CSRF, path=f"{desk.root}/staff")
    return response


def _log_in(desk, name: str, password: str) -> str | None:
    with desk.db.transaction() as session:
        user = auth.check_password(session, name, password)
        if user is None:
            return None
        audit.write(session, user.id, user.name, "login")
        return auth.open_session(session, user, desk.secret)


@router.post("/logout")
async def logout(request: Request) -> Response:
    desk = request.app.state.desk
    try:
        staff = await signed_in(request)
        await form_of(request, staff=staff)
    except Forbidden as refused:
        return refuse(request, refused)
    with desk.db.transaction() as session:
        auth.close_session(session, request.cookies.get(auth.COOKIE, ""), desk.secret)
        audit.write(session, staff.id, staff.name, "logout")
    response = RedirectResponse(f"{desk.root}/staff/login", status_code=303)
    response.delete_cookie(auth.COOKIE, path=f"{desk.root}/")
    return response


@router.get("/")
@staff_page
def request_list(request: Request, staff: auth.Staff, venue: str = "", status: str = "") -> Response:
    """Newest first, only the venues this member may see; clashing requests flagged."""
    desk = request.app.state.desk
    shown = sorted(v for v in desk.records.venues if staff.may_see(v))
    chosen = [venue] if venue in shown else shown
    with desk.db.transaction() as session:
        query = select(Row).where(Row.venue.in_(chosen)).order_by(Row.created_at.desc(), Row.id.desc()).limit(LIST_LIMIT)
        if status in STATUS_LABELS:
            query = query.where(Row.status == status)
        found = list(session.scalars(query))
        clashing = _clashes(session, desk.records, found)
        audit.write(session, staff.id, staff.name, "list", venue or "全部场地")
    return pages.page("staff_list.html", root=desk.root, staff=staff, rows=found, clashing=clashing,
                      venues={v: desk.records.venues[v].name for v in shown}, venue=venue, chosen_status=status)


def _clashes(session, records, found: list[Row]) -> dict[int, list[str]]:
    """For each open request: what else holds an overlapping slot (events, other open requests)."""
    result: dict[int, list[str]] = {}
    for row in (r for r in found if r.status in OPEN_STATUSES):
        others = session.scalars(select(Row).where(Row.venue == row.venue, Row.date == row.date, Row.id != row.id,
                                                   Row.status.in_(OPEN_STATUSES)))
        names = [f"{o.reference}（{STATUS_LABELS[o.status]}）" for o in others
                 if o.start < row.end and row.start < o.end]
        names += [s.title for s in records.event_slots.get(row.venue, []) if s.overlaps(row.date, row.start, row.end)]
        if names:
            result[row.id] = names
    return result


def _visible(session, staff: auth.Staff, reference: str) -> Row | None:
    """The request when it exists and this member may see its venue; otherwise None (the same answer)."""
    row = session.scalar(select(Row).where(Row.reference == reference))
    return row if row is not None and staff.may_see(row.venue) else None


@router.get("/requests/{reference}")
@staff_page
def request_detail(request: Request, staff: auth.Staff, reference: str, message: str = "") -> Response:
    desk = request.app.state.desk
    with desk.db.transaction() as session:
        row = _visible(session, staff, reference)
        if row is not None:
            audit.write(session, staff.id, staff.name, "view", row.reference)
            clash = _clashes(session, desk.records, [row]).get(row.id, [])
    if row is None:
        return pages.page("message.html", 404, root=desk.root, heading="找不到这份申请",
                          message="没有这个编号的申请，或者它不属于您管理的场地。", link=("返回列表", f"{desk.root}/staff/"))
    venue = desk.records.venues.get(row.venue)
    return pages.page("staff_detail.html", root=desk.root, staff=staff, row=row, clash=clash, message=message,
                      venue_name=venue.name if venue else row.venue)


@router.post("/requests/{reference}/decision")
async def decision(request: Request, reference: str) -> Response:
    desk = request.app.state.desk
    try:
        staff = await signed_in(request)
        form = await form_of(request, staff=staff)
    except Forbidden as refused:
        return refuse(request, refused)
    status = {"approve": APPROVED, "decline": DECLINED}.get(form.get("decision", ""))
    if status is None:
        return _back(desk, reference, "请选择“同意”或“不同意”。")
    try:
        reason = await run_in_threadpool(_decide, desk, staff, reference, status, form.get("note", "")[:1000])
    except Unavailable:
        return _back(desk, reference, "数据库暂时无法保存，请稍后再试。")
    return _back(desk, reference, reason or f"已{venue_requests.DECISIONS[status]}，申请人的状态页已更新。")


def _decide(desk, staff: auth.Staff, reference: str, status: str, note: str) -> str:
    with desk.db.transaction() as session:
        row = _visible(session, staff, reference)
        if row is None:
            return "没有这个编号的申请，或者它不属于您管理的场地。"
        reason = venue_requests.decide(session, desk.records, row, status, note, staff.id, now())
        if not reason:
            audit.write(session, staff.id, staff.name, "approve" if status == APPROVED else "decline", reference)
        return reason


def _back(desk, reference: str, message: str) -> Response:
    return RedirectResponse(f"{desk.root}/staff/requests/{quote(reference)}?message={quote(message)}", status_code=303)
