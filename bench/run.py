"""`make bench`: build synthetic district- and city-scale sites and print what it costs.

For each scale: `make check` seconds, build seconds and peak memory, page count,
site size, the gzipped size of event pages, and the ratio of our build to a plain
MkDocs build of the very same pages written out as ready Markdown (same theme and
plugins, no hooks), measured in the same run. Medians over --repeat runs.
"""
from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "hooks"), str(REPO / "tests")]

from column import site  # noqa: E402
from column.render.env import Settings  # noqa: E402
from support.sitebuild import copy_project  # noqa: E402

import synth  # noqa: E402

NOW = "2026-11-22T10:00:00+08:00"
SCALES = {"district": (200, 2000), "city": (1000, 10000)}
TARGETS = "ratio ≤ 1.15; city/district ≤ 5.5; city check ≤ 3 s; event page ≤ 30 KB gzipped"


def timed(command: list[str], env: dict[str, str]) -> tuple[float, int, float]:
    """Wall seconds, peak resident memory (MB) and CPU seconds (its own and its children's) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{proc.stderr.read().decode()[-3000:]}")
    return seconds, usage.ru_maxrss // 1024, usage.ru_utime + usage.ru_stime


def env() -> dict[str, str]:
    return {**os.environ, "COLUMN_NOW": NOW, "SOURCE_DATE_EPOCH": "1795300000", "NO_MKDOCS_2_WARNING": "1",
            "SITE_URL": "https://example.org/column/", "PYTHONPATH": str(REPO / "hooks")}


def mkdocs_build(project: Path, out: Path) -> tuple[float, int, float]:
    shutil.rmtree(out, ignore_errors=True)
    return timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"),
                  "-d", str(out)], env())


def baseline_project(project: Path, dest: Path) -> Path:
    """The same pages as ready-written Markdown, built by MkDocs without our hooks."""
    shutil.copytree(project / "content", dest / "content")
    shutil.copytree(project / "overrides", dest / "overrides")
    os.environ["COLUMN_NOW"] = NOW
    from column import clock

    output = site.build(project, project / "content", Settings(site_url="https://example.org/column/"), clock.now())
    for page in output.pages:
        target = dest / "content" / page.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown(), encoding="utf-8")
    for asset in output.assets:
        target = dest / "content" / asset.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(asset.content)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nhooks:\n(  - .*\n)+", "\n", config)
    config = re.sub(r"\nwatch:\n(  - .*\n)+", "\n", config)
    (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copy(project / "column.yml", dest / "column.yml")
    return dest


def site_facts(out: Path) -> dict[str, float]:
    pages = list(out.rglob("*.html"))
    event_pages = [p for p in out.glob("events/*/index.html")]
    gz = sorted(len(gzip.compress(p.read_bytes(), 9)) / 1024 for p in event_pages) or [0]
    return {"pages": len(pages), "site_mb": sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) / 2**20,
            "event_page_gz_kb_median": statistics.median(gz), "event_page_gz_kb_max": gz[-1]}


def measure(name: str, orgs: int, events: int, repeat: int, work: Path) -> dict[str, float]:
    project = copy_project(work / name / "project")
    synth.populate(project, orgs, events)
    check = [timed([sys.executable, "-m", "column", "check", "--root", str(project)], env())[0] for _ in range(repeat)]
    ours, plain, memory, cpu, plain_cpu = [], [], [], [], []
    baseline = baseline_project(project, work / name / "baseline")
    for _ in range(repeat):
        seconds, mb, cpu_s = mkdocs_build(project, work / name / "site")
        ours.append(seconds)
        memory.append(mb)
        cpu.append(cpu_s)
        seconds, _, cpu_s = mkdocs_build(baseline, work / name / "baseline-site")
        plain.append(seconds)
        plain_cpu.append(cpu_s)
    result = {"orgs": orgs, "events": events, "check_s": statistics.median(check), "build_s": statistics.median(ours),
              "plain_build_s": statistics.median(plain), "build_cpu_s": statistics.median(cpu),
              "plain_build_cpu_s": statistics.median(plain_cpu), "peak_mb": max(memory),
              **site_facts(work / name / "site")}
    result["ratio"] = result["build_s"] / result["plain_build_s"]
    result["cpu_ratio"] = result["build_cpu_s"] / result["plain_build_cpu_s"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement at district scale (median)")
    parser.add_argument("--repeat-city", type=int, default=1, help="runs per measurement at city scale")
    parser.add_argument("--scales", default="district,city")
    parser.add_argument("--keep", type=Path, help="keep the generated projects here")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="column-bench-"))
    repeats = {"district": args.repeat, "city": args.repeat_city}
    results = {name: measure(name, *SCALES[name], repeats[name], work) for name in args.scales.split(",")}
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {dt.date.today()}"
    print(f"\n基准测试（{machine}；区级取 {args.repeat} 次、市级取 {args.repeat_city} 次的中位数）")
    print(f"{'规模':<10}{'组织':>6}{'活动':>7}{'check 秒':>10}{'构建秒':>9}{'纯MkDocs秒':>12}{'比值':>7}"
          f"{'峰值MB':>8}{'页面':>8}{'站点MB':>8}{'活动页gz KB(中位/最大)':>24}")
    for name, r in results.items():
        print(f"{name:<10}{r['orgs']:>6}{r['events']:>7}{r['check_s']:>10.2f}{r['build_s']:>9.1f}{r['plain_build_s']:>12.1f}"
              f"{r['ratio']:>7.2f}{r['peak_mb']:>8}{r['pages']:>8}{r['site_mb']:>8.1f}"
              f"{r['event_page_gz_kb_median']:>14.1f}/{r['event_page_gz_kb_max']:.1f}")
    if {"district", "city"} <= results.keys():
        print(f"city/district build time: {results['city']['build_s'] / results['district']['build_s']:.2f}")
    for name, r in results.items():
        print(f"{name}: CPU seconds (all processes) {r['build_cpu_s']:.1f} against plain MkDocs "
              f"{r['plain_build_cpu_s']:.1f}, ratio {r['cpu_ratio']:.2f}")
    print(f"targets: {TARGETS}")
    (REPO / "bench-out").mkdir(exist_ok=True)
    (REPO / "bench-out" / "results.json").write_text(json.dumps({"machine": machine, **results}, indent=2))
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
