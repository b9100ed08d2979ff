"""Broken files get a located Chinese message, never a traceback."""
from __future__ import annotations

import pytest

from support.records import VALID_ORG, check, messages, write


def test_tab_indentation(tmp_path):
    write(tmp_path, "orgs/a.yml", VALID_ORG.replace("  status: 登记", "\tstatus: 登记"))
    assert messages(tmp_path) == ["orgs/a.yml:4：YAML 格式错误：这一行用了 Tab 缩进"]


def test_duplicate_key(tmp_path):
    write(tmp_path, "orgs/a.yml", VALID_ORG + "name: 又一个名字\n")
    assert messages(tmp_path) == ["orgs/a.yml:11：字段 name 重复出现（第 1 行已有）"]


def test_gbk_file(tmp_path):
    write(tmp_path, "orgs/a.yml", VALID_ORG.encode("gbk"))
    assert messages(tmp_path) == ["orgs/a.yml:1：文件不是 UTF-8 编码（看起来是 GBK/GB2312 编码）"]


def test_bom_is_accepted(tmp_path):
    write(tmp_path, "orgs/a.yml", b"\xef\xbb\xbf" + VALID_ORG.encode())
    catalog, problems = check(tmp_path)
    assert len(problems) == 0 and catalog.org["a"].name == "滨河区测试妇女服务中心"


def test_empty_file(tmp_path):
    write(tmp_path, "orgs/a.yml", "# 只有注释\n")
    assert messages(tmp_path) == ["orgs/a.yml:1：文件是空的，没有任何字段"]


def test_alias_bomb_is_refused_quickly(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8))
    write(tmp_path, "orgs/a.yml", bomb)
    assert messages(tmp_path) == ["orgs/a.yml:1：不支持 YAML 锚点和别名（& 和 *）"]


@pytest.mark.parametrize("depth", [5000, 100_000])
def test_deep_nesting(tmp_path, depth):
    write(tmp_path, "orgs/a.yml", "a: " + "[" * depth + "]" * depth + "\n")
    assert messages(tmp_path) == ["orgs/a.yml：嵌套层级过深（上限 20 层）"]


def test_ten_megabyte_file(tmp_path):
    write(tmp_path, "orgs/a.yml", VALID_ORG + "#" + "x" * 10_000_000 + "\n")
    assert messages(tmp_path) == ["orgs/a.yml：文件过大（9765 KB），上限为 1000 KB"]


def test_syntax_error_line(tmp_path):
    write(tmp_path, "orgs/a.yml", VALID_ORG.replace("name: 滨河区", "name: 滨河区: "))
    assert messages(tmp_path) == ["orgs/a.yml:1：YAML 格式错误：这一行有多余的冒号，或上一行缩进不对"]


def test_a_list_instead_of_fields(tmp_path):
    write(tmp_path, "orgs/a.yml", "- name: x\n")
    assert messages(tmp_path) == ["orgs/a.yml:1：文件内容应为若干“字段: 值”，实际为 含 1 项的列表"]


def test_python_tag_refused(tmp_path):
    write(tmp_path, "orgs/a.yml", VALID_ORG.replace("name: 滨河区测试妇女服务中心", "name: !!python/object:os.system x"))
    assert messages(tmp_path) == ["orgs/a.yml:1：不支持的 YAML 标签 tag:yaml.org,2002:python/object:os.system"]


def test_errors_in_several_files_all_reported(tmp_path):
    write(tmp_path, "orgs/a.yml", "")
    write(tmp_path, "orgs/b.yml", VALID_ORG.encode("gbk"))
    write(tmp_path, "orgs/c.yml", VALID_ORG.replace("type: 社会服务机构", "type: 协会"))
    assert [m.split("：")[0] for m in messages(tmp_path)] == ["orgs/a.yml:1", "orgs/b.yml:1", "orgs/c.yml:2 type（组织类型）"]
