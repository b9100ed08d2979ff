"""The operator's commands, run as operators run them: user add (password on stdin), export, purge."""
from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from support import desk
from support.desk import FORM, VENUE


@pytest.fixture(scope="module")
def operated(new_database, desk_project):
    """A database with a manager, and requests sent to a real desk process."""
    url = new_database()
    env = desk.environment(url, desk_project, "http://127.0.0.1:8001")
    added = desk.run_command(env, "user", "add", "hutian", "--venue", VENUE, stdin=desk.PASSWORD + "\n")
    assert added.returncode == 0, added.stderr.decode()
    with desk.server(url, desk_project) as running:
        import urllib.parse
        import urllib.request

        for n, day in enumerate(("2026-12-01", "2026-12-03")):
            body = urllib.parse.urlencode({**FORM, "date": day, "purpose": f"=HYPERLINK(\"x\") {n}"}).encode()
            with urllib.request.urlopen(urllib.request.Request(running.url + "/requests", data=body,
                                                               headers=desk.JSON)) as answer:
                assert answer.status == 201
    return env, added


def test_user_add_reads_the_password_from_stdin(operated):
    _, added = operated
    assert added.stdout.decode() == f"已创建账号 hutian：场地管理人（{VENUE}）。\n"


@pytest.mark.parametrize("args, stdin, message", [
    (("user", "add", "x", "--venue", "no-such-room"), "long enough password\n",
     "没有这些场地：no-such-room。场地编号是 venues/ 下的文件名（不含 .yml）。"),
    (("user", "add", "x", "--admin"), "short\n", "密码至少 10 个字符"),
    (("user", "add", "hutian", "--admin"), "long enough password\n", "已有名为 hutian 的账号，请换一个用户名。"),
])
def test_user_add_refuses_with_a_reason(operated, args, stdin, message):
    result = desk.run_command(operated[0], *args, stdin=stdin)
    assert result.returncode == 2
    assert message in result.stderr.decode()


def test_a_role_is_required(operated):
    result = desk.run_command(operated[0], "user", "add", "x", stdin="long enough password\n")
    assert result.returncode == 2 and "--admin" in result.stderr.decode()


def test_export_csv_prints_a_header_and_one_row_per_request(operated):
    result = desk.run_command(operated[0], "export", "--format", "csv")
    assert result.returncode == 0
    rows = list(csv.reader(io.StringIO(result.stdout.decode("utf-8-sig"))))
    assert rows[0][:4] == ["编号", "场地编号", "场地", "使用日期"]
    assert sorted(r[3] for r in rows[1:]) == ["2026-12-01", "2026-12-03"]
    assert all(r[10].startswith("'=HYPERLINK") for r in rows[1:])


def test_export_xlsx_writes_a_workbook(operated, tmp_path):
    target = tmp_path / "申请.xlsx"
    result = desk.run_command(operated[0], "export", "--format", "xlsx", "-o", str(target))
    assert result.returncode == 0 and "已导出 2 条申请" in result.stderr.decode()
    sheet = openpyxl.load_workbook(target).active
    assert sheet.max_row == 3
    purpose = sheet.cell(row=2, column=11)
    assert purpose.value.startswith("=HYPERLINK") and purpose.data_type == "s"  # text, never a formula


def test_export_xlsx_needs_a_file(operated):
    result = desk.run_command(operated[0], "export", "--format", "xlsx")
    assert result.returncode == 2 and "导出 xlsx 时请用 -o 指定文件名" in result.stderr.decode()


def test_purge_empties_personal_data_past_the_retention_period(operated):
    env = {**operated[0], "COLUMN_NOW": "2027-06-01T10:00:00+08:00", "DESK_RETENTION_DAYS": "180"}
    result = desk.run_command(env, "purge")
    assert result.stdout.decode() == "已删除 1 份申请中的个人信息（使用日期早于 180 天前）。\n"
    rows = list(csv.reader(io.StringIO(desk.run_command(env, "export").stdout.decode("utf-8-sig"))))
    by_day = {r[3]: r for r in rows[1:]}
    assert by_day["2026-12-01"][8:12] == ["", "", "", ""]
    assert by_day["2026-12-03"][8:10] == ["王芳", "13800001234"]
