"""The build as CI runs it: deterministic, and all-or-nothing."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

from support.records import VALID_ORG, write
from support.sitebuild import NOW, REPO, build_site, copy_project


def tree_digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_of_the_same_data_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795300000")
    project = copy_project(tmp_path / "project")
    first = tree_digest(build_site(project, tmp_path / "a"))
    second = tree_digest(build_site(project, tmp_path / "b"))
    assert len(first) > 50
    assert [name for name in first if first[name] != second.get(name)] == []
    assert first.keys() == second.keys()


def make_build(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMN_NOW": NOW, "SITE_URL": "http://127.0.0.1:8000/"}
    return subprocess.run(["make", "-s", "build", f"VENV={REPO / '.venv'}"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)


def test_failed_build_keeps_the_published_site_and_explains_in_chinese(tmp_path):
    project = copy_project(tmp_path / "project")
    for name in ("Makefile", "requirements.txt", "requirements-test.txt"):
        shutil.copy2(REPO / name, project / name)
    good = make_build(project)
    assert good.returncode == 0, good.stderr
    before = tree_digest(project / "site")
    write(project, "orgs/broken.yml", VALID_ORG.replace("type: 社会服务机构", "type: 民非"))
    bad = make_build(project)
    output = bad.stdout + bad.stderr
    assert bad.returncode != 0
    assert 'orgs/broken.yml:2 type（组织类型）：应为 社会团体 / 社会服务机构 / 基金会 / 社区社会组织 / 其他 之一，实际为 "民非"' in output
    assert "Traceback" not in output
    assert tree_digest(project / "site") == before
