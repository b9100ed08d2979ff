"""Staff commands besides ``check``: ``python -m column schemas`` and ``python -m column new``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import clock, scaffold
from .registry import KINDS
from .schema import publish

STORY = "story"
"""``new story SLUG``: stories are Markdown posts, not YAML records."""


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Register ``schemas`` and ``new`` on the ``python -m column`` parser."""
    schemas = sub.add_parser("schemas", help="生成 schemas/ 下的 JSON Schema 和 .vscode/settings.json")
    schemas.add_argument("--root", type=Path, default=Path.cwd())
    schemas.set_defaults(run=lambda args: run_schemas(args.root))
    new = sub.add_parser("new", help="按模板新建一条记录")
    new.add_argument("kind", help="、".join([*(k.name for k in KINDS), STORY]))
    new.add_argument("id", nargs="?", default="")
    new.add_argument("--root", type=Path, default=Path.cwd())
    new.set_defaults(run=lambda args: run_new(args.root, args.kind, args.id))


def run_schemas(root: Path) -> int:
    changed = publish.write_all(root, KINDS)
    print("已更新：" + "、".join(changed) if changed else "schemas/ 已是最新，无需更新。")
    return 0


def run_new(root: Path, kind_name: str, record_id: str) -> int:
    kinds = {k.name: k for k in KINDS}
    try:
        if kind_name == STORY:
            created = scaffold.new_story(root, record_id, clock.now().date())
        elif kind_name in kinds:
            created = scaffold.new_record(root, kinds[kind_name], record_id)
        else:
            known = "、".join(f"new-{name}" for name in [*kinds, STORY])
            raise scaffold.Refused(f"没有 “{kind_name}” 这类记录；可用的命令：{known}")
    except scaffold.Refused as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    print(created.message)
    return 0
