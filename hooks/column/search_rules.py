"""How search text is normalised: declared here once, for the index (Python) and the search box (JavaScript).

The build writes :func:`browser_rules` into the search manifest (``search/index.json``) and
``assets/search-query.js`` reads it from there, so a page's words and a reader's query are
cut the same way: NFKC, lower case, traditional characters as simplified ones (OpenCC's
``t2s`` table, made at build time from the ``opencc`` package: nothing loaded from a CDN),
Chinese in runs of Han characters and everything else in runs of letters and digits.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
"""Han characters (CJK unified ideographs, extension A, compatibility ideographs)."""
WORD = "a-z0-9"
"""The other characters a term is made of (after NFKC and lower case)."""
RUNS = re.compile(f"[{HAN}]+|[{WORD}]+")

FILLERS = (
    "怎么办", "怎么样", "怎么", "怎样", "如何", "在哪里", "在哪儿", "在哪", "哪里", "哪儿", "哪些", "哪个", "有没有",
    "有什么", "什么", "能不能", "可不可以", "可以", "请问", "我想", "我要", "想要", "需要", "一下", "附近", "帮我",
    "求助", "推荐", "找个", "是否", "谁能", "我们", "我家", "哪家", "咋办", "咋", "我", "想", "的", "吗", "呢",
    "啊", "吧", "了", "么",
)
"""Everyday words around a need that no page is about ("我想找…怎么办"): dropped from a query,
longest first, except inside a word of the need vocabulary (``search_needs``)."""


def normal(text: str, t2s: dict[str, str] | None = None) -> str:
    """NFKC, lower case, traditional -> simplified, without spaces: the form names and queries are compared in."""
    text = "".join(unicodedata.normalize("NFKC", text).lower().split())
    return text.translate(str.maketrans(t2s)) if t2s else text


def runs(text: str) -> list[str]:
    """The runs of Han characters and of letters/digits in NFKC, lower-cased ``text`` (the rest splits them)."""
    return RUNS.findall(unicodedata.normalize("NFKC", text).lower())


def is_han(run: str) -> bool:
    return bool(run) and "\u3400" <= run[0] <= "\ufaff"


@functools.lru_cache(maxsize=1)
def t2s_table() -> dict[str, str]:
    """Every traditional (or variant) Han character OpenCC's ``t2s`` turns into a different simplified one."""
    import opencc  # noqa: PLC0415 (loads its dictionaries: only when the index is written)

    convert = opencc.OpenCC("t2s").convert
    table = {}
    for code in _han_codes():
        char = chr(code)
        simple = convert(char)
        if simple != char and len(simple) == 1:
            table[char] = simple
    return table


def _han_codes() -> Iterator[int]:
    for low, high in re.findall(r"(.)-(.)", HAN):
        yield from range(ord(low), ord(high) + 1)


def browser_rules(site_chars: Iterable[str]) -> dict[str, object]:
    """What ``assets/search-query.js`` needs to cut a query as the index was cut.

    The traditional-character table keeps only characters whose simplified form occurs on the
    site (``site_chars``): any other could not match anything, and the table stays small.
    """
    present = set(site_chars)
    pairs = sorted((t, s) for t, s in t2s_table().items() if s in present)
    return {"han": HAN, "word": WORD, "fillers": sorted(FILLERS, key=len, reverse=True),
            "t2s": ["".join(t for t, _ in pairs), "".join(s for _, s in pairs)]}
