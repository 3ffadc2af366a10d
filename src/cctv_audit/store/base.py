"""Declarative base and column types shared by every domain's tables.

Tables stay plain (text, integers, ISO dates, JSON as text) so that the SQLite
file opens as it is in Datasette and other SQLite tools: no pickles.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import MetaData, Text
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

# Stable constraint names so Alembic migrations behave the same on SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class JSONText(TypeDecorator):
    """JSON stored as UTF-8 text, readable by Datasette's JSON functions."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        if value is None:
            return None
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    def process_result_value(self, value: str | None, dialect: Any) -> Any:
        if value is None:
            return None
        return json.loads(value)


def utcnow() -> dt.datetime:
    """Timezone-naive UTC now (stored naive, always UTC, on both databases)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)
