"""The audit log: who saw, changed or exported which requests, and when."""
from __future__ import annotations

from sqlalchemy.orm import Session

from .notify import utcnow
from .tables import AuditEntry

ACTIONS = {
    "login": "登录", "logout": "退出", "list": "查看列表", "view": "查看申请", "approve": "同意", "decline": "不同意",
    "export": "导出", "purge": "删除过期个人信息",
}


def write(session: Session, user_id: int | None, user_name: str, action: str, subject: str = "") -> None:
    session.add(AuditEntry(at=utcnow(), user_id=user_id, user_name=user_name, action=action, subject=subject[:200]))
