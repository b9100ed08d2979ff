"""SVG from staff and organizations, made passive before it is published.

An SVG opened on its own (not through ``<img>``) is a document on the site's origin:
a ``<script>``, an ``onload`` or a ``javascript:`` link in it would run there. Every SVG
under ``content/`` is therefore published as rewritten by svg-hush (Cloudflare's SVG
filter, through the ``py-svg-hush`` binding): scripts, event handlers, foreign objects
and links to other sites are dropped, the drawing stays. Raster images would need no
such step, but staff receive logos and posters as SVG from designers, and SVG stays
sharp on every phone; refusing them would make staff convert files they cannot check.
"""
from __future__ import annotations

import py_svg_hush


def clean(data: bytes) -> bytes | None:
    """The passive SVG to publish, or None when ``data`` is not SVG that can be parsed."""
    body = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return py_svg_hush.filter_svg(body)
    except ValueError:
        return None
