"""schema.org ``VideoObject`` / ``AudioObject`` for a training page, as a JSON-LD script tag.

Search engines and WeChat's link previews read it; the media and poster URLs are
absolute (from ``site_url``), as schema.org asks.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

from markupsafe import Markup

from ..clock import TZ
from ..model.training import Training, iso_duration, media_type
from . import jsonld, markup, urls
from .env import Settings

_TAG = re.compile(r"<[^>]+>")


def plain(text: str) -> str:
    """Markdown as one line of plain text (rendered and sanitized first, then stripped of tags)."""
    return " ".join(html.unescape(_TAG.sub(" ", markup.to_html(text))).split())


def data(t: Training, orgs: dict[str, Any], settings: Settings) -> dict[str, Any]:
    page = urls.absolute(settings.site_url, urls.training(t.id))
    ld: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "VideoObject" if t.is_video else "AudioObject",
        "name": t.title,
        "description": plain(t.description),
        "url": page,
        "uploadDate": dt.datetime.combine(t.published, dt.time(0), TZ).isoformat(),
        "duration": iso_duration(t.duration),
        "inLanguage": "zh-CN",
        "publisher": {"@type": "Organization", "name": settings.site_name, "url": settings.site_url},
    }
    if t.poster:
        ld["thumbnailUrl"] = urls.absolute(settings.site_url, t.poster.src)
    if t.file:
        ld["contentUrl"] = urls.absolute(settings.site_url, t.file)
        ld["encodingFormat"] = media_type(t.kind, t.file)
    if t.embed:
        ld["embedUrl"] = t.embed.url
    if t.provider in orgs:
        ld["provider"] = {"@type": "Organization", "name": orgs[t.provider].name,
                          "url": urls.absolute(settings.site_url, urls.org(t.provider))}
    if t.captions and t.is_video and t.file:
        ld["caption"] = {"@type": "MediaObject", "contentUrl": urls.absolute(settings.site_url, t.captions),
                         "encodingFormat": "text/vtt", "inLanguage": "zh-CN"}
    if t.transcript:
        ld["transcript"] = plain(t.transcript)
    if t.chapters:
        ld["hasPart"] = _clips(t, page)
    return ld


def _clips(t: Training, page: str) -> list[dict[str, Any]]:
    ends = [c.start for c in t.chapters[1:]] + [t.duration]
    return [{"@type": "Clip", "name": c.title, "startOffset": c.start, "endOffset": end, "url": f"{page}#t={c.start}"}
            for c, end in zip(t.chapters, ends)]


def script(t: Training, orgs: dict[str, Any], settings: Settings) -> Markup:
    """The ``<script type="application/ld+json">`` tag (escaped by :func:`jsonld.tag`)."""
    return jsonld.tag(data(t, orgs, settings))
