"""`make new-*` templates, and `make check` as staff and CI see it."""
from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from column import template
from column.schema.walk import children
from column.__main__ import main
from column.problems import Problem, Severity
from column.registry import KINDS
from support import fill
from support.records import VALID_ORG, write
from support.sitebuild import NOW, REPO, SAMPLE, copy_project, environ

KIND_IDS = [k.name for k in KINDS]


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    with environ(COLUMN_NOW=NOW, GITHUB_ACTIONS="false"):
        code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("kind", KINDS, ids=KIND_IDS)
def test_filled_template_passes_check(project, capsys, kind):
    assert run(capsys, "new", kind.name, "xin-jilu", "--root", str(project))[0] == 0
    path = project / kind.folder / "xin-jilu.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"# yaml-language-server: $schema=../schemas/{kind.name}.schema.json\n")
    refs = fill.existing_refs(project, KINDS)
    path.write_text(fill.fill(text, kind, refs, project / "content"), encoding="utf-8")
    code, out, _ = run(capsys, "check", "--root", str(project))
    assert code == 0, out
    assert "检查通过" in out


@pytest.mark.parametrize("kind", KINDS, ids=KIND_IDS)
def test_unfilled_template_names_every_required_field_on_its_line(project, capsys, kind):
    run(capsys, "new", kind.name, "xin-jilu", "--root", str(project))
    text = (project / kind.folder / "xin-jilu.yml").read_text(encoding="utf-8")
    source = fill.load_text(text, kind)
    expected = [f"{kind.folder}/xin-jilu.yml:{source.line(path)} " for path in template.placeholder_paths(source.data)]
    assert expected, "a template must leave its required fields empty"
    code, out, _ = run(capsys, "check", "--root", str(project))
    assert code == 1
    errors = [line.strip() for line in out.splitlines() if "xin-jilu.yml:" in line]
    assert len(errors) == len(expected), out
    for start, line in zip(expected, errors):
        assert start in line and "还没有填写" in line, line


@pytest.mark.parametrize("kind", KINDS, ids=KIND_IDS)
def test_template_shows_every_field_with_its_chinese_title(kind):
    text = template.render(kind.schema, "x")
    for field in children(kind.schema):
        assert f"# {field.title}（" in text
        assert f"\n{field.name}:" in text or f"\n# {field.name}:" in text


def test_optional_fields_are_commented_and_required_are_not():
    from column.registry import ORG

    text = template.render(ORG.schema, "x")
    assert "\nname:\n" in text and "\n# short_name:\n" in text
    assert "\nregistration:\n" in text and "\n  status:\n" in text
    assert "# 统一社会信用代码（status 为“登记”时必填）" in text
    assert "\nareas:\n  -\n" in text
    assert "#   - name:\n" in text, "list items of an optional list are shown"


def test_existing_id_is_refused(project, capsys):
    existing = sorted((project / "orgs").glob("*.yml"))[0]
    before = existing.read_bytes()
    code, out, err = run(capsys, "new", "org", existing.stem, "--root", str(project))
    assert code == 1 and out == ""
    assert f"编号 “{existing.stem}” 已被使用：orgs/{existing.name} 已经存在，没有做任何修改。" in err
    assert existing.read_bytes() == before


@pytest.mark.parametrize("bad", ["Duocai", "duo cai", "多彩", "-duocai", "duocai.yml", "duo_cai"])
def test_invalid_id_is_refused(project, capsys, bad):
    code, _, err = run(capsys, "new", "--root", str(project), "org", "--", bad)
    assert code == 1
    assert f"错误：编号 “{bad}” 不能用作网址：应只含小写英文字母、数字和连字符" in err
    assert not list((project / "orgs").glob(f"{bad}*"))


def test_missing_id_and_unknown_kind(project, capsys):
    assert run(capsys, "new", "org", "--root", str(project))[2].startswith("错误：缺少编号：请写 make new-org ID=编号")
    code, _, err = run(capsys, "new", "zuzhi", "x", "--root", str(project))
    assert code == 1 and "没有 “zuzhi” 这类记录" in err and "new-org" in err


def test_new_story_is_a_draft_blog_post_that_passes_check_once_filled(project, capsys):
    from types import SimpleNamespace

    from column.schema import story

    code, out, _ = run(capsys, "new", "story", "mamabang-huigu", "--root", str(project))
    assert code == 0
    path = project / "content/stories/posts/mamabang-huigu.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n") and "\ndate: 2026-11-22\n" in text and "\ndraft: true\n" in text
    assert "\nslug: mamabang-huigu\n" in text and "\ncategories:\n  -\n" in text
    code, out, _ = run(capsys, "check", "--root", str(project))
    assert code == 1 and "content/stories/posts/mamabang-huigu.md:" in out and "title（标题）：还没有填写" in out
    front, body = text[4:].split("\n---\n", 1)
    kind = SimpleNamespace(name="story", folder="content/stories/posts", schema=story.SCHEMA)
    filled = fill.fill(front, kind, fill.existing_refs(project, KINDS), project / "content")
    path.write_text(f"---\n{filled}\n---\n{body}", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--root", str(project))
    assert code == 0, out
    assert run(capsys, "new", "story", "mamabang-huigu", "--root", str(project))[0] == 1


def test_make_targets_call_the_command(tmp_path):
    result = subprocess.run(["make", "-s", "new-org", "ID=Bad"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode != 0
    assert "错误：编号 “Bad” 不能用作网址" in result.stderr
    result = subprocess.run(["make", "-s", "new-story"], cwd=REPO, capture_output=True, text=True)
    assert "缺少编号：请写 make new-story SLUG=" in result.stderr


def test_annotations_mark_the_line_on_github(tmp_path, capsys):
    write(tmp_path, "orgs/duocai.yml", VALID_ORG.replace("verified: 2026-10-01", "verified: 2026-13-01"))
    with environ(COLUMN_NOW=NOW, GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY="", COLUMN_CHANGED_FILES=""):
        code = main(["check", "--root", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 1
    first = out.splitlines()[0]
    assert first.startswith("::error file=orgs/duocai.yml,line=10::orgs/duocai.yml:10 verified（核实日期）：应为日期")
    assert "%0A    提示：" in first and "\n" not in first
    assert "发现 1 处错误" in out


def test_annotation_escapes_its_properties_and_message():
    problem = Problem("orgs/a,b:c.yml", 3, "x", "100% 错\r\n第二行", "提示", Severity.WARNING)
    assert problem.annotation() == ("::warning file=orgs/a%2Cb%3Ac.yml,line=3::orgs/a,b:c.yml:3 x：100%25 错%0D%0A第二行"
                                    "%0A    提示：提示")


def test_check_takes_about_a_second_at_district_scale(tmp_path, capsys):
    """600 organizations (a district has a few hundred) are checked in under two seconds of CPU time (the machine may be busy)."""
    org = (SAMPLE / "orgs").glob("*.yml").__next__().read_text(encoding="utf-8")
    project = copy_project(tmp_path / "project")
    for n in range(600):
        (project / "orgs" / f"zuzhi-{n}.yml").write_text(org, encoding="utf-8")
    started = time.process_time()
    code, out, _ = run(capsys, "check", "--root", str(project))
    elapsed = time.process_time() - started
    assert code == 0, out
    assert elapsed < 2.0, f"make check took {elapsed:.2f} s"
