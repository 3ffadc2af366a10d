"""The store: one SQLAlchemy database (SQLite by default, PostgreSQL for teams).

Usage::

    from cctv_audit.store import open_store
    store = open_store()              # ./cctv-audit.db, migrated on first use
    with store.session() as s:        # commits on success, rolls back on error
        ...

Every domain package declares its tables on :class:`cctv_audit.store.base.Base`
and ships an Alembic migration on its own branch (see ``migrations/``);
:func:`open_store` upgrades to all heads.
"""

from cctv_audit.store.base import Base, JSONText, utcnow
from cctv_audit.store.config import resolve_data_dir, resolve_database_url
from cctv_audit.store.engine import Store, open_store

__all__ = [
    "Base",
    "JSONText",
    "Store",
    "open_store",
    "resolve_data_dir",
    "resolve_database_url",
    "utcnow",
]
