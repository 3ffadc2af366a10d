"""The web app: team pages (dashboard, inbox, review queue), public pages and a JSON API.

Public API::

    create_app(store, *, secure_cookies=True) -> FastAPI    # serve with uvicorn
    add_user(session, name, password, role) / remove_user / set_role / set_password / list_users
    ROLES = ("viewer", "reviewer", "editor", "admin")        # each can do what the ones before can
    POLICY: {(method, path): least role or None}              # who may call which route

Every route's access is declared once in :data:`POLICY`; see docs/web.md.
"""

from cctv_audit.web.accounts import (
    ROLES,
    Identity,
    LoginThrottled,
    add_user,
    authenticate,
    get_user,
    has_role,
    list_users,
    remove_user,
    set_password,
    set_role,
)
from cctv_audit.web.app import create_app
from cctv_audit.web.models import LoginAttempt, User
from cctv_audit.web.policy import POLICY, PUBLIC, required_role

__all__ = [
    "POLICY",
    "PUBLIC",
    "ROLES",
    "Identity",
    "LoginAttempt",
    "LoginThrottled",
    "User",
    "add_user",
    "authenticate",
    "create_app",
    "get_user",
    "has_role",
    "list_users",
    "remove_user",
    "required_role",
    "set_password",
    "set_role",
]
