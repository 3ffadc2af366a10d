"""Who may call which route: ONE declared table, checked on every request.

Each route is keyed by ``(method, path template)`` and maps to the least role
that may call it (``PUBLIC`` for anyone). A route missing from the table is
denied to everyone (fail closed), and ``tests/web`` walks every route of the
app against this table for every role.
"""

from __future__ import annotations

PUBLIC: str | None = None

POLICY: dict[tuple[str, str], str | None] = {
    # Public pages: the findings, live.
    ("GET", "/"): PUBLIC,
    ("GET", "/findings"): PUBLIC,
    ("GET", "/map"): PUBLIC,
    ("GET", "/map.svg"): PUBLIC,
    ("GET", "/bodies"): PUBLIC,
    ("GET", "/bodies/{code}"): PUBLIC,
    ("GET", "/manufacturers"): PUBLIC,
    ("GET", "/manufacturers/{ref}"): PUBLIC,
    ("GET", "/healthz"): PUBLIC,
    ("GET", "/openapi.json"): PUBLIC,
    ("GET", "/api"): PUBLIC,
    # Signing in and out.
    ("GET", "/login"): PUBLIC,
    ("POST", "/login"): PUBLIC,
    ("POST", "/logout"): "viewer",
    # Team pages.
    ("GET", "/team"): "viewer",
    ("GET", "/team/surveys/{survey_id}"): "viewer",
    ("POST", "/team/surveys/{survey_id}/chasers"): "editor",
    ("GET", "/team/bodies/{code}"): "viewer",
    ("GET", "/team/documents/{document_id}"): "viewer",
    ("GET", "/team/inbox"): "viewer",
    ("POST", "/team/inbox/{reply_id}/match"): "reviewer",
    ("GET", "/team/review"): "reviewer",
    ("GET", "/team/review/{answer_id}"): "reviewer",
    ("GET", "/team/review/{answer_id}/panel"): "reviewer",
    ("POST", "/team/review/{answer_id}"): "reviewer",
    ("GET", "/team/users"): "admin",
    ("POST", "/team/users"): "admin",
    ("POST", "/team/users/{username}/role"): "admin",
    ("POST", "/team/users/{username}/delete"): "admin",
    # JSON API: reads of published data are public, team data and writes need a role.
    ("GET", "/api/statistics"): PUBLIC,
    ("GET", "/api/findings"): PUBLIC,
    ("GET", "/api/bodies"): PUBLIC,
    ("GET", "/api/bodies/{code}"): PUBLIC,
    ("GET", "/api/manufacturers"): PUBLIC,
    ("GET", "/api/manufacturers/{ref}"): PUBLIC,
    ("GET", "/api/me"): PUBLIC,
    ("GET", "/api/surveys"): "viewer",
    ("GET", "/api/surveys/{survey_id}"): "viewer",
    ("POST", "/api/surveys/{survey_id}/chasers"): "editor",
    ("GET", "/api/inbox"): "viewer",
    ("POST", "/api/inbox/{reply_id}/match"): "reviewer",
    ("GET", "/api/review"): "reviewer",
    ("GET", "/api/review/{answer_id}"): "reviewer",
    ("GET", "/api/review/{answer_id}/passages"): "reviewer",
    ("POST", "/api/review/{answer_id}"): "reviewer",
    ("GET", "/api/users"): "admin",
}

#: Sentinel for "not in the table": nobody may call it.
DENY = "__deny__"


def required_role(method: str, path: str) -> str | None:
    """The least role for a route, ``PUBLIC`` (None) for anyone, or ``DENY``."""
    method = "GET" if method == "HEAD" else method
    return POLICY.get((method, path), DENY)
