"""``python -m column check``: validate every record and print the Chinese report."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import clock, site
from .problems import Problems, RecordsInvalid
from .registry import KINDS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m column", description="女性社会组织专栏：数据工具")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="检查全部记录")
    check.add_argument("--root", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    return run_check(args.root)


def run_check(root: Path) -> int:
    problems = Problems()
    try:
        loaded = site.load_inputs(root, root / "content", clock.now(), problems, include_drafts=True).catalog
    except RecordsInvalid:
        loaded = None
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in problems:
            print(problem.annotation())
    if problems:
        print(problems.report())
    if loaded is None:
        return 1
    labels = {kind.name: kind.label for kind in KINDS}
    counts = "，".join(f"{labels[kind]} {len(records)} 个" for kind, records in loaded.records.items())
    print(f"检查通过：{counts}。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
