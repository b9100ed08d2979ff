"""Schema of a venue record, ``venues/<id>.yml``: a room that organizations can request."""
from __future__ import annotations

from . import fields as f
from . import vocab as v

_hours = f.obj("开放时间", "一段开放时间：哪几天、几点到几点", {
    "days": f.choices("星期", "周一 到 周日，可多选", v.WEEKDAYS),
    "open": f.clock_time("开门", "如 09:00"),
    "close": f.clock_time("关门", "如 17:30"),
}, required=["days", "open", "close"])

_location = f.obj("坐标", "可选：地图坐标（高德/GCJ-02）", {
    "lng": {**f.money("经度", "如 118.0548"), "minimum": 73, "maximum": 136, "x-expect": "73 到 136 之间的经度"},
    "lat": {**f.money("纬度", "如 36.8125"), "minimum": 3, "maximum": 54, "x-expect": "3 到 54 之间的纬度"},
}, required=["lng", "lat"])

_requests = f.obj("申请接收方式", "本场地的申请发到哪里；不写则使用 column.yml 中的全站设置", {
    "endpoint": f.url("接收地址", "接收申请表的网址（表单以 POST 方式提交）"),
    "email": f.email("接收邮箱", "没有接收地址时，申请通过邮件发送到这里"),
})

SCHEMA = f.record("venue", "活动场地", "一个可以申请使用的活动场地：文件名（不含 .yml）就是它的网址编号", {
    "name": f.text("名称", "如“湖田街道妇女之家 活动室”", max_length=60),
    "kind": f.choice("场地类型", "妇女之家 / 妇儿家园 / 孵化基地 / 服务中心 / 其他", v.VENUE_KINDS),
    "description": f.markdown("场地介绍", "场地的位置、面积、适合开展的活动", max_length=5000),
    "address": f.text("地址", "详细地址，用于地图链接和海报"),
    "street": f.text("所在街道", "如“湖田街道”"),
    "location": _location,
    "org": f.slug("管理组织", "管理本场地的组织编号（orgs/ 下的文件名），可不填", ref="org"),
    "manager": f.text("管理单位", "不在组织名录中的管理单位名称，如“湖田街道妇联”"),
    "capacity": {**f.count("容纳人数", "最多容纳的人数"), "minimum": 1},
    "facilities": f.array("设施", "场地提供的设施", f.choice("设施", "从固定列表中选择", v.FACILITIES), unique=True),
    "accessibility": f.text("无障碍说明", "如“一楼，有坡道，无障碍卫生间”", max_length=300),
    "hours": f.array("开放时间", "每段开放时间一项", _hours, min_items=1),
    "photos": f.array("照片", "场地照片，每张都要写替代文字", f.image("照片", "一张照片")),
    "rules": f.markdown("使用须知", "申请人必须同意的使用规定", max_length=5000),
    "lead_days": {**f.count("提前天数", "至少提前几天申请"), "maximum": 90},
    "phone": f.phone("联系电话", "场地管理人的电话（申请不便时可直接打电话）"),
    "requests": _requests,
}, required=["name", "kind", "address", "capacity", "hours", "rules", "lead_days", "phone"])
