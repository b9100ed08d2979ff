"""What readers reach: ``POST /requests``, the status page and withdrawal, live slots, the proof-of-work challenge."""
from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse, RedirectResponse
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from .. import intake, pages, venue_requests
from ..db import Unavailable
from ..intake import Refused, wants_json
from ..records import now
from . import openapi
from .answers import NO_STORE, field_summary, problem

router = APIRouter()
BUSY = ("受理台暂时无法保存申请（数据库忙或存储空间已满）。您填写的内容还在，请过几分钟再点“重新提交”，"
        "或直接打电话给场地管理人。")


def client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def same_site(request: Request, allowed: tuple[str, ...]) -> bool:
    """No ``Origin`` (an old browser, a script) or one of ``allowed``: a form posted from elsewhere is refused."""
    origin = request.headers.get("origin")
    return origin is None or origin.rstrip("/") in allowed


async def read_request(request: Request) -> dict[str, str]:
    desk = request.app.state.desk
    if not same_site(request, (*desk.settings.site_origins, desk.origin)):
        raise Refused(403, "这个网站不能向受理台提交申请：请从专栏的场地页面提交")
    if not desk.request_limit.hit(client(request)):
        raise Refused(429, "提交太频繁了，请 10 分钟后再试，或直接打电话给场地管理人")
    form = intake.fields(request.headers.get("content-type", ""), await intake.body(request, desk.settings.max_body))
    if form.get("website"):
        raise Refused(400, "申请没有提交：表单中有一项不应填写的内容。请重新打开场地页面填写")
    return form


@router.post("/requests", status_code=201, summary="提交场地申请", tags=["场地申请"],
             openapi_extra=openapi.REQUEST_BODY, responses=openapi.REQUEST_RESPONSES)
async def post_request(request: Request) -> Response:
    """Check a venue request with the column's rules and store it once; answered only after the commit."""
    desk = request.app.state.desk
    form: dict[str, str] | None = None
    try:
        form = await read_request(request)
        if desk.settings.proof_of_work and not desk.proof.verify(form.get("altcha", "")):
            errors = {"altcha": "人机验证没有完成：请等页面上的验证显示“已验证”后再提交"}
            return problem(request, 422, field_summary(errors), errors=errors, form=form)
        received = await run_in_threadpool(venue_requests.receive, desk.db, desk.records, form, now())
    except Refused as refused:
        headers = {"Retry-After": "600"} if refused.status == 429 else None
        return problem(request, refused.status, refused.message, form=form, headers=headers)
    except venue_requests.Invalid as invalid:
        return problem(request, 422, field_summary(invalid.errors), errors=invalid.errors, form=form)
    except Unavailable:
        return problem(request, 503, BUSY, form=form, headers={"Retry-After": "60"})
    if received.created:
        desk.sender.wake.set()
    return created(request, received)


def created(request: Request, received: venue_requests.Received) -> Response:
    desk = request.app.state.desk
    row = received.row
    status_url = f"{desk.settings.base_url}/r/{row.token}"
    status = 201 if received.created else 200
    headers = {**NO_STORE, "Location": status_url}
    if wants_json(request):
        return JSONResponse({"reference": row.reference, "status_url": status_url}, status_code=status, headers=headers)
    return pages.page("received.html", status, headers, root=desk.root, row=row, status_url=status_url,
                      venue=desk.records.venues[row.venue])


@router.get("/r/{token}", summary="申请状态页", tags=["场地申请"], response_class=Response,
            responses=openapi.HTML_PAGE)
def status_page(token: str, request: Request) -> Response:
    """The applicant's own page: status, the staff member's note, the venue's phone, withdrawal."""
    desk = request.app.state.desk
    headers = {**NO_STORE, "Referrer-Policy": "no-referrer"}
    with desk.db.transaction() as session:
        row = venue_requests.by_token(session, token)
    if row is None:
        return pages.page("message.html", 404, headers, root=desk.root, heading="找不到这份申请",
                          message="这个链接没有对应的申请：请核对链接是否完整，或打电话给场地管理人。", link=None)
    venue = desk.records.venues.get(row.venue)
    return pages.page("status.html", 200, headers, root=desk.root, row=row, token=token,
                      venue_name=venue.name if venue else row.venue, venue_phone=venue.phone if venue else "")


@router.post("/r/{token}/withdraw", summary="撤回申请", tags=["场地申请"], status_code=303,
             responses=openapi.WITHDRAW_RESPONSES)
def withdraw(token: str, request: Request) -> Response:
    """Withdraw the request behind this status link (pending or approved); the slot is free again."""
    desk = request.app.state.desk
    if not same_site(request, (desk.origin,)):
        return problem(request, 403, "只能在申请状态页上撤回申请")
    try:
        row = venue_requests.withdraw(desk.db, token, now())
    except Unavailable:
        return problem(request, 503, "受理台暂时无法撤回申请，请过几分钟再试，或直接打电话给场地管理人。")
    if row is None:
        return problem(request, 404, "这个链接没有对应的申请")
    return RedirectResponse(f"{desk.root}/r/{token}", status_code=303)


@router.get("/venues/{venue}/slots.json", summary="场地的实时占用（不含个人信息）", tags=["场地"],
            responses=openapi.SLOTS_RESPONSES)
def slots(venue: str, request: Request) -> Response:
    """Approved and pending requests from today on: date, times and status only; cacheable for a minute."""
    desk = request.app.state.desk
    if venue not in desk.records.venues:
        return JSONResponse({"message": "没有这个场地"}, status_code=404)
    try:
        with desk.db.transaction() as session:
            rows = venue_requests.open_slots(session, venue, now().date())
    except Unavailable:
        return JSONResponse({"message": "受理台暂时无法读取"}, status_code=503, headers={"Retry-After": "60"})
    data = {"venue": venue, "today": now().date().isoformat(),
            "slots": [{"date": r.date.isoformat(), "start": f"{r.start:%H:%M}", "end": f"{r.end:%H:%M}",
                       "status": r.status} for r in rows]}
    return JSONResponse(data, headers={"Cache-Control": "public, max-age=60"})


@router.get("/altcha/challenge", summary="人机验证的题目（ALTCHA）", tags=["场地申请"],
            responses=openapi.CHALLENGE_RESPONSES)
def challenge(request: Request) -> Response:
    desk = request.app.state.desk
    return JSONResponse(desk.proof.challenge(), headers=NO_STORE)


@router.get("/", include_in_schema=False)
def home(request: Request) -> Response:
    desk = request.app.state.desk
    return pages.page("message.html", root=desk.root, heading="受理台",
                      message="这里接收专栏网站上的场地申请。申请请从专栏的场地页面提交；工作人员请登录。",
                      link=("工作人员登录", f"{desk.root}/staff/"))


@router.get("/healthz", include_in_schema=False)
def health(request: Request) -> Response:
    from sqlalchemy import text

    desk = request.app.state.desk
    try:
        with desk.db.transaction() as session:
            session.execute(text("SELECT 1"))
    except Unavailable:
        return JSONResponse({"ok": False}, status_code=503)
    return JSONResponse({"ok": True}, headers=NO_STORE)
