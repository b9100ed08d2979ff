"""Open data (/data/): every public record as CSV and JSON, nothing private, a valid Data Package."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from frictionless import validate

from column import site
from column.problems import Problems, RecordsInvalid
from column.schema import org as org_schema
from column.schema.walk import flatten
from support import raw
from support.records import TODAY, write
from support.sitebuild import FIXTURES, build_site, copy_project

TABLES = {"orgs": "orgs", "venues": "venues", "events": "events", "trainings": "trainings"}


def package(site_dir: Path) -> dict:
    return json.loads((site_dir / "data" / "datapackage.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("table", TABLES)
def test_every_published_record_is_one_row(figures_site, table):
    expected = sorted(raw.records(TABLES[table]))
    assert sorted(row["id"] for row in raw.csv_rows(figures_site, table)) == expected
    assert sorted(row["id"] for row in raw.json_rows(figures_site, table)) == expected


def test_list_items_are_rows_of_their_own(figures_site):
    projects = [(org_id, p["name"], p.get("funding")) for org_id, org in raw.records("orgs").items()
                for p in org.get("projects", ())]
    rows = raw.json_rows(figures_site, "org-projects")
    assert sorted((r["org"], r["name"], r["funding"]) for r in rows) == sorted(projects)
    assert sorted(r["slug"] for r in raw.csv_rows(figures_site, "stories")) == sorted(raw.stories())


def test_csv_opens_in_excel_with_the_same_cells_as_the_json(figures_site):
    for resource in package(figures_site)["resources"]:
        if resource["format"] != "csv":
            continue
        data = (figures_site / "data" / resource["path"]).read_bytes()
        assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data, resource["path"]
        names = [field["name"] for field in resource["schema"]["fields"]]
        assert data.decode("utf-8-sig").split("\r\n", 1)[0].split(",") == names
        csv_rows = raw.csv_rows(figures_site, resource["name"])
        as_text = [{k: _text(v) for k, v in row.items()} for row in raw.json_rows(figures_site, resource["name"])]
        assert csv_rows == as_text


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(map(str, value))
    return "" if value is None else str(value)


def test_nothing_that_records_do_not_mark_public(figures_site):
    private_leader = raw.records("orgs")["mashang-weilao-dui"]["leader"]["name"]
    private_phone = raw.records("orgs")["mashang-weilao-dui"]["contact"]["phone"]
    drafts = [(key, data.get("name") or data["title"], *data.get("streets", ())) for folder in ("orgs", "events")
              for key, data in raw.records(folder, drafts=True).items() if data.get("draft")]
    assert len(drafts) == 2 and private_leader and private_phone
    for path in (figures_site / "data").iterdir():
        if path.suffix == ".jpg":
            continue  # the page's share card (column.render.cards), a picture of its title
        text = path.read_bytes().decode("utf-8-sig")
        for secret in (private_leader, private_phone, *(word for draft in drafts for word in draft)):
            assert secret not in text, (path.name, secret)
    consented = raw.records("orgs")["heping-hunyin-zhongxin"]["leader"]["name"]
    assert [r["leader_name"] for r in raw.csv_rows(figures_site, "orgs") if r["leader_name"]] == [consented]


def test_drafts_stay_out_even_in_the_preview(tmp_path):
    """``make serve`` shows drafts on their own pages, never in the data or the figures."""
    site_dir = build_site(copy_project(tmp_path / "project", data=FIXTURES / "figures"), tmp_path / "site", drafts=True)
    drafts = [key for folder in ("orgs", "events") for key, data in raw.records(folder, drafts=True).items()
              if data.get("draft")]
    assert (site_dir / "orgs" / drafts[0] / "index.html").is_file()
    published = [p.read_text(encoding="utf-8-sig") for folder in ("data", "stats") for p in (site_dir / folder).rglob("*")
                 if p.suffix in (".csv", ".json", ".html")]
    assert [key for key in drafts if any(key in text for text in published)] == []


def test_frictionless_accepts_the_data_package(figures_site):
    report = validate(str(figures_site / "data" / "datapackage.json"))
    assert report.flatten(["type", "note"]) == []
    assert report.valid


def test_frictionless_rejects_a_broken_table(figures_site, tmp_path):
    """The check above can fail: a wrong type and a dangling reference are reported."""
    broken = tmp_path / "data"
    broken.mkdir()
    for path in (figures_site / "data").iterdir():
        broken.joinpath(path.name).write_bytes(path.read_bytes())
    projects = broken / "org-projects.csv"
    projects.write_bytes(projects.read_bytes().replace(b",2025,", b",\xe4\xba\x8c\xe9\x9b\xb6,", 1)
                         .replace(b"heping-hunyin-zhongxin,", b"no-such-org,", 1))
    notes = {error[0] for error in validate(str(broken / "datapackage.json")).flatten(["type"])}
    assert {"type-error", "foreign-key"} <= notes


def test_fields_are_described_by_the_one_schema_source(figures_site):
    orgs = next(r for r in package(figures_site)["resources"] if r["name"] == "orgs")
    fields = {f["name"]: f for f in orgs["schema"]["fields"]}
    schema = {field.dotted.replace(".", "_"): field.schema for field in flatten(org_schema.SCHEMA)}
    for name, source in schema.items():
        if name in fields:
            assert fields[name]["description"] == source["description"], name
            assert fields[name].get("constraints", {}).get("enum") == source.get("enum"), name
    assert fields["registration_status"]["title"] == schema["registration_status"]["title"] == "登记状态"
    assert fields["areas"]["type"] == "list" and fields["verified"]["type"] == "date"


def test_column_names_stay_the_same_from_build_to_build(figures_site):
    """Renaming a column breaks everyone who reads the data: change this list only on purpose."""
    found = {r["name"]: [f["name"] for f in r["schema"]["fields"]] for r in package(figures_site)["resources"]
             if r["format"] == "csv"}
    kept = json.loads((raw.FIGURES / "data-columns.json").read_text(encoding="utf-8"))
    assert found == kept


def test_the_data_page_explains_each_file_and_the_licence(figures_site):
    page = (figures_site / "data" / "index.html").read_text(encoding="utf-8")
    licence = yaml.safe_load((raw.FIGURES / "column.yml").read_text(encoding="utf-8"))["data"]["license"]
    assert licence["title"] in page and f'href="{licence["url"]}"' in page
    for resource in package(figures_site)["resources"]:
        assert f'href="{resource["path"]}"' in page, resource["path"]
    assert package(figures_site)["licenses"] == [{"name": licence["name"], "title": licence["title"],
                                                   "path": licence["url"]}]


def _settings_problems(root: Path, text: str) -> list[str]:
    write(root, "column.yml", text)
    (root / "content").mkdir(exist_ok=True)
    problems = Problems()
    with pytest.raises(RecordsInvalid):
        site.load_inputs(root, root / "content", TODAY, problems)
    return [p.text().split("\n")[0] for p in problems]


LICENCE = "data:\n  license:\n    name: CC-BY-4.0\n    title: 署名\n    url: https://example.org/\n  publisher: 区妇联\n"


def test_licence_code_is_an_spdx_code(tmp_path):
    assert _settings_problems(tmp_path, LICENCE.replace("CC-BY-4.0", "CC BY 4.0")) == [
        'column.yml:3 data.license.name（协议代码）：应为SPDX 协议代码（英文字母、数字、点和连字符），如 CC-BY-4.0，'
        '实际为 "CC BY 4.0"']


def test_licence_needs_its_name(tmp_path):
    assert _settings_problems(tmp_path, LICENCE.replace("    title: 署名\n", "")) == [
        "column.yml:2 data.license（许可协议）：缺少必填字段 title（协议名称）"]


def test_licence_address_is_a_web_address(tmp_path):
    assert _settings_problems(tmp_path, LICENCE.replace("https://example.org/", "example.org")) == [
        'column.yml:5 data.license.url（协议网址）：应为以 https:// 或 http:// 开头的网址，实际为 "example.org"']


def test_open_data_names_its_publisher(tmp_path):
    assert _settings_problems(tmp_path, LICENCE.replace("  publisher: 区妇联\n", "")) == [
        "column.yml:1 data（开放数据）：缺少必填字段 publisher（发布单位）"]
