"""Request dependencies: the database session, who is asking, and the policy check.

``authorize`` runs on EVERY route (it is an app-wide dependency): it looks the
route up in :data:`cctv_audit.web.policy.POLICY`, checks the CSRF token on
every unsafe method, and compares the signed-in user's role with the table.
"""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import HTTPException, Request
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from cctv_audit.web.accounts import Identity, has_role, load_identity
from cctv_audit.web.policy import DENY, required_role
from cctv_audit.web.security import CSRF_FIELD, CSRF_HEADER, csrf_valid

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class LoginRequired(Exception):
    """Raised for an anonymous request to a route that needs a role (pages redirect, the API says 401)."""


def get_db(request: Request) -> Iterator[Session]:
    """A database session for one request: committed on success, rolled back on error."""
    with request.app.state.store.session() as session:
        yield session


def identity_of(request: Request) -> Identity | None:
    """Who signed in (set by ``authorize``), or None."""
    return getattr(request.state, "identity", None)


def signed_in(request: Request) -> Identity:
    """Who signed in, on a route the policy keeps from anonymous users (``authorize`` ran first)."""
    identity = identity_of(request)
    if identity is None:
        raise LoginRequired
    return identity


async def _load_identity(request: Request) -> Identity | None:
    user_id = request.session.get("uid")
    if not isinstance(user_id, int):
        return None  # anonymous: no database round trip on public pages
    store = request.app.state.store

    def load() -> Identity | None:
        with store.session() as session:
            return load_identity(session, user_id)

    found = await run_in_threadpool(load)
    if found is None or (found.username, found.credential) != (
        request.session.get("user"),
        request.session.get("cred"),
    ):
        request.session.clear()  # removed, id reused, or the password changed since sign-in: sign out
        return None
    return found


async def _supplied_csrf(request: Request) -> str | None:
    header = request.headers.get(CSRF_HEADER)
    if header:
        return header
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()  # cached by Starlette: the endpoint reads the same form
        value = form.get(CSRF_FIELD)
        return value if isinstance(value, str) else None
    return None


async def authorize(request: Request) -> None:
    """Deny unless the policy table allows this route for the current user (and CSRF checks out)."""
    route = request.scope.get("route")
    needed = required_role(request.method, getattr(route, "path", ""))
    ident = await _load_identity(request)
    request.state.identity = ident
    if needed == DENY:
        raise HTTPException(403, "this route is not in the access policy")
    if request.method not in SAFE_METHODS and not csrf_valid(
        request.session, await _supplied_csrf(request)
    ):
        raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")
    if needed is None:
        return
    if ident is None:
        raise LoginRequired()
    if not has_role(ident.role, needed):
        raise HTTPException(
            403, f"this needs the {needed} role; you are signed in as a {ident.role}"
        )
