"""The need vocabulary: readers' everyday words for what the site calls a service area, event category,
audience or facility, and synonyms of the site's own words (``schema/needs.yml``, edited by staff).

The search box expands a query with it (``assets/search-query.js``): "婆媳吵架" also looks for
"婚姻家庭", "麦克风" for "话筒". Its first four groups are keyed by the values of the schemas'
vocabularies (``schema/vocab.py``), so a key that is not one of them is reported like any record
error; the staff guide lists every word (``guide/search-words/``).
"""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from . import validate, yamlsource
from .problems import Problems
from .schema import fields as f
from .schema import vocab
from .search_rules import normal

FILE = "hooks/column/schema/needs.yml"
"""Where staff edit the vocabulary (relative to the project root)."""
PATH = Path(__file__).parent / "schema" / "needs.yml"

_WORDS = f.array("读者的说法", "读者可能用的词，用逗号隔开", f.text("读者的说法", "一个词", max_length=20), min_items=1)


def _group(title: str, description: str, terms: vocab.Vocab) -> dict:
    return f.obj(title, description, {value: {**_WORDS, "title": value} for value in terms.values})


GROUPS = (
    ("areas", "服务领域", vocab.AREAS),
    ("event_categories", "活动类别", vocab.EVENT_CATEGORIES),
    ("audiences", "面向对象", vocab.AUDIENCES),
    ("facilities", "场地设施", vocab.FACILITIES),
)
SYNONYMS = ("synonyms", "本站用语的同义词")

SCHEMA = f.record("needs", "搜索用词", "读者的说法 → 本站的说法，站内搜索用来扩展查询", {
    **{key: _group(title, f"冒号前写{title}的可选值，方括号里写读者的说法", terms) for key, title, terms in GROUPS},
    SYNONYMS[0]: {**f.obj(SYNONYMS[1], "冒号前写本站用语，方括号里写它的俗称、旧称、口语", {}), "additionalProperties": _WORDS},
}, required=[])


@dataclasses.dataclass(frozen=True)
class Need:
    """One site word and the everyday words that lead to it."""

    group: str
    """The group's Chinese title (服务领域, 同义词…), for the guide."""
    site: str
    """The site's word, as pages write it."""
    everyday: tuple[str, ...]


def load(path: Path = PATH, name: str = FILE, problems: Problems | None = None) -> list[Need]:
    """Read and check the vocabulary; problems go to ``problems`` (a fresh collection if none is given)."""
    problems = problems if problems is not None else Problems()
    source = yamlsource.load(path, name, problems)
    if source is None or not validate.check(source, SCHEMA, problems):
        return []
    data = source.data or {}
    titles = dict(((key, title) for key, title, _ in GROUPS), **{SYNONYMS[0]: SYNONYMS[1]})
    return [Need(titles[key], site, _split(words)) for key, group in data.items() if key in titles
            for site, words in (group or {}).items()]


def _split(words: list[str]) -> tuple[str, ...]:
    """Each listed word, also where one item holds several separated by Chinese commas ("吵架，婆媳")."""
    found = (w.strip() for item in words for w in re.split(r"[,，、;；]", item))
    return tuple(dict.fromkeys(w for w in found if w))


def browser_table(needs: list[Need]) -> list[list[str]]:
    """``[everyday word, site word, site word…]`` in normal form, longest everyday word first.

    ``assets/search-query.js`` looks for each everyday word in the query and adds its site words.
    """
    table: dict[str, list[str]] = {}
    for need in needs:
        for word in need.everyday:
            sites = table.setdefault(normal(word), [])
            if need.site not in sites and normal(need.site) != normal(word):
                sites.append(need.site)
    return sorted(([word, *sites] for word, sites in table.items() if sites), key=lambda row: (-len(row[0]), row[0]))
