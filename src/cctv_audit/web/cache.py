"""A small in-process cache for public pages, invalidated by a data version.

Public pages show findings computed over every body of a round, which is too
slow to redo on every hit under load. The cache key includes a *data version*:
one cheap query over the row counts and latest change times of the tables
findings read. Any write (a review in this process, the CLI in another, a
PostgreSQL peer) changes the version, so pages are never stale.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cctv_audit.answers.models import AnswerRecord
from cctv_audit.findings.models import Claim, ClaimReview
from cctv_audit.foi.models import Reply, Request, RequestEvent, Survey
from cctv_audit.registry import Body

T = TypeVar("T")
MAX_ENTRIES = 256

_WATCHED = (
    (Claim, Claim.updated_at),
    (ClaimReview, ClaimReview.id),
    (AnswerRecord, AnswerRecord.id),
    (Reply, Reply.id),
    (Request, Request.id),
    (RequestEvent, RequestEvent.id),
    (Survey, Survey.id),
    (Body, Body.updated_at),
)


def data_version(session: Session) -> tuple:
    """Row counts and latest markers of the tables behind the public pages, plus today's date."""
    columns = []
    for model, marker in _WATCHED:
        columns.append(select(func.count()).select_from(model).scalar_subquery())
        columns.append(select(func.max(marker)).scalar_subquery())
    row = session.execute(select(*columns)).one()
    # Request states move without new rows (sent -> overdue by date; state updates): include them.
    states = session.execute(
        select(Request.state, func.count()).group_by(Request.state).order_by(Request.state)
    )
    return (dt.date.today(), tuple(row), tuple(tuple(r) for r in states))


class VersionedCache:
    """``get(session, key, compute)``: the cached value for ``key`` at the current data version."""

    def __init__(self, max_entries: int = MAX_ENTRIES):
        self._entries: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._computing: dict[Hashable, threading.Lock] = {}
        self.max_entries = max_entries

    def get(self, session: Session, key: Hashable, compute: Callable[[], T]) -> T:
        full_key = (key, data_version(session))
        with self._lock:
            if full_key in self._entries:
                self._entries.move_to_end(full_key)
                return self._entries[full_key]
            # One computation per key at a time: a burst of readers waits for the first one.
            key_lock = self._computing.setdefault(full_key, threading.Lock())
        with key_lock:
            with self._lock:
                if full_key in self._entries:
                    return self._entries[full_key]
            value = compute()
            with self._lock:
                self._entries[full_key] = value
                self._computing.pop(full_key, None)
                while len(self._entries) > self.max_entries:
                    self._entries.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
