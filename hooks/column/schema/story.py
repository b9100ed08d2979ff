"""Schema of a story's front matter, ``content/stories/posts/<name>.md``.

Stories are Markdown pages of Material's blog; the YAML between the two ``---``
lines at the top is checked like a record, with the same Chinese messages.
"""
from __future__ import annotations

from . import fields as f
from .vocab import vocab

CATEGORIES = vocab(
    "story_category",
    ("典型事迹", "dianxing-shiji", "一个组织做成的一件好事：树立女性社会组织典型"),
    ("品牌项目", "pinpai-xiangmu", "一个长期运作、有影响力的服务项目"),
    ("领头人风采", "lingtouren", "女性社会组织带头人的故事（须本人同意公开）"),
    ("活动回顾", "huodong-huigu", "一次活动办完之后的回顾"),
)
"""Story categories; the slug is the category page's URL, ``stories/category/<slug>/``."""

RESERVED_SLUGS = ("category", "page", "archive")
"""URLs the blog itself uses under ``stories/``."""

_person = f.obj("人物", "故事中点名或出现在照片里的一个人", {
    "name": f.text("姓名", "故事中写到的姓名", max_length=40),
    "consent": f.flag("同意公开", "本人书面同意在网站上公开姓名和照片时写 true（个人信息保护法）"),
}, required=["name", "consent"])

SCHEMA = f.record("story", "故事", "风采展示中的一篇故事：典型事迹、品牌项目、领头人风采或活动回顾", {
    "title": f.text("标题", "故事标题，一句话", max_length=60),
    "date": f.date("发布日期", "故事的发布日期；列表和订阅按它从新到旧排列"),
    "slug": f.slug("网址", "故事网址 stories/<网址>/ 的最后一段，用拼音或英文，如 hunfu-zhongxin-tiaojie"),
    "categories": f.choices("分类", "从 典型事迹 / 品牌项目 / 领头人风采 / 活动回顾 中选一个或几个", CATEGORIES),
    "description": f.text("摘要", "一两句话，显示在列表、首页和订阅中", max_length=200),
    "orgs": f.array("相关组织", "故事写到的组织，填 orgs/ 中的文件名（不含 .yml）",
                    f.slug("组织", "orgs/ 中的文件名", ref="org"), unique=True),
    "events": f.array("相关活动", "故事写到的活动，填 events/ 中的文件名（不含 .yml）",
                      f.slug("活动", "events/ 中的文件名", ref="event"), unique=True),
    "people": f.array("人物", "故事中点名或照片中出现的人；每人注明是否同意公开", _person),
    "cover": f.image("封面图", "列表和故事顶部显示的图片，须有替代文字"),
    "featured": f.flag("首页推荐", "写 true 时在首页“推荐故事”中显示"),
}, required=["title", "date", "slug", "categories", "description"])


def category_slug(name: str, separator: str = "-") -> str:
    """The ASCII URL part of a category page (Material's ``categories_slugify``): shareable in WeChat."""
    return CATEGORIES.slug(name) if name in CATEGORIES.values else "other"
