"""``python -m column check``: validate every record and print the Chinese report."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import catalog, clock
from .kinds import Context
from .problems import Problems, RecordsInvalid


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m column", description="女性社会组织专栏：数据工具")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="检查全部记录")
    check.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    return run_check(args.root)


def run_check(root: Path) -> int:
    problems = Problems()
    ctx = Context(root=root, docs_dir=root / "content", now=clock.now(), problems=problems)
    try:
        loaded = catalog.load(ctx, include_drafts=True)
    except RecordsInvalid:
        loaded = None
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in problems:
            print(problem.annotation())
    if problems:
        print(problems.report())
    if loaded is None:
        return 1
    counts = "，".join(f"{len(records)} 条{kind}" for kind, records in loaded.records.items())
    print(f"检查通过：{counts}。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
