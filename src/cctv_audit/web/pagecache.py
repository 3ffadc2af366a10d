"""Whole-response cache for anonymous readers of the public pages.

Readers without a session all see the same pages, so a response to an anonymous
GET that came back 200 without setting a cookie (by the policy, only public
routes can do that) is kept and served again until the data changes. The data
version (see ``web.cache.data_version``) is checked at most every ``ttl``
seconds, and at once after any write through this server: a review shows on the
public pages immediately, a change made elsewhere (the CLI, another worker)
within ``ttl`` seconds.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from cctv_audit.web.cache import data_version

CACHEABLE_TYPES = (b"text/html", b"application/json", b"image/svg+xml")
MAX_ENTRIES = 512
MAX_BODY = 4 * 1024 * 1024


class PublicPageCache:
    """Pure ASGI middleware; place it outside the session middleware."""

    def __init__(self, app: ASGIApp, *, store: Any, cookie_name: str, ttl: float = 1.0):
        self.app = app
        self.store = store
        self.cookie = cookie_name.encode() + b"="
        self.ttl = ttl
        self.entries: OrderedDict[tuple, tuple[int, list, bytes]] = OrderedDict()
        self.lock = threading.Lock()
        self.version: tuple | None = None
        self.checked_at = 0.0

    def _anonymous_read(self, scope: Scope) -> bool:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            return False
        cookies = b"".join(v for k, v in scope["headers"] if k == b"cookie")
        return self.cookie not in cookies

    async def _read_version(self) -> tuple:
        def read() -> tuple:
            with self.store.session() as session:
                return data_version(session)

        version = await run_in_threadpool(read)
        with self.lock:
            if version != self.version:
                self.entries.clear()
            self.version = version
        return version

    async def _current_version(self) -> tuple:
        """The data version; after ``ttl`` one request re-reads it while the others go on with the last one."""
        if self.version is None:
            return await self._read_version()
        now = time.monotonic()
        if now - self.checked_at > self.ttl:
            self.checked_at = (
                now  # set first, so a burst of requests triggers one read, not one each
            )
            return await self._read_version()
        return self.version

    def _invalidate(self) -> None:
        """After a write through this server: the next read must see it."""
        with self.lock:
            self.entries.clear()
            self.version = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._anonymous_read(scope):
            writes = scope["type"] == "http" and scope["method"] not in ("GET", "HEAD", "OPTIONS")
            if writes:
                self._invalidate()
            await self.app(scope, receive, send)
            if writes:
                self._invalidate()  # again: pages cached while the write was under way are stale
            return
        key = (
            scope["method"],
            scope["path"],
            scope.get("query_string", b""),
            await self._current_version(),
        )
        hit = self.entries.get(key)
        if hit is not None:
            await _replay(hit, send)
            return
        await self.app(scope, receive, self._recorder(key, send))

    def _recorder(self, key: tuple, send: Send):
        parts: dict[str, Any] = {"body": []}

        async def record(message: Message) -> None:
            if message["type"] == "http.response.start":
                parts["start"] = message
            elif message["type"] == "http.response.body":
                parts["body"].append(message.get("body", b""))
                if not message.get("more_body", False):
                    self._store(key, parts["start"], b"".join(parts["body"]))
            await send(message)

        return record

    def _store(self, key: tuple, start: Message, body: bytes) -> None:
        headers = list(start.get("headers", []))
        names = {k.lower() for k, _ in headers}
        content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
        if start["status"] != 200 or b"set-cookie" in names or len(body) > MAX_BODY:
            return
        if not content_type.startswith(CACHEABLE_TYPES):
            return
        with self.lock:
            self.entries[key] = (start["status"], headers, body)
            while len(self.entries) > MAX_ENTRIES:
                self.entries.popitem(last=False)


async def _replay(entry: tuple[int, list, bytes], send: Send) -> None:
    status, headers, body = entry
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
