"""A generated page or file, ready to hand to any static-site builder."""
from __future__ import annotations

import dataclasses
import re

import yaml

from . import urls


@dataclasses.dataclass(frozen=True)
class Page:
    """A page the site publishes at ``url``, written as Markdown holding HTML."""

    url: str
    title: str
    body: str
    description: str = ""
    edit_path: str | None = None
    """The record file behind the page (``orgs/duocai.yml``), for "编辑此页"."""
    draft: bool = False
    hide: tuple[str, ...] = ("toc",)

    @property
    def src_uri(self) -> str:
        return urls.src_uri(self.url)

    def markdown(self) -> str:
        meta = {"title": self.title, "description": self.description or self.title, "hide": list(self.hide)}
        if self.edit_path:
            meta["edit_path"] = self.edit_path
        if self.draft:
            meta["draft"] = True
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=True)
        return f"---\n{front}---\n\n{_as_html_block(self.body)}\n"


@dataclasses.dataclass(frozen=True)
class Asset:
    """A non-page file the site publishes (calendar, QR code, JSON)."""

    path: str
    content: bytes


_BLANK = re.compile(r"\n\s*\n")


def _as_html_block(html: str) -> str:
    """Keep the HTML one raw block for Markdown: no blank line may split it."""
    return _BLANK.sub("\n", html.strip())
