"""Accounts: users, roles, argon2 password hashes and rate-limited sign-in.

Roles are ordered: each can do everything the ones before it can.
Sign-in attempts are kept in the database (``login_attempts``) so the limit
holds across server processes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from cctv_audit.errors import InputError, NotFound, WebError
from cctv_audit.store.base import utcnow
from cctv_audit.web.models import LoginAttempt, User

log = logging.getLogger(__name__)

ROLES: tuple[str, ...] = ("viewer", "reviewer", "editor", "admin")
MIN_PASSWORD_LENGTH = 10
#: Failed attempts allowed per user name, and per client address, within the window.
MAX_FAILURES_PER_USER = 5
MAX_FAILURES_PER_IP = 20
FAILURE_WINDOW = dt.timedelta(minutes=15)

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
_hasher = PasswordHasher()
# Verified against when the user does not exist, so timing does not reveal which names exist.
_DUMMY_HASH = _hasher.hash("not-a-real-password-0")


class LoginThrottled(WebError):
    """Too many failed sign-ins for this user name or address: wait and try again."""


def role_rank(role: str | None) -> int:
    """0 for anonymous, then 1 (viewer) .. 4 (admin)."""
    return ROLES.index(role) + 1 if role in ROLES else 0


def has_role(user_role: str | None, needed: str | None) -> bool:
    """True when ``user_role`` is at least ``needed`` (None means anyone, signed in or not)."""
    return needed is None or role_rank(user_role) >= role_rank(needed)


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise InputError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")
    return role


def _check_username(username: str) -> str:
    name = username.strip().lower()
    if not _USERNAME.match(name):
        raise InputError(
            f"user name {username!r} is not valid: use 2-64 letters, digits, '.', '_' or '-'"
        )
    return name


def _check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InputError(f"password too short: use at least {MIN_PASSWORD_LENGTH} characters")
    return password


def hash_password(password: str) -> str:
    """An argon2id hash of ``password``."""
    return _hasher.hash(password)


def add_user(
    session: Session,
    username: str,
    password: str,
    role: str = "viewer",
    *,
    display_name: str | None = None,
) -> User:
    """Create an account; raises InputError when the name is taken or invalid."""
    name = _check_username(username)
    if session.scalar(select(User).where(User.username == name)) is not None:
        raise InputError(
            f"user {name!r} already exists; use `cctv-audit users set-role` to change it"
        )
    user = User(
        username=name,
        display_name=display_name or name,
        password_hash=hash_password(_check_password(password)),
        role=_check_role(role),
    )
    session.add(user)
    session.flush()
    log.info("added user %s (%s)", name, role)
    return user


def get_user(session: Session, username: str) -> User:
    """The account called ``username``; raises NotFound."""
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None:
        raise NotFound(f"no user {username!r}; list them with `cctv-audit users list`")
    return user


def remove_user(session: Session, username: str) -> None:
    """Delete an account (its sessions stop working on their next request)."""
    session.delete(get_user(session, username))
    session.flush()


def set_role(session: Session, username: str, role: str) -> User:
    """Change a user's role; takes effect on their next request."""
    user = get_user(session, username)
    user.role = _check_role(role)
    session.flush()
    return user


def set_password(session: Session, username: str, password: str) -> User:
    """Replace a user's password."""
    user = get_user(session, username)
    user.password_hash = hash_password(_check_password(password))
    session.flush()
    return user


def list_users(session: Session) -> list[User]:
    """Every account, by user name."""
    return list(session.scalars(select(User).order_by(User.username)))


@dataclass(frozen=True)
class Identity:
    """Who is making a request: what the web layer keeps after loading the user."""

    id: int
    username: str
    display_name: str
    role: str
    #: Changes when the password does: sessions started before a password change stop working.
    credential: str


def identity(user: User) -> Identity:
    credential = hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]
    return Identity(user.id, user.username, user.display_name, user.role, credential)


def _recent_failures(session: Session, column, value: str, now: dt.datetime) -> int:
    since = now - FAILURE_WINDOW
    query = select(func.count()).where(
        column == value, LoginAttempt.succeeded.is_(False), LoginAttempt.at >= since
    )
    return session.scalar(query) or 0


def authenticate(session: Session, username: str, password: str, *, ip: str) -> Identity | None:
    """Check a sign-in; None when wrong. Raises LoginThrottled after too many failures.

    Every attempt is recorded; a success clears that name's failures.
    """
    name = username.strip().lower()[:64]
    now = utcnow()
    if (
        _recent_failures(session, LoginAttempt.username, name, now) >= MAX_FAILURES_PER_USER
        or _recent_failures(session, LoginAttempt.ip, ip, now) >= MAX_FAILURES_PER_IP
    ):
        raise LoginThrottled(
            f"too many failed sign-ins for {name!r}; wait {FAILURE_WINDOW.seconds // 60} minutes"
        )
    user = session.scalar(select(User).where(User.username == name))
    ok = _verify(user.password_hash if user else _DUMMY_HASH, password) and user is not None
    session.add(LoginAttempt(username=name, ip=ip[:64], at=now, succeeded=ok))
    if not ok or user is None:  # ok implies a user; the check says so to the type checker
        session.flush()
        return None
    session.execute(
        delete(LoginAttempt).where(LoginAttempt.username == name, LoginAttempt.succeeded.is_(False))
    )
    # Keep the table small: attempts older than a day no longer count for anything.
    session.execute(delete(LoginAttempt).where(LoginAttempt.at < now - dt.timedelta(days=1)))
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = now
    session.flush()
    return identity(user)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def load_identity(session: Session, user_id: int) -> Identity | None:
    """The current identity of a user id from a session cookie (None if removed)."""
    user = session.get(User, user_id)
    return identity(user) if user is not None else None
