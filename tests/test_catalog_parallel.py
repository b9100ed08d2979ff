"""Many records are read by several processes; staff must not be able to tell.

From ``catalog.PARALLEL_FROM`` files of one kind on, the files are shared among
forked workers. The records, and every problem in the same order, must be what one
process reading them in turn finds.
"""
from __future__ import annotations

import concurrent.futures

import pytest

from column import background, catalog
from support.records import check, write
from support.sitebuild import copy_project

COPIES = 120
BROKEN = {
    "events/copy-7.yml": ("start: 2027-02-03 09:00", "start: 2027-02-30 09:00"),
    "events/copy-55.yml": ("capacity: 20", "capacity: 20\n人数: 30"),
    "events/copy-90.yml": ("category: 志愿服务", "category: 志愿服务\n  bad: [indent"),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("many"))
    text = (root / "events" / "chunjie-weiwen.yml").read_text(encoding="utf-8")
    for n in range(COPIES):
        name = f"events/copy-{n}.yml"
        old, new = BROKEN.get(name, ("", ""))
        write(root, name, text.replace(old, new, 1) if old else text)
    return root


def _report(root, monkeypatch, parallel_from):
    monkeypatch.setattr(catalog, "PARALLEL_FROM", parallel_from)
    pools = []
    real = concurrent.futures.ProcessPoolExecutor

    def counting(*args, **kwargs):
        pools.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(background.concurrent.futures, "ProcessPoolExecutor", counting)
    records, problems = check(root)
    return records, [p.text() for p in problems], len(pools)


def test_workers_find_the_same_problems_in_the_same_order(project, monkeypatch):
    _, serial, serial_pools = _report(project, monkeypatch, 10**9)
    _, parallel, parallel_pools = _report(project, monkeypatch, 50)
    assert (serial_pools, parallel_pools) == (0, 1)
    assert parallel == serial
    own = list(dict.fromkeys(name for text in serial if (name := text.split(":")[0]) in BROKEN))
    assert own == sorted(BROKEN)  # each broken file's own problem first, in file-name order


def test_workers_give_the_same_records(project, monkeypatch):
    for name in BROKEN:
        (project / name).unlink()
    serial, problems, _ = _report(project, monkeypatch, 10**9)
    parallel, _, pools = _report(project, monkeypatch, 50)
    assert serial is not None, problems
    assert pools == 1 and parallel.records == serial.records
    assert len(parallel.records["event"]) >= COPIES
    assert list(parallel.records["event"]) == sorted(parallel.records["event"])
