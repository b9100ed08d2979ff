"""Staff accounts: Argon2 password hashes, server-side sessions in HttpOnly cookies, CSRF tokens, scopes."""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .notify import utcnow
from .tables import StaffChannel, StaffScope, StaffSession, StaffUser

COOKIE = "desk_session"
LIFETIME = dt.timedelta(hours=12)
_hasher = PasswordHasher()
_DUMMY = _hasher.hash("not a password")


@dataclasses.dataclass(frozen=True)
class Staff:
    """The logged-in staff member and what she may see."""

    id: int
    name: str
    is_admin: bool
    venues: frozenset[str]
    csrf: str

    def may_see(self, venue: str) -> bool:
        return self.is_admin or venue in self.venues


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password(session: Session, name: str, password: str) -> StaffUser | None:
    """The user when name and password match; the same work is done for an unknown name (no timing hint)."""
    user = session.scalar(select(StaffUser).where(StaffUser.name == name))
    try:
        _hasher.verify(user.password_hash if user else _DUMMY, password)
    except (VerifyMismatchError, InvalidHashError):
        return None
    return user


def add_user(session: Session, name: str, password: str, *, admin: bool, venues: list[str],
             channels: list[str]) -> StaffUser:
    user = StaffUser(name=name, password_hash=hash_password(password), is_admin=admin, created_at=utcnow())
    session.add(user)
    session.flush()
    session.add_all([StaffScope(user_id=user.id, kind="venue", target=v) for v in dict.fromkeys(venues)])
    session.add_all([StaffChannel(user_id=user.id, url=url) for url in channels])
    return user


def _digest(secret: str, token: str) -> str:
    return hmac.new(secret.encode("utf-8"), token.encode("utf-8"), hashlib.sha256).hexdigest()


def open_session(session: Session, user: StaffUser, secret: str) -> str:
    """A new session for ``user``; returns the cookie's value (only its keyed hash is stored)."""
    token = secrets.token_urlsafe(32)
    session.execute(delete(StaffSession).where(StaffSession.expires_at < utcnow()))
    session.add(StaffSession(id_hash=_digest(secret, token), user_id=user.id, csrf=secrets.token_urlsafe(24),
                             expires_at=utcnow() + LIFETIME))
    return token


def current(session: Session, token: str, secret: str) -> Staff | None:
    if not token:
        return None
    stored = session.get(StaffSession, _digest(secret, token))
    if stored is None or stored.expires_at < utcnow():
        return None
    user = session.get(StaffUser, stored.user_id)
    venues = session.scalars(select(StaffScope.target).where(StaffScope.user_id == user.id, StaffScope.kind == "venue"))
    return Staff(user.id, user.name, user.is_admin, frozenset(venues), stored.csrf)


def close_session(session: Session, token: str, secret: str) -> None:
    session.execute(delete(StaffSession).where(StaffSession.id_hash == _digest(secret, token)))


def same_token(given: str, expected: str) -> bool:
    return bool(given) and hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))
