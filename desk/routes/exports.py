"""Staff export: the requests of the venues one may see, as CSV or XLSX; every export is audited."""
from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from .. import audit, auth, export
from ..records import now
from .guard import staff_page

router = APIRouter(prefix="/staff", include_in_schema=False)
TYPES = {"csv": "text/csv; charset=utf-8",
         "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


@router.get("/export")
@staff_page
def export_requests(request: Request, staff: auth.Staff, format: str = "csv", venue: str = "") -> Response:
    desk = request.app.state.desk
    kind = format if format in TYPES else "csv"
    allowed = [v for v in desk.records.venues if staff.may_see(v)] if not staff.is_admin else None
    chosen = [venue] if venue and staff.may_see(venue) else allowed
    with desk.db.transaction() as session:
        found = export.rows(session, chosen)
        audit.write(session, staff.id, staff.name, "export", f"{kind} {venue or '全部场地'} {len(found)} 条")
    names = {v.id: v.name for v in desk.records.venues.values()}
    data = export.to_csv(found, names) if kind == "csv" else export.to_xlsx(found, names)
    filename = f"venue-requests-{now():%Y%m%d}.{kind}"
    return Response(data, media_type=TYPES[kind], headers={
        "Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"})
