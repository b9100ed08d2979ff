"""Rules on a story's front matter that a schema cannot express."""
from __future__ import annotations

from typing import Any, Iterable

from .. import consent
from ..kinds import Context
from ..model.story import Story
from ..schema import story as schema
from ..validate import titled
from ..yamlsource import Source
from .refs import Ref

EXCERPT_MARK = "<!-- more -->"
"""Material's excerpt separator: the story list shows what stands above it."""


def check(source: Source, story: Story, ctx: Context) -> None:
    """Rules on one story: its URL, cover image, people's consent and excerpt."""
    if story.id in schema.RESERVED_SLUGS:
        _error(ctx, source, ("slug",), f"网址 {story.id} 是故事栏目自用的地址",
               f"请换一个网址；不能使用 {' / '.join(schema.RESERVED_SLUGS)}。")
    if story.date > ctx.today and not story.origin.draft:
        _error(ctx, source, ("date",), f"发布日期 {story.date} 晚于今天 {ctx.today}：故事会一直排在所有列表的最前面",
               "请填写实际发布的日期；还没到发布的时候，先写 draft: true 保存为草稿。")
    ctx.check_image(source, ("cover",), story.cover)
    _consent(source, story, ctx)
    if EXCERPT_MARK not in story.body:
        ctx.problems.warning(source.file, source.line(()), "", f"正文中没有摘要分隔线 {EXCERPT_MARK}，故事列表会显示全文",
                             f"请在第一段之后单独一行写 {EXCERPT_MARK}。")


def _consent(source: Source, story: Story, ctx: Context) -> None:
    """A person who did not consent may be listed, but must not be named anywhere on the page."""
    shown = "\n".join([story.title, story.description, story.body, story.cover.alt if story.cover else ""])
    for n, person in enumerate(story.people):
        if not person.consent and consent.named(person.name, [shown]):
            _error(ctx, source, ("people", n, "consent"),
                   f"{person.name} 未同意公开姓名（consent: false），但标题、摘要或正文中写了这个名字",
                   "取得本人书面同意后把 consent 改为 true；否则请在文中改用“王女士”“一位志愿者”等称呼。")


def check_unique(loaded: Iterable[tuple[Source, Story]], ctx: Context) -> None:
    """Two stories with the same ``slug`` would be published at the same URL."""
    first: dict[str, str] = {}
    for source, story in loaded:
        if story.id in first:
            _error(ctx, source, ("slug",), f"网址 {story.id} 与 {first[story.id]} 重复",
                   "每篇故事的网址必须不同，请换一个。")
        else:
            first[story.id] = source.file


def references(story: Story) -> list[Ref]:
    """The record ids a story names, with where it names them."""
    return ([Ref(("orgs", n), "org", org_id) for n, org_id in enumerate(story.orgs)]
            + [Ref(("events", n), "event", event_id) for n, event_id in enumerate(story.events)])


def _error(ctx: Context, source: Source, path: tuple[Any, ...], message: str, hint: str) -> None:
    ctx.problems.error(source.file, source.line(path), titled(schema.SCHEMA, path), message, hint)
