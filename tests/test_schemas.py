"""The JSON Schema files editors read: current, valid, and as strict as `make check`."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from column.registry import KINDS, ORG
from column.schema import publish
from support.fill import load_text
from support.records import VALID_ORG, messages, write
from support.sitebuild import REPO, SAMPLE

KIND_IDS = [k.name for k in KINDS]
DOCUMENTS = publish.documents(KINDS)
"""The record kinds, column.yml and the front matter of stories."""


@pytest.mark.parametrize("kind", DOCUMENTS, ids=[d.name for d in DOCUMENTS])
def test_committed_schema_is_current(kind):
    committed = REPO / publish.path(kind)
    assert committed.is_file(), f"缺少 {publish.path(kind)}：请运行 make schemas"
    assert committed.read_text(encoding="utf-8") == publish.text(kind), \
        f"{publish.path(kind)} 与 hooks/column/schema/ 不一致：请运行 make schemas 并提交"


def test_vscode_settings_map_every_kind_to_its_folder():
    settings = json.loads((REPO / publish.VSCODE_SETTINGS).read_text(encoding="utf-8"))
    assert settings["yaml.schemas"] == {**{f"./schemas/{k.name}.schema.json": f"{k.folder}/*.yml" for k in KINDS},
                                        "./schemas/config.schema.json": "column.yml"}, "请运行 make schemas"
    recommended = json.loads((REPO / ".vscode/extensions.json").read_text(encoding="utf-8"))["recommendations"]
    assert "redhat.vscode-yaml" in recommended


def test_schemas_command_writes_files_and_keeps_other_settings(tmp_path, capsys):
    from column.__main__ import main

    write(tmp_path, ".vscode/settings.json", '{"editor.fontSize": 16}')
    assert main(["schemas", "--root", str(tmp_path)]) == 0
    assert "已更新：schemas/org.schema.json" in capsys.readouterr().out
    settings = json.loads((tmp_path / ".vscode/settings.json").read_text(encoding="utf-8"))
    assert settings["editor.fontSize"] == 16 and settings["yaml.schemas"]["./schemas/org.schema.json"] == "orgs/*.yml"
    text = (tmp_path / "schemas/org.schema.json").read_text(encoding="utf-8")
    assert text.endswith("}\n") and "组织类型" in text
    assert main(["schemas", "--root", str(tmp_path)]) == 0
    assert "schemas/ 已是最新" in capsys.readouterr().out


@pytest.mark.parametrize("kind", DOCUMENTS, ids=[d.name for d in DOCUMENTS])
def test_published_schema_is_valid_draft_2020_12(kind):
    schema = json.loads((REPO / publish.path(kind)).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def editor(kind) -> jsonschema.Draft202012Validator:
    """What the YAML extension does: the published file, without our own format checks."""
    return jsonschema.Draft202012Validator(json.loads((REPO / publish.path(kind)).read_text(encoding="utf-8")))


@pytest.mark.parametrize("kind", KINDS, ids=KIND_IDS)
def test_editor_schema_accepts_every_sample_record(kind):
    files = sorted((SAMPLE / kind.folder).glob("*.yml"))
    for file in files:
        data = load_text(file.read_text(encoding="utf-8"), kind).data
        errors = [e.message for e in editor(kind).iter_errors(data)]
        assert not errors, (file.name, errors)


BROKEN = {
    "unknown field": ("verified: 2026-10-01", "verified: 2026-10-01\n电话: 0000-1234567"),
    "missing required": ("description: 为社区妇女提供婚姻家庭辅导。\n", ""),
    "value not in list": ("  - 婚姻家庭", "  - 婚恋"),
    "wrong type": ("type: 社会服务机构", "type: [社会服务机构]"),
    "empty placeholder": ("verified: 2026-10-01", "verified:"),
    "bad date shape": ("verified: 2026-10-01", "verified: 2026年10月1日"),
    "conditional requirement": ("  authority: 滨河区民政局\n", ""),
    "bad credit code shape": ("52370303MJD123456T", "52370303MJD12345"),
}


@pytest.mark.parametrize("old,new", BROKEN.values(), ids=BROKEN.keys())
def test_editor_rejects_what_the_validator_rejects(tmp_path, old, new):
    assert old in VALID_ORG
    text = VALID_ORG.replace(old, new)
    write(tmp_path, "orgs/duocai.yml", text)
    assert messages(tmp_path), "the validator must reject it"
    assert list(editor(ORG).iter_errors(load_text(text, ORG).data)), "the editor must mark it too"


def test_valid_org_passes_both():
    assert not list(editor(ORG).iter_errors(load_text(VALID_ORG, ORG).data))


@pytest.mark.parametrize("kind", KINDS, ids=KIND_IDS)
def test_every_example_shown_to_staff_is_itself_valid(kind):
    """Templates, the guide and the editor show ``examples``; a wrong one teaches a mistake."""
    from column import validate
    from column.schema.walk import flatten

    for field in flatten(kind.schema):
        for example in field.schema.get("examples", ()):
            checker = jsonschema.Draft202012Validator(field.schema, format_checker=validate._formats)
            assert checker.is_valid(example), (field.dotted, example)
