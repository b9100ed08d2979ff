"""``python -m desk``: serve, add staff accounts, export requests, purge personal data past retention."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import commands


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desk", description="受理台：场地申请的接收与审核")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="启动受理台（默认 http://127.0.0.1:8001/）")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8001)
    serve.set_defaults(run=commands.serve)
    sub.add_parser("migrate", help="创建或升级数据库").set_defaults(run=commands.migrate)
    user = sub.add_parser("user", help="工作人员账号").add_subparsers(dest="action", required=True)
    add = user.add_parser("add", help="新建账号（从标准输入读密码）")
    add.add_argument("name")
    role = add.add_mutually_exclusive_group(required=True)
    role.add_argument("--admin", action="store_true", help="管理员：看得到全部场地")
    role.add_argument("--venue", action="append", metavar="ID", help="场地管理人：可看的场地编号（可写多次）")
    add.add_argument("--notify", action="append", default=[], metavar="URL",
                     help="新申请的通知地址（企业微信/钉钉群机器人、邮件等 Apprise 地址，可写多次）")
    add.set_defaults(run=commands.user_add)
    export = sub.add_parser("export", help="导出全部申请")
    export.add_argument("--format", choices=("csv", "xlsx"), default="csv")
    export.add_argument("-o", "--output", type=Path, help="写到文件（xlsx 必须指定）")
    export.set_defaults(run=commands.export)
    sub.add_parser("purge", help="删除超过保存期限的个人信息").set_defaults(run=commands.purge)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
