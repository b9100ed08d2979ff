"""One test per organization rule, each asserting the exact Chinese message staff see."""
from __future__ import annotations

import pytest

from support.records import VALID_ORG, check, messages, write


def org(tmp_path, text: str, name: str = "ceshi") -> None:
    write(tmp_path, f"orgs/{name}.yml", text)


def test_valid_org_passes(tmp_path):
    org(tmp_path, VALID_ORG)
    catalog, problems = check(tmp_path)
    assert len(problems) == 0
    assert catalog.org["ceshi"].name == "滨河区测试妇女服务中心"


@pytest.mark.parametrize("line, replacement, expected", [
    ("type: 社会服务机构", "type: 民非",
     "orgs/ceshi.yml:2 type（组织类型）：应为 社会团体 / 社会服务机构 / 基金会 / 社区社会组织 / 其他 之一，实际为 \"民非\""),
    ("verified: 2026-10-01", "verified: 2026-02-30",
     "orgs/ceshi.yml:10 verified（核实日期）：应为日期，格式为 年-月-日，如 2024-03-08，实际为 \"2026-02-30\""),
    ("  uscc: 52370303MJD123456T", "  uscc: 52370303MJD123456X",
     "orgs/ceshi.yml:5 registration.uscc（统一社会信用代码）：应为18 位统一社会信用代码（数字和大写字母，不含 I、O、Z、S、V），实际为 \"52370303MJD123456X\""),
    ("  - 婚姻家庭", "  - 婚姻",
     "orgs/ceshi.yml:8 areas[0]（服务领域）：应为 婚姻家庭 / 心理健康 / 法律维权 / 家庭教育 / 创业就业 / 巾帼家政 / 巾帼志愿 / 文体活动 / 社区治理 / 为老 / 为小 / 为残 / 为特 / 为困 之一，实际为 \"婚姻\""),
    ("description: 为社区妇女提供婚姻家庭辅导。", "descripton: 为社区妇女提供婚姻家庭辅导。",
     "orgs/ceshi.yml:9 descripton：未知字段"),
    ("  authority: 滨河区民政局", "",
     "orgs/ceshi.yml:3 registration（登记/备案）：缺少必填字段 authority（登记管理机关）"),
])
def test_field_rules(tmp_path, line, replacement, expected):
    assert line in VALID_ORG
    org(tmp_path, VALID_ORG.replace(line, replacement))
    assert expected in messages(tmp_path)


def test_unknown_key_suggests_the_right_one(tmp_path):
    org(tmp_path, VALID_ORG.replace("description:", "descripton:"))
    _, problems = check(tmp_path)
    assert [p.hint for p in problems if p.field == "descripton"] == ["是不是想写 description？"]


def test_key_written_in_chinese_points_to_english_key(tmp_path):
    org(tmp_path, VALID_ORG + "成立日期: 2016-03-08\n")
    _, problems = check(tmp_path)
    assert [p.hint for p in problems] == ["字段名请用英文：把“成立日期”改为 founded（成立日期）。"]


def test_filed_org_needs_filing_body(tmp_path):
    org(tmp_path, VALID_ORG.replace("status: 登记", "status: 备案"))
    assert messages(tmp_path) == ["orgs/ceshi.yml:3 registration（登记/备案）：缺少必填字段 filed_with（备案单位）"]


def test_rating_grade_out_of_range(tmp_path):
    org(tmp_path, VALID_ORG + "rating:\n  grade: 6A\n  year: 2024\n")
    assert messages(tmp_path) == ["orgs/ceshi.yml:12 rating.grade（评估等级）：应为 5A / 4A / 3A / 2A / 1A 之一，实际为 \"6A\""]


def test_rating_from_the_future(tmp_path):
    org(tmp_path, VALID_ORG + "rating:\n  grade: 4A\n  year: 2027\n")
    assert messages(tmp_path) == ["orgs/ceshi.yml:13 rating.year（评定年份）：评定年份 2027 晚于今年 2026"]


def test_expired_rating_warns_but_passes(tmp_path):
    org(tmp_path, VALID_ORG + "rating:\n  grade: 4A\n  year: 2021\n")
    catalog, problems = check(tmp_path)
    assert catalog is not None
    assert [p.text().split("\n")[0] for p in problems.warnings] == [
        "orgs/ceshi.yml:13 rating.year（评定年份）：4A 等级已过期（2021 年评定，有效至 2025 年底），页面将显示“已过期”"]


def test_rating_within_five_years_is_valid(tmp_path):
    org(tmp_path, VALID_ORG + "rating:\n  grade: 4A\n  year: 2022\n")
    catalog, problems = check(tmp_path)
    assert len(problems) == 0 and not catalog.org["ceshi"].rating.expired(catalog.org["ceshi"].verified)


def test_stale_verification_warns(tmp_path):
    org(tmp_path, VALID_ORG.replace("verified: 2026-10-01", "verified: 2025-06-30"))
    catalog, problems = check(tmp_path)
    assert catalog is not None
    assert [p.message for p in problems.warnings] == ["档案已超过一年未核实（上次 2025-06-30）"]


def test_verification_in_the_future(tmp_path):
    org(tmp_path, VALID_ORG.replace("verified: 2026-10-01", "verified: 2026-12-01"))
    assert messages(tmp_path) == ["orgs/ceshi.yml:10 verified（核实日期）：核实日期 2026-12-01 晚于今天 2026-11-22"]


def test_missing_image_file(tmp_path):
    org(tmp_path, VALID_ORG + "logo:\n  src: images/orgs/none.svg\n  alt: 标志\n")
    assert messages(tmp_path) == ["orgs/ceshi.yml:12 logo.src：找不到图片文件 content/images/orgs/none.svg"]


def test_image_needs_alt_text(tmp_path):
    write(tmp_path, "content/images/orgs/logo.svg", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    org(tmp_path, VALID_ORG + "logo:\n  src: images/orgs/logo.svg\n")
    assert messages(tmp_path) == ["orgs/ceshi.yml:11 logo（标志）：缺少必填字段 alt（替代文字）"]


def test_leader_name_without_consent_is_withheld(tmp_path):
    org(tmp_path, VALID_ORG + "leader:\n  name: 王某\n  role: 主任\n  consent: false\n")
    catalog, problems = check(tmp_path)
    assert catalog.org["ceshi"].leader.name is None
    assert [p.message for p in problems.warnings] == ["填写了带头人姓名但未记录本人同意，网站不会显示姓名和照片"]


def test_leader_photo_without_consent_is_refused(tmp_path):
    write(tmp_path, "content/images/orgs/wang.jpg", b"\xff\xd8\xff\xe0")
    org(tmp_path, VALID_ORG + "leader:\n  role: 主任\n  consent: false\n  photo:\n    src: images/orgs/wang.jpg\n"
                              "    alt: 王某\n")
    assert messages(tmp_path) == [
        "orgs/ceshi.yml:14 leader.photo（照片）：未记录本人同意（consent: false），不能放带头人照片：content/ 中的照片文件会被发布"]


@pytest.mark.parametrize("written", ["王&#26576;", "王\u200b某", "王<span>某</span>", "王**某**", "王 某", "王<!---->某"])
def test_leader_without_consent_is_not_named_in_other_text(tmp_path, written):
    text = VALID_ORG.replace("为社区妇女提供婚姻家庭辅导。", f"由{written}创办。")
    org(tmp_path, text + "leader:\n  name: 王某\n  role: 主任\n  consent: false\n")
    assert messages(tmp_path) == [
        "orgs/ceshi.yml:12 leader.name（姓名）：王某 未同意公开姓名（consent: false），但记录的其他文字中写了这个名字"]


def test_file_name_must_be_a_slug(tmp_path):
    org(tmp_path, VALID_ORG, name="多彩")
    assert messages(tmp_path) == ["orgs/多彩.yml：文件名 “多彩” 不能用作网址：应只含小写英文字母、数字和连字符"]


def test_ids_differing_only_by_case(tmp_path):
    org(tmp_path, VALID_ORG, name="duocai")
    org(tmp_path, VALID_ORG, name="Duocai")
    assert messages(tmp_path) == ["orgs/Duocai.yml：文件名 “Duocai” 不能用作网址：应只含小写英文字母、数字和连字符"]


def test_yaml_extension(tmp_path):
    write(tmp_path, "orgs/ceshi.yaml", VALID_ORG)
    assert messages(tmp_path) == ["orgs/ceshi.yaml：组织文件的扩展名应为 .yml，实际为 “.yaml”"]


def test_all_errors_reported_at_once(tmp_path):
    org(tmp_path, VALID_ORG.replace("type: 社会服务机构", "type: x"), name="a")
    org(tmp_path, VALID_ORG.replace("verified: 2026-10-01", "verified: soon"), name="b")
    assert [m.split("：")[0] for m in messages(tmp_path)] == ["orgs/a.yml:2 type（组织类型）", "orgs/b.yml:10 verified（核实日期）"]


def test_private_phone_is_kept_out_of_the_model(tmp_path):
    org(tmp_path, VALID_ORG + "contact:\n  phone: 13800000000\n  phone_public: false\n  email: a@example.org\n")
    catalog, problems = check(tmp_path)
    assert len(problems) == 0
    assert catalog.org["ceshi"].contact.phone is None
    assert catalog.org["ceshi"].contact.email == "a@example.org"


def test_unquoted_phone_keeps_its_digits(tmp_path):
    org(tmp_path, VALID_ORG + "contact:\n  phone: 05331234567\n")
    catalog, problems = check(tmp_path)
    assert len(problems) == 0
    assert catalog.org["ceshi"].contact.phone == "05331234567"
