"""Every mistake in one run: the rules across records run even when some files have errors of their own."""
from __future__ import annotations

from column import inputs
from column.problems import Problems, RecordsInvalid
from support.records import EVENT_HEAD, TODAY, VALID_ORG, story, write

import pytest

EVENT = EVENT_HEAD.replace("[ceshi]", "[{org}]") + "address: 滨河区测试路 1 号\naudience: [家庭]\n"


def run(root) -> list[str]:
    """What `make check` reports for the project at ``root`` (first lines only)."""
    problems = Problems()
    (root / "content").mkdir(exist_ok=True)
    with pytest.raises(RecordsInvalid):
        inputs.load_inputs(root, root / "content", TODAY, problems, include_drafts=True)
    return sorted(p.text().split("\n")[0] for p in problems)


def test_unknown_references_are_reported_together_with_errors_in_other_files(tmp_path):
    write(tmp_path, "orgs/good.yml", VALID_ORG)
    write(tmp_path, "orgs/bad.yml", VALID_ORG.replace("type: 社会服务机构", "type: 协会"))
    write(tmp_path, "events/a.yml", EVENT.format(org="nobody"))
    write(tmp_path, "content/stories/posts/a.md", story("正文。", orgs="nobody-else"))
    assert run(tmp_path) == [
        "content/stories/posts/a.md:7 orgs[0]：找不到组织 “nobody-else”（没有 orgs/nobody-else.yml）",
        "events/a.yml:4 organizers[0]：找不到组织 “nobody”（没有 orgs/nobody.yml）",
        "orgs/bad.yml:2 type（组织类型）：应为 社会团体 / 社会服务机构 / 基金会 / 社区社会组织 / 其他 之一，实际为 \"协会\"",
    ]


def test_a_reference_to_a_file_with_errors_of_its_own_is_not_reported_again(tmp_path):
    write(tmp_path, "orgs/bad.yml", VALID_ORG.replace("type: 社会服务机构", "type: 协会"))
    write(tmp_path, "events/a.yml", EVENT.format(org="bad"))
    write(tmp_path, "content/stories/posts/a.md", story("正文。", orgs="bad"))
    assert run(tmp_path) == [
        "orgs/bad.yml:2 type（组织类型）：应为 社会团体 / 社会服务机构 / 基金会 / 社区社会组织 / 其他 之一，实际为 \"协会\""]


def test_a_reference_to_a_draft_is_reported_together_with_errors_in_other_files(tmp_path):
    write(tmp_path, "orgs/draft.yml", VALID_ORG + "draft: true\n")
    write(tmp_path, "orgs/bad.yml", "")
    write(tmp_path, "events/a.yml", EVENT.format(org="draft"))
    assert run(tmp_path) == [
        "events/a.yml:4 organizers[0]：引用的组织 draft 还是草稿（orgs/draft.yml 中 draft: true），不会发布",
        "orgs/bad.yml:1：文件是空的，没有任何字段",
    ]


def test_a_record_breaking_a_rule_of_its_own_still_has_its_references_checked(tmp_path):
    write(tmp_path, "events/a.yml", EVENT.format(org="nobody") + "repeat:\n  every: 每周\n")
    assert run(tmp_path) == [
        "events/a.yml:4 organizers[0]：找不到组织 “nobody”（没有 orgs/nobody.yml）",
        "events/a.yml:9 repeat（重复）：定期活动要写 until（重复到）或 count（次数）中的一项",
    ]
