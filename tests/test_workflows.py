"""The CI workflows, checked by actionlint: current action versions (no deprecated Node runtime), valid
expressions and permissions; the daily publish keeps its schedule alive."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from support.sitebuild import REPO

WORKFLOWS = REPO / ".github" / "workflows"
ACTIONLINT = Path(sys.executable).with_name("actionlint")


def actionlint(folder: Path) -> subprocess.CompletedProcess:
    files = sorted(str(p) for p in folder.glob("*.yml"))
    return subprocess.run([str(ACTIONLINT), "-no-color", *files], capture_output=True, text=True, cwd=folder)


def test_actionlint_finds_nothing_in_the_workflows():
    result = actionlint(WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_reports_an_action_on_the_deprecated_node_20_runtime(tmp_path):
    """The check above can fail: the workflow as it was (checkout@v4) is reported."""
    shutil.copy(WORKFLOWS / "check.yml", tmp_path / "check.yml")
    text = (tmp_path / "check.yml").read_text(encoding="utf-8").replace("actions/checkout@v7", "actions/checkout@v4")
    (tmp_path / "check.yml").write_text(text, encoding="utf-8")
    result = actionlint(tmp_path)
    assert result.returncode == 1 and 'runtime "node20" is deprecated' in result.stdout


def test_the_daily_run_re_enables_its_own_workflow():
    publish = yaml.safe_load((WORKFLOWS / "publish.yml").read_text(encoding="utf-8"))
    triggers = publish[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["schedule"]
    job = publish["jobs"]["keepalive"]
    assert job["if"] == "github.event_name == 'schedule'" and job["permissions"] == {"actions": "write"}
    assert "actions/workflows/publish.yml/enable" in job["steps"][0]["run"]
