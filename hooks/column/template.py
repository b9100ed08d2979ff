"""A commented YAML template for a new record, written from the record's schema.

One generic writer serves every kind: each field appears in schema order under
a Chinese comment (title, required or not, what to write, allowed values).
Required fields are left empty, so ``make check`` names each one until it is
filled; optional fields are commented out (remove the leading ``# `` to use
one). The first line points the YAML extension of VS Code at the schema.
"""
from __future__ import annotations

from typing import Any

from .schema.walk import Field, Schema, children, choices

_HEADER = """\
# 填写说明：
#   - 没有“#”的字段必须填写：在冒号后空一格再写内容；“- ”开头的行是列表的一项。
#   - 以“# ”开头的字段可以不填；需要时删掉行首的“# ”（在 VS Code 中选中后按 Ctrl+/）。
#   - 缩进用空格，不能用 Tab；文字里有冒号或 # 时，请用英文引号把整段文字括起来。
#   - 填好后运行 make check（或提交后查看“检查修改”），按提示改正每一处错误。"""


def render(schema: Schema, schema_file: str) -> str:
    """The template text of one record kind; ``schema_file`` is relative to the record's folder."""
    lines = [f"# yaml-language-server: $schema={schema_file}",
             f"# {schema.get('title', '')}：{schema.get('description', '')}", _HEADER]
    for field in children(schema):
        lines.append("")
        lines.extend(_field(field, 0))
    return "\n".join(lines) + "\n"


def _field(field: Field, indent: int, first_prefix: str = "") -> list[str]:
    """Comment lines, then the field itself, commented out when it is optional."""
    pad = " " * indent
    comment = [pad + "# " + line for line in _describe(field)]
    body = _value_lines(field, indent, first_prefix)
    if not field.required:
        body = [_comment_out(line, indent) for line in body]
    return comment + body


def _describe(field: Field) -> list[str]:
    schema = field.schema
    head = f"{field.title}（{field.necessity}）"
    about = schema.get("description", "")
    lines = [f"{head}：{about}" if about else head]
    allowed = choices(schema)
    if allowed:
        lines.append("  可选值（每项一行）：" if field.item else "  可选值：")
        lines.extend(f"    {value}" + (f"：{doc}" if doc else "") for value, doc in allowed)
    elif schema.get("x-expect") and schema.get("type") not in ("object", "array"):
        lines.append(f"  应为：{schema['x-expect']}")
    if schema.get("contentMediaType") == "text/markdown":
        lines.append("  多段文字：冒号后写 |，下一行起每行缩进两个空格书写。")
    if schema.get("examples"):
        lines.append(f"  例如：{schema['examples'][0]}")
    return lines


def _value_lines(field: Field, indent: int, first_prefix: str) -> list[str]:
    """``key:`` with its nested fields or list item below it."""
    pad = " " * indent
    key = f"{pad}{first_prefix}{field.name}:"
    inner = indent + len(first_prefix) + 2
    if field.item is not None:
        return [key] + _item_lines(field.item, inner)
    if field.schema.get("type") == "object":
        return [key] + _object_lines(field.schema, inner)
    return [key]


def _object_lines(schema: Schema, indent: int, first_prefix: str = "") -> list[str]:
    """The fields of an object; with ``first_prefix="- "`` the object is one list item."""
    lines: list[str] = []
    for n, child in enumerate(children(schema)):
        lines.extend(_field(child, indent, first_prefix) if n == 0 else _field(child, indent + len(first_prefix)))
    return lines


def _item_lines(item: Schema, indent: int) -> list[str]:
    """One list item: ``- `` alone for a value, ``- key:`` then the other keys for an object."""
    if item.get("type") != "object":
        return [" " * indent + "-"]
    return _object_lines(item, indent, first_prefix="- ")


def _comment_out(line: str, indent: int) -> str:
    """``  key:`` -> ``  # key:``, keeping the key where it was so uncommenting is one keystroke."""
    stripped = line[indent:] if line[:indent].strip() == "" else line.lstrip()
    return " " * indent + "# " + stripped


def placeholder_paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Paths of the values a template leaves empty (``None``), in file order."""
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in placeholder_paths(value, path + (key,))]
    if isinstance(data, list):
        return [p for n, value in enumerate(data) for p in placeholder_paths(value, path + (n,))]
    return [path] if data is None else []
