"""``python -m column check``: validate every record and print the Chinese report."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import ci, clock, github, inputs as staff_inputs, tools
from .problems import Problems, RecordsInvalid
from .registry import KINDS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m column", description="女性社会组织专栏：数据工具")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="检查全部记录")
    check.add_argument("--root", type=Path, default=Path.cwd())
    check.set_defaults(run=lambda args: run_check(args.root))
    tools.add_parsers(sub)
    ci.add_parsers(sub)
    args = parser.parse_args(argv)
    return args.run(args)


def run_check(root: Path) -> int:
    problems = Problems()
    try:
        inputs = staff_inputs.load_inputs(root, root / "content", clock.now(), problems, include_drafts=True)
    except RecordsInvalid:
        inputs = None
    github.publish(problems, os.environ)
    if problems:
        print(problems.report())
    if inputs is None:
        return 1
    labels = {kind.name: kind.label for kind in KINDS}
    counts = "，".join(f"{labels[kind]} {len(records)} 个" for kind, records in inputs.catalog.records.items())
    print(f"检查通过：{counts}，故事 {len(inputs.stories)} 篇。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
