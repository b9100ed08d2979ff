"""Typing mistakes named by their real cause, on the line where they are, with the fix."""
from __future__ import annotations

import pytest

from column.render.env import tel
from support.records import EVENT_HEAD, VALID_ORG, check, write

EVENT = EVENT_HEAD + """\
address: 滨河区测试路 1 号
audience: [家庭]
registration:
  phone: 0000-0000001
"""


def reported(root) -> list[str]:
    """Every problem in full: ``file:line field：message`` and the hint below it."""
    return [p.text() for p in check(root)[1]]


def org(root, old: str, new: str) -> None:
    assert old in VALID_ORG
    write(root, "orgs/a.yml", VALID_ORG.replace(old, new))


def event(root, old: str, new: str) -> None:
    assert old in EVENT
    write(root, "orgs/ceshi.yml", VALID_ORG)
    write(root, "events/a.yml", EVENT.replace(old, new))


COLON = "把全角冒号“：”改为半角冒号“:”并在后面加一个空格（先把输入法切换到英文）。"


def test_full_width_colon_after_a_key_on_the_line_above_the_reported_one(tmp_path):
    org(tmp_path, "type: 社会服务机构", "type： 社会服务机构")  # PyYAML stops on line 3
    assert reported(tmp_path) == [f"orgs/a.yml:2：YAML 格式错误：type 后面是全角冒号“：”\n    提示：{COLON}"]


def test_full_width_colon_in_a_nested_field(tmp_path):
    org(tmp_path, "  status: 登记", "  status： 登记")
    assert reported(tmp_path) == [f"orgs/a.yml:4：YAML 格式错误：status 后面是全角冒号“：”\n    提示：{COLON}"]


def test_full_width_colon_on_the_first_line(tmp_path):
    org(tmp_path, "name: 滨河区", "name：滨河区")
    assert reported(tmp_path) == [f"orgs/a.yml:1：YAML 格式错误：name 后面是全角冒号“：”\n    提示：{COLON}"]


def test_full_width_colon_that_yaml_reads_as_text(tmp_path):
    write(tmp_path, "orgs/a.yml", "name：滨河区测试妇女服务中心\n")
    assert reported(tmp_path) == [f"orgs/a.yml:1：YAML 格式错误：name 后面是全角冒号“：”\n    提示：{COLON}"]


def test_full_width_dash_before_list_items(tmp_path):
    org(tmp_path, "areas:\n  - 婚姻家庭", "areas:\n  － 婚姻家庭")
    assert reported(tmp_path) == [
        "orgs/a.yml:8 areas（服务领域）：应为列表（每项一行，以“- ”开头），实际为 \"－ 婚姻家庭\"\n"
        "    提示：把全角“－”改为半角“-”并在后面加一个空格。"]


def test_full_width_spaces_as_indentation(tmp_path):
    org(tmp_path, "  status: 登记", "\u3000\u3000status: 登记")
    assert reported(tmp_path) == [
        "orgs/a.yml:4：YAML 格式错误：这一行有全角空格“　”\n    提示：把全角空格“　”删掉，改用半角空格（缩进用两个半角空格）。"]


def test_full_width_spaces_that_yaml_reads_as_part_of_a_key(tmp_path):
    write(tmp_path, "orgs/a.yml", VALID_ORG.replace("verified: 2026-10-01", "\u3000verified: 2026-10-01"))
    assert "orgs/a.yml:10 \u3000verified：未知字段\n    提示：把全角空格“　”删掉，改用半角空格（缩进用两个半角空格）。" \
        in reported(tmp_path)


def test_full_width_digits_in_a_phone_number(tmp_path):
    event(tmp_path, "  phone: 0000-0000001", "  phone: １３８００００００００")
    assert reported(tmp_path) == [
        "events/a.yml:10 registration.phone（报名电话）：应为电话号码，如 0533-1234567 或 13800000000，"
        "实际为 \"１３８００００００００\"\n"
        "    提示：里面有全角字符 “１”、“３”、“８”、“０”：请改为半角（先把输入法切换到英文），即 13800000000"]


def test_full_width_digits_never_reach_a_phone_link():
    assert tel("１３８-0000-0000") == "tel:00000000"


def test_full_width_hyphen_in_a_date_is_found_on_its_own_line(tmp_path):
    event(tmp_path, 'end: "2026-12-05 15:30"', 'end: "2026－12－05 15:30"')
    assert reported(tmp_path) == [
        "events/a.yml:6 end（结束时间）：应为北京时间的日期或日期加时刻，如 2026-12-05 或 2026-12-05 14:30，"
        "实际为 \"2026－12－05 15:30\"\n"
        "    提示：里面有全角字符 “－”：请改为半角（先把输入法切换到英文），即 2026-12-05 15:30"]


def test_a_key_indented_by_mistake(tmp_path):
    org(tmp_path, "type: 社会服务机构", "  type: 社会服务机构")
    assert reported(tmp_path) == [
        "orgs/a.yml:2：YAML 格式错误：字段 type 比上一行的 name 多缩进了 2 个空格\n"
        "    提示：同一层的字段要左对齐：删掉 type 前面多出的 2 个空格；如果 type 属于 name，name: 后面就不能再写内容。"]


def test_a_nested_key_indented_by_one_space_too_few(tmp_path):
    org(tmp_path, "  uscc:", " uscc:")
    assert reported(tmp_path) == [
        "orgs/a.yml:5：YAML 格式错误：字段 uscc 的缩进与上面的字段没有对齐\n"
        "    提示：同一层的字段前面的空格数要相同：与上一行的 status 对齐（2 个空格）。"]


def test_a_date_that_does_not_exist(tmp_path):
    org(tmp_path, "verified: 2026-10-01", "verified: 2026-02-30")
    assert reported(tmp_path) == [
        "orgs/a.yml:10 verified（核实日期）：应为日期，格式为 年-月-日，如 2024-03-08，实际为 \"2026-02-30\"\n"
        "    提示：这一天在日历上不存在，请核对月份和日期。"]


@pytest.mark.parametrize("written", ["2026/10/1", "2026年10月1日", "2026-10-1", "2026.10.01"])
def test_a_date_written_another_way_is_told_the_expected_form(tmp_path, written):
    org(tmp_path, "verified: 2026-10-01", f"verified: {written}")
    assert reported(tmp_path) == [
        f"orgs/a.yml:10 verified（核实日期）：应为日期，格式为 年-月-日，如 2024-03-08，实际为 \"{written}\"\n"
        "    提示：日期请写成 年-月-日，月和日都写两位：2026-10-01"]


def test_a_date_and_time_written_with_slashes(tmp_path):
    event(tmp_path, 'end: "2026-12-05 15:30"', 'end: "2026/12/5 15:30"')
    assert reported(tmp_path)[0].endswith("提示：日期请写成 年-月-日，月和日都写两位：\"2026-12-05 15:30\"")


def test_a_time_range_in_start(tmp_path):
    event(tmp_path, 'start: "2026-12-05 14:00"\nend: "2026-12-05 15:30"', 'start: "2026-12-05 14:00-15:30"')
    assert reported(tmp_path) == [
        "events/a.yml:5 start（开始时间）：应为北京时间的日期或日期加时刻，如 2026-12-05 或 2026-12-05 14:30，"
        "实际为 \"2026-12-05 14:00-15:30\"\n"
        "    提示：start 只写开始时间，结束时间请写在下一行的 end: 中：start: \"2026-12-05 14:00\"，"
        "end: \"2026-12-05 15:30\""]


@pytest.mark.parametrize("joined", ["婚姻家庭，心理健康", "婚姻家庭、心理健康", "婚姻家庭, 心理健康"])
def test_a_comma_joined_list_is_told_one_item_per_line(tmp_path, joined):
    org(tmp_path, "areas:\n  - 婚姻家庭", f"areas: {joined}")
    assert reported(tmp_path) == [
        f"orgs/a.yml:7 areas（服务领域）：应为列表（每项一行，以“- ”开头），实际为 \"{joined}\"\n"
        "    提示：列表不能用逗号或顿号连在一行里，要每项单独写一行：先写一行 areas:，下面每项一行，如 “  - 婚姻家庭”“  - 心理健康”。"]


def test_a_comma_joined_item_inside_brackets(tmp_path):
    event(tmp_path, "audience: [家庭]", "audience: [家庭，妇女]")
    assert reported(tmp_path)[0].endswith(
        "提示：列表不能用逗号或顿号连在一行里，要每项单独写一行：先写一行 audience:，下面每项一行，如 “  - 家庭”“  - 妇女”。")


def test_gbk_file_tells_how_to_reopen_it_in_vs_code(tmp_path):
    write(tmp_path, "orgs/a.yml", VALID_ORG.encode("gbk"))
    assert reported(tmp_path) == [
        "orgs/a.yml:1：文件不是 UTF-8 编码（看起来是 GBK/GB2312 编码）\n"
        "    提示：在 VS Code 中先点右下角的“UTF-8”，选“通过编码重新打开”→“GBK”，确认中文显示正常后，"
        "再点右下角选“通过编码保存”→“UTF-8”；用 GitHub 网页编辑器时，请把文字从原文档重新粘贴进来。"]
