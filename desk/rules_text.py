"""Names of the request form's fields as readers see them (labels of the desk's own form and of messages)."""
from __future__ import annotations

FIELD_LABELS = {
    "venue": "场地", "applicant": "申请人姓名", "org": "申请单位", "phone": "联系电话", "date": "使用日期",
    "start": "开始时间", "end": "结束时间", "people": "参加人数", "purpose": "活动内容", "equipment": "需要的设备",
    "agree": "使用须知", "altcha": "人机验证",
}
FORM_FIELDS = (
    ("applicant", "申请人姓名", "text"), ("org", "申请单位", "text"), ("phone", "联系电话", "tel"),
    ("date", "使用日期（年-月-日）", "date"), ("start", "开始时间", "time"), ("end", "结束时间", "time"),
    ("people", "参加人数", "number"), ("purpose", "活动内容", "textarea"), ("equipment", "需要的设备", "text"),
)
"""(name, label, input type) of the fields the desk's own form shows when a request must be corrected."""
