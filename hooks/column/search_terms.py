"""The terms a page is found by: pairs of Han characters, words of letters and digits, pinyin.

No dictionary decides where a Chinese word ends, neither here nor in the reader's browser: every
two neighbouring Han characters make a term (心理健康 -> 心理, 理健, 健康), so a query is cut
exactly as the pages were, whatever words it holds, and a page is ranked by how much of the
query it holds (``assets/search-engine.js``). Titles and names also give single characters
(a one-character query), pinyin syllable pairs (``xin'li``) and pairs of initials (``~xl``),
so "dongchengmamabang" and "dcmmb" find 东城妈妈帮.

``assets/search-query.js`` makes the same terms from a query; :func:`shard` says which index
file holds a term, and the JavaScript computes the same number (a test compares them).
"""
from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from .search_rules import is_han, runs

TITLE, NAME, KEYWORD, BODY = 3, 2, 1, 0
"""Where a term stands on a page (the index keeps the best): its title, one of its names (a short name),
one of the other words it is known by (a street), its text."""
INITIALS = "~"
SYLLABLES = "'"


def text_terms(text: str) -> Iterator[str]:
    """Han character pairs and letter/digit words of body text."""
    for run in runs(text):
        if is_han(run):
            yield from (run[i:i + 2] for i in range(len(run) - 1))
        else:
            yield run


def name_terms(text: str) -> Iterator[str]:
    """Terms of a title or name: those of body text, single Han characters, pinyin pairs and initials pairs."""
    for run in runs(text):
        if not is_han(run):
            yield run
            continue
        yield from run
        yield from (run[i:i + 2] for i in range(len(run) - 1))
        spoken = syllables(run)
        pairs = [(a, b) for a, b in zip(spoken, spoken[1:]) if a and b]
        yield from (a + SYLLABLES + b for a, b in pairs)
        yield from (INITIALS + a[0] + b[0] for a, b in pairs)


@functools.lru_cache(maxsize=65536)
def syllables(run: str) -> tuple[str, ...]:
    """The pinyin of a run of Han characters, without tones (``亲子共读`` -> qin, zi, gong, du);
    "" for a character pypinyin does not know."""
    from pypinyin import lazy_pinyin  # noqa: PLC0415 (its dictionaries load in 0.2 s: only when indexing)

    return tuple(s if s.isascii() and s.isalpha() else "" for s in lazy_pinyin(run))


def all_syllables(terms: Iterable[str]) -> list[str]:
    """Every syllable in the index's pinyin terms: the browser cuts a pinyin query into these."""
    found = {part for term in terms if SYLLABLES in term for part in term.split(SYLLABLES)}
    return sorted(found)


def shard(term: str, count: int) -> int:
    """The index file (0 … count-1) that holds ``term``: FNV-1a (32 bit) over its UTF-16 code units."""
    value = 0x811C9DC5
    data = term.encode("utf-16-le")
    for i in range(0, len(data), 2):
        value = ((value ^ (data[i] | data[i + 1] << 8)) * 0x01000193) & 0xFFFFFFFF
    return value % count
