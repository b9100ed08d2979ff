"""`make search-bench`: the two search candidates on the same query set, at sample and city scale.

Candidates: ``column`` (the site as built: the column's own index, character pairs, pinyin and
the need vocabulary, fetched in small files) and ``material`` (Material's own search plugin with jieba
installed, i.e. the site with our search partials removed and the plugin put back).
For each: the share of queries (``tests/search_queries.yml``, or ``--queries``: a held-out set kept
outside the repository) whose expected page is among the first three results, typed key by key in
headless Chromium on a 360-px phone; the bytes the phone downloads for the search before the first
results render (search assets fetched on page load, then everything from opening the search box), as
served and gzipped; and the milliseconds from the last key to the results on screen.
Results go to ``bench-out/search.json``.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "hooks"), str(REPO / "tests"), str(REPO / "bench")]

from playwright.sync_api import sync_playwright  # noqa: E402

from support import browser, searching, server  # noqa: E402
from support.sitebuild import build_site, copy_project  # noqa: E402

import synth  # noqa: E402

SCALES = {"sample": None, "city": (1000, 10000)}
CANDIDATES = ("column", "material")
BUDGET_KB, TARGET_HITS = 300, 0.9


def as_material(project: Path) -> None:
    """Material's own search: its header and search partials, and the ``search`` plugin (jieba segments)."""
    for name in ("header.html", "search.html"):
        (project / "overrides" / "partials" / name).unlink()
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("plugins:\n", "plugins:\n  - search\n", 1), encoding="utf-8")


def build(work: Path, scale: str, candidate: str) -> Path:
    project = copy_project(work / f"{scale}-{candidate}" / "project")
    if SCALES[scale]:
        synth.populate(project, *SCALES[scale])
    if candidate == "material":
        as_material(project)
    return build_site(project, work / f"{scale}-{candidate}" / "site", site_url="http://127.0.0.1:8000/")


def measure(site: Path, queries: list) -> dict:
    with sync_playwright() as playwright, server.serve(site) as base:
        chromium = browser.launch(playwright)
        outcomes = [searching.search(chromium, base, q) for q in queries]
        chromium.close()
    kb = [o.gzip_bytes / 1024 for o in outcomes]
    return {"queries": len(outcomes), "top3": sum(o.hit for o in outcomes) / len(outcomes),
            "search_kb_gzip_median": statistics.median(kb), "search_kb_gzip_max": max(kb),
            "search_kb_raw_max": max(o.raw_bytes for o in outcomes) / 1024,
            "page_kb_gzip": statistics.median(o.page_gzip_bytes / 1024 for o in outcomes),
            "ms_median": statistics.median(o.ms for o in outcomes), "ms_max": max(o.ms for o in outcomes),
            "misses": [{"q": o.query.text, "expect": o.query.expect, "top": o.top[:3]} for o in outcomes if not o.hit]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scales", default="sample,city")
    parser.add_argument("--candidates", default=",".join(CANDIDATES))
    parser.add_argument("--keep", type=Path, help="keep the built sites here")
    parser.add_argument("--queries", type=Path, default=searching.QUERIES, help="the query set (YAML)")
    parser.add_argument("--out", type=Path, default=REPO / "bench-out" / "search.json")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="column-search-"))
    out = args.out
    results = json.loads(out.read_text()) if out.exists() else {}
    for scale in args.scales.split(","):
        for candidate in args.candidates.split(","):
            site = build(work, scale, candidate)
            results[f"{scale}/{candidate}/{args.queries.stem}"] = measure(site, searching.load_queries(args.queries))
            out.parent.mkdir(exist_ok=True)
            out.write_text(json.dumps(results, indent=2, ensure_ascii=False))
    print(f"\n{'规模/方案/查询':<36}{'前三命中':>8}{'搜索下载 KB(gzip 中位/最大)':>28}{'未压缩最大 KB':>14}{'毫秒(中位/最大)':>16}")
    for key, r in results.items():
        if "top3" not in r:
            print(f"{key:<36}{r.get('note', '')}")
            continue
        print(f"{key:<36}{r['top3']:>8.0%}{r['search_kb_gzip_median']:>18.0f}/{r['search_kb_gzip_max']:.0f}"
              f"{r['search_kb_raw_max']:>14.0f}{r.get('ms_median', 0):>10.0f}/{r.get('ms_max', 0):.0f}")
    print(f"targets at city scale: ≤ {BUDGET_KB} KB before the first results, ≥ {TARGET_HITS:.0%} in the top three")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
