"""Rules on one venue record that a schema cannot express."""
from __future__ import annotations

from ..kinds import Context
from ..model.venue import Venue
from ..render import urls
from ..yamlsource import Source


def check(source: Source, venue: Venue, ctx: Context) -> None:
    if urls.venue(venue.id) == urls.VENUE_POSTERS:
        ctx.problems.error(source.file, None, "", f"文件名 “{venue.id}” 不能用作场地编号：{urls.VENUE_POSTERS} 是工作人员的二维码页面",
                           "请给文件换一个名字，如 hutian-huodongshi.yml。")
    for n, hours in enumerate(venue.hours):
        if hours.close <= hours.open:
            ctx.problems.error(source.file, source.line(("hours", n, "close")), f"hours[{n}].close（关门）",
                               f"关门时间 {hours.close:%H:%M} 应晚于开门时间 {hours.open:%H:%M}",
                               "请核对时间；跨过午夜的开放时间请分成两段写。")
    for n, photo in enumerate(venue.photos):
        ctx.check_image(source, ("photos", n), photo)
