"""Where the database and the originals live.

Resolution order for the database: an explicit URL or path, then the
``CCTV_AUDIT_DB`` environment variable, then ``cctv-audit.db`` in the working
directory. A bare path is taken as a SQLite file. Originals (reply documents,
byte for byte) live in a data directory beside the SQLite file, or in
``CCTV_AUDIT_DATA`` when the database is a server.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from cctv_audit.errors import ConfigError

DEFAULT_DB_FILE = "cctv-audit.db"
DB_ENV = "CCTV_AUDIT_DB"
DATA_ENV = "CCTV_AUDIT_DATA"


def resolve_database_url(db: str | os.PathLike[str] | None = None) -> str:
    """Return a SQLAlchemy URL from an explicit value, the environment or the default file."""
    raw = str(db) if db is not None else os.environ.get(DB_ENV) or DEFAULT_DB_FILE
    if "://" not in raw:
        return f"sqlite:///{Path(raw).expanduser().resolve()}"
    try:
        url = make_url(raw)
    except ArgumentError as exc:
        raise ConfigError(f"database URL {raw!r} is not valid: {exc}") from exc
    if url.drivername == "postgresql":
        # psycopg 3 is the driver we ship; plain postgresql:// would ask for psycopg2.
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


def resolve_data_dir(database_url: str, data_dir: str | os.PathLike[str] | None = None) -> Path:
    """Directory for originals: explicit, ``CCTV_AUDIT_DATA``, beside the SQLite file, or ./cctv-audit-data."""
    if data_dir is not None:
        return Path(data_dir).expanduser().resolve()
    if os.environ.get(DATA_ENV):
        return Path(os.environ[DATA_ENV]).expanduser().resolve()
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        path = Path(url.database)
        return path.with_name(path.stem + "-data")
    return Path("cctv-audit-data").resolve()
