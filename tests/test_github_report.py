"""`make check` on GitHub: errors on their lines, every problem in the job summary, others' reminders left off."""
from __future__ import annotations

from column.__main__ import main
from support.records import VALID_ORG, write
from support.sitebuild import NOW, environ

OLD = VALID_ORG.replace("verified: 2026-10-01", "verified: 2025-01-02")
"""Checked nearly two years before the suite's clock: a reminder, not an error."""


def check_on_github(root, capsys, changed: list[str]) -> tuple[list[str], str]:
    """Run `make check` as the pull-request workflow does; return the annotations and the job summary."""
    listing = root.parent / "changed.txt"
    listing.write_text("".join(f"{path}\n" for path in changed), encoding="utf-8")
    summary = root.parent / "summary.md"
    summary.write_text("", encoding="utf-8")
    with environ(COLUMN_NOW=NOW, GITHUB_ACTIONS="true", GITHUB_STEP_SUMMARY=str(summary),
                 COLUMN_CHANGED_FILES=str(listing)):
        main(["check", "--root", str(root)])
    lines = capsys.readouterr().out.splitlines()
    return [line.split("::")[1] for line in lines if line.startswith("::")], summary.read_text(encoding="utf-8")


def test_reminders_about_untouched_files_are_not_annotated_but_summarized(tmp_path, capsys):
    root = tmp_path / "project"
    write(root, "orgs/broken.yml", VALID_ORG.replace("type: 社会服务机构", "type: 协会"))
    write(root, "orgs/mine.yml", OLD)
    write(root, "orgs/theirs.yml", OLD)
    annotations, summary = check_on_github(root, capsys, ["orgs/broken.yml", "orgs/mine.yml"])
    assert annotations == ["error file=orgs/broken.yml,line=2", "warning file=orgs/mine.yml,line=10"]
    assert summary == (
        "## 检查记录：1 处错误，2 处提醒\n\n"
        "有错误时网站不会发布。请逐条修改（每处也标在文件的对应行上）：\n\n"
        '1. `orgs/broken.yml:2` `type（组织类型）`：应为 社会团体 / 社会服务机构 / 基金会 / 社区社会组织 / 其他 之一，实际为 "协会"\n'
        "   提示：可用的写法：社会团体、社会服务机构、基金会、社区社会组织、其他\n\n"
        "### 提醒（不影响发布）\n\n"
        "1. `orgs/mine.yml:10` `verified（核实日期）`：档案已超过一年未核实（上次 2025-01-02）\n"
        "   提示：请与该组织核对信息后，把 verified 改为核实当天的日期。\n\n"
        "### 本次没有修改的文件中的提醒（不在修改中标出）\n\n"
        "1. `orgs/theirs.yml:10` `verified（核实日期）`：档案已超过一年未核实（上次 2025-01-02）\n"
        "   提示：请与该组织核对信息后，把 verified 改为核实当天的日期。\n")


def test_the_summary_lists_every_error_beyond_the_ten_github_shows(tmp_path, capsys):
    root = tmp_path / "project"
    for n in range(12):
        write(root, f"orgs/zuzhi-{n:02}.yml", VALID_ORG.replace("type: 社会服务机构", "type: 协会"))
    annotations, summary = check_on_github(root, capsys, [])
    assert len(annotations) == 12
    assert summary.startswith("## 检查记录：12 处错误，0 处提醒\n")
    assert "\n12. `orgs/zuzhi-11.yml:2` `type（组织类型）`：" in summary


def test_a_clean_check_says_so_in_the_summary(tmp_path, capsys):
    root = tmp_path / "project"
    write(root, "orgs/duocai.yml", VALID_ORG)
    annotations, summary = check_on_github(root, capsys, ["orgs/duocai.yml"])
    assert (annotations, summary) == ([], "## 检查记录：全部通过\n")
