"""What staff see while typing in VS Code: the real yaml-language-server reads the published schemas.

Lines are counted from 1, as the editor shows them."""
from __future__ import annotations

import pytest

from column.registry import KINDS
from column.schema import publish
from support.lsp import LanguageServer
from support.records import VALID_ORG
from support.sitebuild import REPO

ORG_FIELDS = ("draft（草稿）、name（名称）、short_name（简称）、type（组织类型）、registration（登记/备案）、"
              "supervisor（业务主管单位）、founded（成立日期）、rating（等级评估）、inspection（年检）、tier（联系层级）、"
              "incubator（入驻孵化基地）、member_of（团体会员单位）、areas（服务领域）、streets（服务街道/社区）、"
              "description（组织简介）、leader（带头人）、contact（联系方式）、logo（标志）、photos（照片）、"
              "projects（服务项目）、honours（组织荣誉）、featured（重点展示）、verified（核实日期）")

MISTAKES = {
    "unknown key": (VALID_ORG + "电话: 0000-1234567\n", 11, f"未知字段：女性社会组织中只能写 {ORG_FIELDS}"),
    "wrong choice": (VALID_ORG.replace("type: 社会服务机构", "type: 协会"), 2,
                     "组织类型：应为社会团体 / 社会服务机构 / 基金会 / 社区社会组织 / 其他 之一"),
    "wrong type": (VALID_ORG.replace("areas:\n  - 婚姻家庭\n", "areas: 婚姻家庭\n"), 7,
                   "服务领域：应为列表（每项一行，以“- ”开头）"),
    "missing required": (VALID_ORG.replace("description: 为社区妇女提供婚姻家庭辅导。\n", ""), 1,
                         "缺少必填字段 description（组织简介）：请添加一行“description: …”，应为文字（可用 Markdown 格式）"),
    "badly written date": (VALID_ORG.replace("verified: 2026-10-01", "verified: 2026/10/1"), 10,
                           "核实日期：应为日期，格式为 年-月-日，如 2024-03-08"),
}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One server for the module, configured as ``.vscode/settings.json`` configures VS Code."""
    workspace = tmp_path_factory.mktemp("workspace")
    mapping = publish.vscode_mapping(publish.documents(KINDS))
    schemas = {(REPO / schema).resolve().as_uri(): files for schema, files in mapping.items()}
    language_server = LanguageServer(workspace, {"validate": True, "schemas": schemas})
    language_server.workspace = workspace
    yield language_server
    language_server.close()


def marks(server, relative: str, text: str) -> list[tuple[int, str]]:
    path = server.workspace / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    return [(d["range"]["start"]["line"] + 1, d["message"]) for d in server.diagnostics(path.as_uri(), text)]


@pytest.mark.parametrize("text,line,message", MISTAKES.values(), ids=MISTAKES.keys())
def test_the_editor_names_the_mistake_in_chinese_at_its_line(server, text, line, message):
    assert marks(server, f"orgs/{line}-{len(text)}.yml", text) == [(line, message)]


def test_a_valid_record_has_no_marks(server):
    assert marks(server, "orgs/duocai.yml", VALID_ORG) == []


def test_column_yml_is_checked_in_chinese(server):
    text = "announcement:\n  text: 本周六活动改期\n  until: 2026-12-31\n  颜色: 红\n"
    assert marks(server, "column.yml", text) == [(4, "未知字段：首页公告中只能写 text（公告内容）、link（链接）、until（显示到）")]
