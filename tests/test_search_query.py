"""The search's query side, in the browser's own code run by Node against an index the build code writes:
query expansion (fillers, need words, traditional characters, pinyin, date words), ranking of partial matches,
the index file a term lies in (Python and JavaScript must agree), and the need vocabulary's checks."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

from column import search_needs, search_terms
from column.problems import Problems
from column.search_index import Document, files
from support.sitebuild import REPO

ASSETS = REPO / "content" / "assets"
NEEDS = [["吵架", "婚姻家庭"], ["婆媳", "婚姻家庭"], ["麦克风", "话筒"]]
DOCS = [
    Document("orgs/a/", "滨河区婚姻家庭辅导中心", "专门从事婚姻家庭辅导的社会服务机构。", names=("滨河区婚姻家庭辅导中心",)),
    Document("events/b/", "心理健康讲座", "职场妈妈的情绪管理。"),
    Document("venues/c/", "东城社区妇女之家", "配有话筒和投影。", names=("东城社区妇女之家",)),
    Document("events/d/", "亲子共读", "一起读绘本。", held=(dt.datetime(2026, 11, 26, 9, 30),)),
    Document("guide/e/", "指南：心理健康", "工作人员怎样填写心理健康。", staff=True),
]
NOW = "2026-11-22T10:00:00+08:00"


@pytest.fixture(scope="module")
def index(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("index")
    for path, content in files(DOCS, NEEDS, dt.date(2026, 11, 22)).items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return root / "search"


def node(script: str, index: Path | None = None) -> object:
    """Run ``script`` in Node with ``Q`` (search-query.js), ``E`` (search-engine.js) and ``manifest``; print its JSON."""
    prelude = f"""
      const Q = require({json.dumps(str(ASSETS / "search-query.js"))});
      const E = require({json.dumps(str(ASSETS / "search-engine.js"))});
      const fs = require("fs");
      const dir = {json.dumps(str(index or ""))};
      const load = p => Promise.resolve(JSON.parse(fs.readFileSync(dir + "/" + p, "utf8")));
      const manifest = dir ? JSON.parse(fs.readFileSync(dir + "/index.json", "utf8")) : null;
      const now = new Date({json.dumps(NOW)});
      const out = x => process.stdout.write(JSON.stringify(x));
    """
    done = subprocess.run(["node", "-e", prelude + script], capture_output=True, text=True, timeout=60,
                          env={"TZ": "Asia/Shanghai", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def asked(index: Path, query: str) -> dict:
    return node(f"""
      const a = Q.analyze({json.dumps(query)}, Q.compile(manifest), now);
      out({{concepts: a.concepts.map(c => ({{text: c.text, alts: c.alts.map(x => x.text || x.pinyin || x.initials),
            spans: c.spans.map(s => [c.text.slice(s.from, s.to), s.alts.map(x => x.text)])}})),
            days: a.days, unknown: a.unknown, simplified: a.simplified}});""", index)


def ranked(index: Path, query: str) -> dict:
    return node(f"""
      E.Engine(load).search({json.dumps(query)}, now).then(f => {{
        const urls = f.ids.map(id => JSON.parse(fs.readFileSync(dir + "/pages/" + id + ".json", "utf8")).u);
        out({{urls, partial: f.partial, why: f.ids.map(f.why), unheard: f.unheard}});
      }});""", index)


def test_fillers_are_dropped_and_need_words_lead_to_the_site_word(index):
    got = asked(index, "我想问问婆媳吵架怎么办")
    assert got["concepts"] == [{"text": "问问婆媳吵架", "alts": ["问问婆媳吵架"],
                                "spans": [["婆媳", ["婚姻家庭"]], ["吵架", ["婚姻家庭"]]]}]


def test_a_need_word_typed_alone_is_looked_up_as_the_site_word_too(index):
    assert asked(index, "麦克风")["concepts"][0]["spans"] == [["麦克风", ["话筒"]]]


def test_traditional_characters_become_simplified_and_unknown_ones_are_reported(index):
    """Only characters whose simplified form stands on the site are converted (諮 -> 咨 is not: no page has 咨)."""
    got = asked(index, "輔導諮鑫")
    assert got["simplified"] == "辅导諮鑫"
    assert got["unknown"] == ["諮", "鑫"]


def test_pinyin_is_cut_into_the_index_syllables_and_initials_kept(index):
    assert asked(index, "dongcheng")["concepts"][0]["alts"] == ["dongcheng", ["dong", "cheng"]]
    assert asked(index, "dcsq")["concepts"][0]["alts"] == ["dcsq", "dcsq"]


@pytest.mark.parametrize("words, first, last", [("今天", "2026-11-22", "2026-11-22"), ("明天", "2026-11-23", "2026-11-23"),
                                                ("下周四", "2026-11-26", "2026-11-26"), ("下周", "2026-11-23", "2026-11-29"),
                                                ("周末", "2026-11-22", "2026-11-22"), ("12月", "2026-12-01", "2026-12-31"),
                                                ("12月5日", "2026-12-05", "2026-12-05")])
def test_date_words_count_from_the_readers_clock(index, words, first, last):
    """The clock says Sunday 2026-11-22 in Shanghai."""
    days = asked(index, words + "活动")["days"]
    assert (days["from"], days["to"]) == (first, last)


def test_a_page_holding_most_of_the_query_is_found_when_none_holds_all(index):
    got = ranked(index, "心理健康讲座 报名表格")
    assert got["urls"][0] == "events/b/"
    assert got["why"][0] == ["不含：报名表格"]


def test_need_words_find_the_site_word_and_say_why(index):
    got = ranked(index, "婆媳吵架")
    assert got["urls"][0] == "orgs/a/"
    assert got["why"][0] == ["“婆媳”“吵架”→婚姻家庭"]


def test_date_word_brings_that_days_event_and_staff_pages_come_last(index):
    assert ranked(index, "下周四")["urls"] == ["events/d/"]
    assert ranked(index, "心理健康")["urls"] == ["events/b/", "guide/e/"]


def test_letters_no_page_holds_are_reported(index):
    assert ranked(index, "qwxz")["unheard"] == ["qwxz"]


def test_python_and_javascript_agree_on_the_index_file_of_a_term():
    terms = ["心理", "xin'li", "~xl", "5a", "婆媳", "𠀀字"]
    shards = node(f"out({json.dumps(terms)}.map(t => Q.shard(t, 64)))")
    assert shards == [search_terms.shard(t, 64) for t in terms]


def test_an_unknown_service_area_in_the_need_vocabulary_is_reported(tmp_path):
    problems = Problems()
    bad = tmp_path / "needs.yml"
    bad.write_text("areas:\n  婚姻家廷: [吵架]\n", encoding="utf-8")
    assert search_needs.load(bad, search_needs.FILE, problems) == []
    assert problems.report().splitlines()[1:3] == [
        "  1. hooks/column/schema/needs.yml:2 areas.婚姻家廷：未知字段",
        "    提示：字段名请用英文：把“婚姻家廷”改为 婚姻家庭（婚姻家庭）。"]


def test_everyday_words_must_be_a_list(tmp_path):
    problems = Problems()
    bad = tmp_path / "needs.yml"
    bad.write_text("synonyms:\n  残障: 残疾\n", encoding="utf-8")
    search_needs.load(bad, search_needs.FILE, problems)
    assert "hooks/column/schema/needs.yml:2 synonyms.残障：应为列表（每项一行，以“- ”开头），实际为 \"残疾\"" in problems.report()


def test_the_shipped_vocabulary_is_valid_and_splits_chinese_commas():
    problems = Problems()
    needs = search_needs.load(problems=problems)
    assert not problems, problems.report()
    table = dict((row[0], row[1:]) for row in search_needs.browser_table(needs))
    assert table["麦克风"] == ["话筒"] and "婚姻家庭" in table["婆媳"]
    assert search_needs._split(["吵架，婆媳", "离婚"]) == ("吵架", "婆媳", "离婚")
