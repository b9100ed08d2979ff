"""The search index: every page's terms, split into small files a phone fetches only when a query needs them.

Files (under ``search/`` in the built site):

- ``names.json``: the name lookup (``search_names``);
- ``index.json``: the manifest: how many pages and index files, where the staff guide's pages
  begin, the normalisation rules (``search_rules``), the need vocabulary (``search_needs``),
  the pinyin syllables, every Han character the index holds (so the box can tell a reader which of
  her characters stand nowhere on the site) and the months that have a date file;
- ``terms/<n>.json``: ``{term: postings}`` for the terms whose :func:`search_terms.shard` is ``n``;
  postings are ``(page - previous page) * 4 + where`` (``search_terms.TITLE`` …), pages ascending;
- ``pages/<n>.json``: page ``n``'s address, title, description and text (for the excerpt under its result);
- ``days/<yyyy-mm>.json``: ``{"dd": [page…]}``, the events on each day, by start time (date words).

Pages are numbered readers' pages first (events that are over or cancelled after the others),
then the staff guide's: the manifest says where each group begins, so the search box ranks the
guide after every reader's page and past events after what is still to come.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from collections import defaultdict
from collections.abc import Iterable

from . import search_names
from . import search_terms as terms
from .search_rules import browser_rules, is_han

ROOT = "search/"
TEXT_SHOWN = 3000
"""Characters of a page's text kept for its excerpt."""
TEXT_INDEXED = 20000
"""Characters of a page's text whose terms are indexed."""
POSTINGS_PER_FILE = 6000
"""About how many postings an index file holds (sets how many files there are)."""
DAYS_BEFORE, DAYS_AFTER = 31, 400
"""The days around the build date whose events date words can find."""


@dataclasses.dataclass(frozen=True)
class Document:
    """One page as the index sees it."""

    url: str
    title: str
    text: str
    """The page's text as a reader sees it (paragraphs on lines of their own); a list page's description."""
    description: str = ""
    """One line about the page: the excerpt when no sentence of its text holds the query."""
    names: tuple[str, ...] = ()
    """What readers call the page (full and short name, topic): indexed and in the name lookup."""
    keywords: tuple[str, ...] = ()
    """Other words the page is known by (its street, a venue's kind): indexed like names."""
    held: tuple[dt.datetime, ...] = ()
    """When an event page's event takes place: its start time on each day it is held."""
    over: bool = False
    """An event that is over or cancelled: ranked after pages of what is still to come."""
    staff: bool = False


def files(documents: Iterable[Document], needs: list[list[str]], today: dt.date) -> dict[str, bytes]:
    """Every file of the index, by path in the built site."""
    docs = sorted(documents, key=lambda d: (d.staff, d.over, d.url))
    postings = _postings(docs)
    count = 2 ** max(4, math.ceil(math.log2(max(1, sum(map(len, postings.values())) / POSTINGS_PER_FILE))))
    out: dict[str, bytes] = {}
    for number, part in _shards(postings, count).items():
        out[f"{ROOT}terms/{number}.json"] = _json(part)
    for number, doc in enumerate(docs):
        out[f"{ROOT}pages/{number}.json"] = _json({"u": doc.url, "t": doc.title, "d": doc.description,
                                                   "x": doc.text[:TEXT_SHOWN]})
    months = _days(docs, today)
    out.update((f"{ROOT}days/{month}.json", _json(days)) for month, days in months.items())
    chars = {c for term in postings for c in term if is_han(c)}
    staff = next((n for n, d in enumerate(docs) if d.staff), len(docs))
    over = [n for n, d in enumerate(docs) if d.over]
    out[f"{ROOT}{search_names.PATH}"] = _json(search_names.entries(docs))
    out[f"{ROOT}index.json"] = _json({
        "pages": len(docs), "staff": staff, "over": [over[0], over[-1] + 1] if over else [0, 0], "files": count,
        "months": sorted(months),
        "rules": browser_rules(chars), "needs": needs, "syllables": terms.all_syllables(postings),
        "chars": "".join(sorted(chars))})
    return out


def _postings(docs: list[Document]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = defaultdict(list)
    last: dict[str, int] = {}
    for number, doc in enumerate(docs):
        for term, where in _terms(doc).items():
            found[term].append((number - last.get(term, 0)) * 4 + where)
            last[term] = number
    return found


def _terms(doc: Document) -> dict[str, int]:
    """Each term of ``doc`` with the best place it stands in."""
    best = dict.fromkeys(terms.text_terms(doc.text[:TEXT_INDEXED]), terms.BODY)
    best.update(dict.fromkeys((t for word in doc.keywords for t in terms.name_terms(word)), terms.KEYWORD))
    best.update(dict.fromkeys((t for name in doc.names for t in terms.name_terms(name)), terms.NAME))
    best.update(dict.fromkeys(terms.name_terms(doc.title), terms.TITLE))
    return best


def _shards(postings: dict[str, list[int]], count: int) -> dict[int, dict[str, list[int]]]:
    shards: dict[int, dict[str, list[int]]] = {n: {} for n in range(count)}
    for term, values in postings.items():
        shards[terms.shard(term, count)][term] = values
    return shards


def _days(docs: list[Document], today: dt.date) -> dict[str, dict[str, list[int]]]:
    first, last = today - dt.timedelta(days=DAYS_BEFORE), today + dt.timedelta(days=DAYS_AFTER)
    held = sorted((start, number) for number, doc in enumerate(docs) for start in doc.held
                  if first <= start.date() <= last)
    months: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for start, number in held:
        day = months[f"{start:%Y-%m}"][f"{start:%d}"]
        if number not in day:
            day.append(number)
    return months


def _json(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
