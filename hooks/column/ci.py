"""The publish workflow's own steps besides ``check``: ``linkcheck`` and ``records-only``.

``python -m column linkcheck`` checks the built ``site/`` (``make linkcheck``);
``python -m column records-only FILE`` prints ``true`` when every changed path named
in ``FILE`` is staff data (records, stories, images, ``column.yml``): such a push is
published once it is checked, built and link-checked, without waiting for the tests.
"""
from __future__ import annotations

import argparse
import os
import re
from pathlib import Path
from typing import Iterable

from . import linkcheck

DATA = ("orgs/", "events/", "venues/", "trainings/", "content/stories/", "content/images/")
"""Folders that hold only the federation's data; ``column.yml`` too."""
SETTINGS = "column.yml"


def only_data(paths: Iterable[str]) -> bool:
    """Whether a change touches staff data only (an empty change is not: the schedule, a manual run)."""
    paths = [p for p in paths if p]
    return bool(paths) and all(p == SETTINGS or p.startswith(DATA) for p in paths)


def published_at(site_dir: Path) -> str:
    """The address the site was built for: ``$SITE_URL``, else the home page in its ``sitemap.xml``."""
    if os.environ.get("SITE_URL"):
        return os.environ["SITE_URL"]
    locations = re.findall(r"<loc>([^<]+)</loc>", (site_dir / "sitemap.xml").read_text(encoding="utf-8"))
    return min(locations, key=len)


def add_parsers(sub: argparse._SubParsersAction) -> None:
    links = sub.add_parser("linkcheck", help="检查构建好的网站里每个站内链接、图片和脚本")
    links.add_argument("--site", type=Path, default=Path("site"))
    links.set_defaults(run=lambda args: run_linkcheck(args.site))
    data = sub.add_parser("records-only", help="改动是否只涉及记录、故事、图片和 column.yml（输出 true/false）")
    data.add_argument("changed", type=Path, help="每行一个改动的文件路径")
    data.set_defaults(run=lambda args: run_records_only(args.changed))


def run_linkcheck(site_dir: Path) -> int:
    if not (site_dir / "sitemap.xml").is_file():
        print(f"错误：{site_dir}/ 中没有构建好的网站，请先运行 make build。")
        return 1
    broken = linkcheck.check(site_dir, published_at(site_dir))
    for n, line in enumerate(broken, 1):
        print(f"  {n}. {line}")
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    print(f"发现 {len(broken)} 个失效的链接，请修改上述页面的来源文件。" if broken else f"链接检查通过：{pages} 个页面。")
    return 1 if broken else 0


def run_records_only(changed: Path) -> int:
    paths = changed.read_text(encoding="utf-8").splitlines() if changed.is_file() else []
    print("true" if only_data(line.strip() for line in paths) else "false")
    return 0
