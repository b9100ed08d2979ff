"""What ``python -m desk`` runs; every message to the operator is Chinese, every failure a non-zero exit."""
from __future__ import annotations

import argparse
import os
import sys

from sqlalchemy import select

from . import audit, auth, export as tables_export, venue_requests
from .db import Database
from .records import RecordsInvalid, load, now
from .settings import from_environ
from .tables import StaffUser

MIN_PASSWORD = 10


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    _records()  # wrong records: the report and a Chinese exit here, not a traceback from inside the server
    trusted = os.environ.get("DESK_TRUSTED_PROXIES", "127.0.0.1")
    print(f"受理台：http://{args.host}:{args.port}/（按 Ctrl+C 停止）", flush=True)
    uvicorn.run("desk.app:create_app", factory=True, host=args.host, port=args.port, proxy_headers=True,
                forwarded_allow_ips=trusted, log_level=os.environ.get("DESK_LOG_LEVEL", "warning"))
    return 0


def _database() -> Database:
    db = Database(from_environ())
    db.migrate()
    return db


def migrate(args: argparse.Namespace) -> int:
    _database()
    print("数据库已是最新结构。")
    return 0


def _records():
    settings = from_environ()
    try:
        return load(settings.records)
    except RecordsInvalid as invalid:
        print(invalid.problems.report(), file=sys.stderr)
        raise SystemExit("记录有错误，请先修改（make check 会列出同样的问题）。") from None


def user_add(args: argparse.Namespace) -> int:
    venues = args.venue or []
    unknown = sorted(set(venues) - set(_records().venues))
    if unknown:
        print(f"没有这些场地：{'、'.join(unknown)}。场地编号是 venues/ 下的文件名（不含 .yml）。", file=sys.stderr)
        return 2
    password = sys.stdin.readline().rstrip("\r\n")
    if len(password) < MIN_PASSWORD:
        print(f"密码至少 {MIN_PASSWORD} 个字符：请从标准输入提供，如 echo '……' | python -m desk user add {args.name} …",
              file=sys.stderr)
        return 2
    db = _database()
    with db.transaction() as session:
        if session.scalar(select(StaffUser).where(StaffUser.name == args.name)) is not None:
            print(f"已有名为 {args.name} 的账号，请换一个用户名。", file=sys.stderr)
            return 2
        auth.add_user(session, args.name, password, admin=args.admin, venues=venues, channels=args.notify)
    role = "管理员" if args.admin else f"场地管理人（{'、'.join(venues)}）"
    print(f"已创建账号 {args.name}：{role}。")
    return 0


def export(args: argparse.Namespace) -> int:
    if args.format == "xlsx" and args.output is None:
        print("导出 xlsx 时请用 -o 指定文件名，如 -o 申请.xlsx", file=sys.stderr)
        return 2
    names = {v.id: v.name for v in _records().venues.values()}
    db = _database()
    with db.transaction() as session:
        found = tables_export.rows(session, None)
        audit.write(session, None, "命令行", "export", f"{args.format} 全部场地 {len(found)} 条")
    data = tables_export.to_csv(found, names) if args.format == "csv" else tables_export.to_xlsx(found, names)
    if args.output is None:
        sys.stdout.buffer.write(data)
    else:
        args.output.write_bytes(data)
        print(f"已导出 {len(found)} 条申请到 {args.output}", file=sys.stderr)
    return 0


def purge(args: argparse.Namespace) -> int:
    settings = from_environ()
    db = _database()
    moment = now()
    with db.transaction() as session:
        count = venue_requests.purge(session, moment.date(), settings.retention_days, moment)
        audit.write(session, None, "命令行", "purge", f"{count} 条，保存期限 {settings.retention_days} 天")
    print(f"已删除 {count} 份申请中的个人信息（使用日期早于 {settings.retention_days} 天前）。")
    return 0
