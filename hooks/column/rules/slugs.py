"""Names that become one URL: two different street names whose pinyin is the same.

Filter pages take their address from the pinyin of a name (``东城社区`` ->
``events/street/dongcheng-shequ/``). ``东成社区`` gives the same address, and one page
would silently replace the other; such names are refused, naming both places.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator

from ..kinds import Context
from ..render.urls import text_slug
from ..validate import field_path

if TYPE_CHECKING:
    from ..catalog import Catalog

STREET_FIELDS = (("org", "streets"), ("venue", "street"))
"""Where street names are written; each becomes a filter page of the directory or the event list."""


def check_streets(catalog: Catalog, ctx: Context) -> None:
    """Every street name that shares its slug with another name is an error at each later use."""
    first: dict[str, tuple[str, str, int]] = {}
    for name, file, line, field in _streets(catalog):
        slug = text_slug(name)
        seen = first.setdefault(slug, (name, file, line))
        if seen[0] != name:
            ctx.problems.error(file, line, field, f"街道/社区名称“{name}”与 {seen[1]}:{seen[2]} 的“{seen[0]}”"
                               f"拼音相同，会用同一个网址（…/{slug}/），一页会覆盖另一页",
                               "同一个地方请写成完全相同的名称；确是两个地方时，请在其中一个名称后加上区别，如“东成社区（北区）”。")


def _streets(catalog: Catalog) -> Iterator[tuple[str, str, int, str]]:
    for kind, key in STREET_FIELDS:
        for record_id, record in sorted(catalog.records.get(kind, {}).items()):
            source = catalog.sources[(kind, record_id)]
            value: Any = source.data.get(key)
            for index, name in enumerate(value if isinstance(value, list) else [value] if value else []):
                path = (key, index) if isinstance(value, list) else (key,)
                yield name, source.file, source.line(path), field_path(path)
