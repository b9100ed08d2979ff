"""The site's search index: Pagefind, run over the built HTML after every build.

Why Pagefind and not Material's own search: Material ships one index file that
every reader downloads whole before the first result (about 4–6.5 MB at city
scale); Pagefind's extended build segments Chinese at index time and splits the
index into small fragments, so a phone loads only the parts a query touches.
The figures behind the choice are in README.md (``make search-bench``).

Only elements marked ``data-pagefind-body`` are indexed (the page content, set
in ``overrides/main.html``), so the 404 page and the site chrome stay out.
The bundle is written to ``<site>/pagefind/`` and served by the site itself.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

BUNDLE = "pagefind"
"""Folder of the search bundle inside the built site."""
LANGUAGE = "zh"
"""Every page is Simplified Chinese; forcing the language keeps one index."""


_CJK = re.compile(r"([\u3400-\u9fff\uf900-\ufaff])")
_SPACES = re.compile(r"\s+")


def index_terms(*texts: str) -> str:
    """The page's names with each Chinese character a word of its own, for a hidden, weighted block.

    Pagefind's index splits Chinese with a dictionary, while the browser splits the query
    with ``Intl.Segmenter`` (near single characters on Chromium/WeChat): the two rarely agree
    on words like 东城妈妈帮. The header box therefore searches character by character
    (``assets/search.js``), and this block makes every character of a page's title, short
    name, street or venue a word of the index, so abbreviations (区女企协) match too.
    """
    return _SPACES.sub(" ", _CJK.sub(r" \1 ", " ".join(t for t in texts if t))).strip()


class SearchIndexFailed(Exception):
    """Pagefind could not index the site; the message says why, in Chinese."""


def command(site_dir: Path) -> list[str]:
    return [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", BUNDLE,
            "--force-language", LANGUAGE, "--quiet"]


def index(site_dir: Path) -> None:
    """Write the Pagefind bundle into ``site_dir``; raises :class:`SearchIndexFailed`."""
    try:
        done = subprocess.run(command(site_dir), capture_output=True, text=True, check=False)
    except OSError as exc:
        raise SearchIndexFailed(f"无法运行 Pagefind（站内搜索索引）：{exc}\n    提示：请运行 make 重新安装依赖。") from None
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip()[-2000:]
        raise SearchIndexFailed(f"生成站内搜索索引失败（Pagefind 退出码 {done.returncode}）：\n{detail}\n"
                                "    提示：请运行 make 重新安装依赖；仍失败请把以上信息发给技术支持。")
    if not (site_dir / BUNDLE / "pagefind.js").is_file():
        raise SearchIndexFailed("生成站内搜索索引失败：没有找到任何可搜索的页面。\n"
                                "    提示：页面模板应在正文外层带有 data-pagefind-body（见 overrides/main.html）。")
