"""Schema of an event record, ``events/<id>.yml``: an announcement, its news and its recap."""
from __future__ import annotations

from . import fields as f
from . import vocab as v

_when = ("北京时间；只写日期（如 2026-12-05）表示全天活动，"
         "写日期加时刻（如 \"2026-12-05 14:30\"）表示定时活动")

_repeat = f.obj("重复", "定期活动：每周或每月重复，到某天为止或共几次", {
    "every": f.choice("重复方式", "每周 / 每月 / 每月第几个星期几", v.REPEATS),
    "interval": {**f.count("间隔", "每隔几周（几个月）一次，默认 1；隔周写 2"), "minimum": 1, "maximum": 12},
    "until": f.date("重复到", "最后可能举行的日期（含这一天）"),
    "count": {**f.count("次数", "一共举行几次（含第一次）"), "minimum": 1, "maximum": 200},
    "skip": f.array("跳过日期", "这些日期不举行（节假日、场地占用）", f.date("日期", "不举行的日期"), unique=True),
}, required=["every"])

_registration = f.obj("报名", "如何报名；不写 fee 即为免费", {
    "link": f.url("报名链接", "报名表或小程序的网址"),
    "phone": f.phone("报名电话", "报名或咨询电话"),
    "deadline": f.datetime_local("报名截止", "截止报名的时间，应早于活动开始"),
    "fee": f.money("费用（元）", "每人费用，免费活动不写"),
    "note": f.text("报名说明", "如“名额有限，额满即止”", max_length=300),
    "desk": f.flag("在受理台报名", "写 true：读者在本专栏的受理台在线报名，按名额确认、额满候补，凭入场码签到；"
                   "需要 column.yml 中写好受理台网址（venues.request_desk）"),
    "places": {**f.count("报名名额", "受理台可报的人数（定期活动为每一次的人数）；不写即为活动的名额 capacity"),
               "minimum": 1},
    "party_max": {**f.count("每人最多报几位", "一人最多替几位报名（含本人），如带两个孩子的妈妈要报 3 位；不写即为 1"),
                  "minimum": 1, "maximum": 20},
    "waitlist": f.flag("额满候补", "额满后是否接受候补；不写即为接受，写 false 表示额满即止"),
})

_postponed = f.obj("延期后的时间", "活动延期后的新时间；新时间未定时整段不写", {
    "start": f.datetime_local("新的开始时间", _when),
    "end": f.datetime_local("新的结束时间", "与开始时间写法相同"),
}, required=["start"])

_update = f.obj("活动讯息", "一条带时间的消息：变更通知、现场播报", {
    "time": f.datetime_local("发布时间", "这条消息发出的时间，如 \"2026-12-05 09:30\""),
    "title": f.text("标题", "一句话标题，会出现在“最新动态”中", max_length=60),
    "text": f.markdown("内容", "消息正文（可用 Markdown）", max_length=3000),
    "change": f.flag("变更通知", "时间、地点等安排有变时写 true：日历订阅者会收到更新"),
}, required=["time", "text"])

_recap = f.obj("活动回顾", "活动结束后的回顾：做了什么、来了多少人", {
    "time": f.datetime_local("发布时间", "回顾发布的时间；不写则按活动结束时间"),
    "text": f.markdown("回顾正文", "活动情况（可用 Markdown）", max_length=10000),
    "served": f.count("服务人次", "本次（或各次合计）服务人次"),
    "photos": f.array("照片", "活动照片，每张都要写替代文字", f.image("照片", "一张照片")),
}, required=["text"])

SCHEMA = f.record("event", "活动", "一场活动的预告、讯息和回顾：文件名（不含 .yml）就是它的网址编号", {
    "title": f.text("标题", "活动名称，如“家庭教育公益讲座：如何陪伴青春期孩子”", max_length=80),
    "category": f.choice("活动类别", " / ".join(v.EVENT_CATEGORIES.values), v.EVENT_CATEGORIES),
    "description": f.markdown("活动介绍", "活动内容、流程、需要带什么（可用 Markdown）", max_length=10000),
    "organizers": f.array("主办组织", "组织编号（orgs/ 下的文件名），第一个是主办方，其余为协办",
                          f.slug("组织编号", "orgs/ 下的文件名（不含 .yml）", ref="org"), min_items=1, unique=True),
    "start": f.datetime_local("开始时间", _when),
    "end": f.datetime_local("结束时间", "与开始时间写法相同；全天活动跨几天时写最后一天"),
    "repeat": _repeat,
    "venue": f.slug("场地", "场地编号（venues/ 下的文件名）；不在场地库中时改写 address", ref="venue"),
    "address": f.text("地址", "不在场地库中的活动地址"),
    "online": f.url("线上链接", "线上活动的直播或会议网址"),
    "audience": f.choices("面向人群", "从固定列表中选择一项或多项", v.AUDIENCES),
    "capacity": {**f.count("名额", "最多参加人数"), "minimum": 1},
    "registration": _registration,
    "status": f.choice("状态", "如期 / 延期 / 取消；不写即为如期", v.EVENT_STATUSES),
    "status_reason": f.text("延期或取消原因", "如“因场地检修”", max_length=200),
    "postponed_to": _postponed,
    "images": f.array("图片", "海报或活动图片，每张都要写替代文字", f.image("图片", "一张图片")),
    "updates": f.array("活动讯息", "活动前后发布的消息，每条一项", _update),
    "recap": _recap,
    "created": f.datetime_local("发布时间", "首次发布预告的时间，用于日历订阅"),
}, required=["title", "category", "description", "organizers", "start", "audience"],
   **{"x-any-of": ["venue", "address", "online"]})  # enforced by rules/event.py; shown in templates and the guide
