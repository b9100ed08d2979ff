"""Finding a person's name in text the way a reader would see it.

A name hidden from a plain substring search still reaches the reader: ``张&#19977;``,
``张\u200b三`` (a zero-width space), ``张<span>三</span>``, ``张**三**``, ``张 三`` or a
full-width variant all show as 张三. Both the text and the name are reduced to what
is seen (tags and comments removed, entities decoded, Unicode NFKC, invisible format
characters, spaces and Markdown marks dropped) before they are compared.
"""
from __future__ import annotations

import html
import re
import unicodedata
from typing import Iterable

_MARKUP = re.compile(r"<!--.*?-->|<[^>]*>", re.S)
_MARKS = re.compile(r"[\s*_~`\\#>|]+")


def seen(text: str) -> str:
    """``text`` as a reader reads it, for matching only."""
    text = html.unescape(html.unescape(_MARKUP.sub("", text)))
    text = unicodedata.normalize("NFKC", _MARKUP.sub("", text))
    text = "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Cc", "Mn"))
    return _MARKS.sub("", text).casefold()


def named(name: str, texts: Iterable[str]) -> bool:
    """True when ``name`` can be read in any of ``texts``."""
    wanted = seen(name)
    return bool(wanted) and any(wanted in seen(text) for text in texts)
