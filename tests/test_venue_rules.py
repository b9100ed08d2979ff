"""Venue rules added with the venue pages, each asserting the exact Chinese message staff see."""
from __future__ import annotations

from pathlib import Path

from support.records import messages, write

from support.sitebuild import SAMPLE as SAMPLE_DATA

SAMPLE = (SAMPLE_DATA / "venues/hutian-funv-zhijia.yml").read_text(encoding="utf-8")


def test_sample_venue_passes_under_a_normal_name(tmp_path):
    write(tmp_path, "venues/hutian-huodongshi.yml", SAMPLE)
    assert messages(tmp_path) == []


def test_posters_is_not_a_venue_id(tmp_path):
    write(tmp_path, "venues/posters.yml", SAMPLE)
    assert messages(tmp_path) == [
        "venues/posters.yml：文件名 “posters” 不能用作场地编号：venues/posters/ 是工作人员的二维码页面"]
