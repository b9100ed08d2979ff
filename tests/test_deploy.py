"""The deployment files: the desk's container image holds every file the desk reads at start."""
from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

from support.desk import VENUE, environment, server
from support.sitebuild import REPO, SAMPLE

DOCKERFILE = REPO / "deploy" / "Dockerfile"


def copied() -> list[str]:
    """Every source path the Dockerfile's ``COPY`` lines put into the image."""
    sources: list[str] = []
    for line in DOCKERFILE.read_text(encoding="utf-8").splitlines():
        words = shlex.split(line)
        if words and words[0].upper() == "COPY":
            sources += [w for w in words[1:-1] if not w.startswith("--")]
    return sources


def image_records(dest: Path) -> Path:
    """The records (and settings) of the sample data as the image would hold them: only what is copied."""
    dest.mkdir(parents=True)
    for name in copied():
        source = SAMPLE / name
        if source.is_dir():
            shutil.copytree(source, dest / name)
        elif source.is_file():
            shutil.copy2(source, dest / name)
    return dest


def test_the_desk_starts_on_what_the_image_copies_and_answers_a_venue(tmp_path):
    records = image_records(tmp_path / "app")
    with server(f"sqlite:///{tmp_path / 'desk.sqlite3'}", records) as desk:
        with urllib.request.urlopen(f"{desk.url}/venues/{VENUE}/slots.json", timeout=10) as answer:
            assert answer.status == 200
            assert isinstance(json.loads(answer.read()), (dict, list))


def test_a_desk_started_on_wrong_records_says_what_is_wrong_in_chinese(tmp_path):
    records = image_records(tmp_path / "app")
    shutil.rmtree(records / "content" / "images" / "orgs")
    started = subprocess.run([sys.executable, "-m", "desk", "serve", "--port", "0"], capture_output=True, timeout=120,
                             env=environment(f"sqlite:///{tmp_path / 'desk.sqlite3'}", records, "http://desk.test"),
                             cwd=REPO, text=True)
    assert started.returncode != 0
    assert "Traceback" not in started.stderr
    assert "logo.src：找不到图片文件 content/images/orgs/" in started.stderr
    assert started.stderr.rstrip().endswith("记录有错误，请先修改（make check 会列出同样的问题）。")
