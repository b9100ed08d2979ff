"""Requests as a table: a CSV file (UTF-8 with BOM, for Excel) or an XLSX workbook."""
from __future__ import annotations

import csv
import io
from typing import Iterable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from sqlalchemy import select
from sqlalchemy.orm import Session

from .pages import local_time
from .tables import STATUS_LABELS
from .tables import VenueRequest as Row

HEADER = ("编号", "场地编号", "场地", "使用日期", "开始", "结束", "人数", "申请单位", "申请人", "联系电话", "活动内容",
          "需要的设备", "状态", "处理说明", "提交时间", "处理时间")


def rows(session: Session, venues: Iterable[str] | None) -> list[Row]:
    """Every request, or those of ``venues``; newest first."""
    query = select(Row).order_by(Row.created_at.desc(), Row.id.desc())
    if venues is not None:
        query = query.where(Row.venue.in_(list(venues)))
    return list(session.scalars(query))


def cells(row: Row, venue_names: dict[str, str]) -> list[str | int]:
    return [row.reference, row.venue, venue_names.get(row.venue, row.venue), row.date.isoformat(),
            f"{row.start:%H:%M}", f"{row.end:%H:%M}", row.people, row.org, row.applicant, row.phone, row.purpose,
            row.equipment, STATUS_LABELS[row.status], row.note, local_time(row.created_at), local_time(row.decided_at)]


def safe(value: str | int) -> str | int:
    """Text that a spreadsheet would run as a formula (``=…``, ``+…``) gets a leading apostrophe."""
    return "'" + value if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def to_csv(found: list[Row], venue_names: dict[str, str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows([safe(v) for v in cells(r, venue_names)] for r in found)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_xlsx(found: list[Row], venue_names: dict[str, str]) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("场地申请")
    sheet.append(list(HEADER))
    for row in found:
        sheet.append([_text_cell(sheet, v) for v in cells(row, venue_names)])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _text_cell(sheet, value: str | int) -> WriteOnlyCell:
    """Strings stay strings (never formulas), numbers stay numbers."""
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    return cell
