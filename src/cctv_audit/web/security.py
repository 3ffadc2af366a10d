"""Security plumbing: session secret, security headers, CSRF tokens, safe redirects."""

from __future__ import annotations

import hmac
import logging
import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)

SECRET_ENV = "CCTV_AUDIT_SECRET_KEY"
SECRET_FILE = "web-secret.key"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"

# No inline script or style anywhere: every script and stylesheet is a file under /static.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'"
)


def session_secret(data_dir: Path) -> str:
    """The key that signs session cookies: from the environment, else a generated file.

    The generated key is written once to ``<data dir>/web-secret.key`` (mode 0600)
    so sessions survive restarts and every worker process signs alike.
    """
    from_env = os.environ.get(SECRET_ENV)
    if from_env:
        return from_env
    path = data_dir / SECRET_FILE
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another worker wrote it first
            return path.read_text(encoding="ascii").strip()
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(secrets.token_urlsafe(48))
        log.info("generated a session key in %s", path)
    return path.read_text(encoding="ascii").strip()


class SecurityHeaders:
    """Pure ASGI middleware adding CSP and the other protective headers to every response."""

    def __init__(self, app: ASGIApp, *, hsts: bool):
        self.app = app
        self.headers = [
            (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"same-origin"),
            (b"cross-origin-opener-policy", b"same-origin"),
            (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
        ]
        if hsts:
            self.headers.append((b"strict-transport-security", b"max-age=31536000"))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                present = {name.lower() for name, _ in message["headers"]}
                message["headers"] = list(message["headers"]) + [
                    h for h in self.headers if h[0] not in present
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def csrf_token(session: dict) -> str:
    """The session's CSRF token, created on first use."""
    token = session.get("csrf")
    if not token:
        token = session["csrf"] = secrets.token_urlsafe(32)
    return token


def csrf_valid(session: dict, supplied: str | None) -> bool:
    """True when ``supplied`` equals the session's token (constant-time compare)."""
    expected = session.get("csrf")
    return bool(expected and supplied) and hmac.compare_digest(str(expected), str(supplied))


def safe_next(target: str | None, default: str = "/team") -> str:
    """A local path to go to after signing in; anything else (other hosts, schemes) gives ``default``."""
    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return default
    if any(ch in target for ch in "\\\r\n\t") or any(ord(ch) < 32 for ch in target):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return default
    return target
