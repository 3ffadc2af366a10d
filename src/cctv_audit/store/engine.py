"""Opening the database, migrating it, and handing out sessions."""

from __future__ import annotations

import functools
import importlib
import logging
import os
import pkgutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

import cctv_audit
from cctv_audit.errors import StoreError
from cctv_audit.store.config import resolve_data_dir, resolve_database_url

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def import_all_models() -> None:
    """Import every ``cctv_audit.<domain>.models`` module so all tables are on Base.metadata.

    Discovery instead of a hand-kept list: a domain package that declares tables
    only has to have a ``models`` module.
    """
    for info in pkgutil.iter_modules(cctv_audit.__path__):
        if not info.ispkg:
            continue
        name = f"cctv_audit.{info.name}.models"
        if importlib.util.find_spec(name) is not None:
            importlib.import_module(name)


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # DBAPI hook
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    # Write-ahead log: the web app keeps reading while an ingest or the CLI writes, and a commit
    # costs one fsync of the log instead of two of the database. NORMAL sync is still safe
    # against a crashed process (the case batches must survive); only a power cut can lose
    # the last commits, never corrupt the file.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class Store:
    """A migrated database plus the directory that keeps original files.

    Create with :func:`open_store`. ``session()`` is a context manager that
    commits on success and rolls back on error.
    """

    def __init__(self, url: str, data_dir: Path, engine: Engine):
        self.url = url
        self.data_dir = data_dir
        self.engine = engine
        self._sessions = sessionmaker(bind=engine, expire_on_commit=False)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def upgrade(self) -> None:
        """Apply every pending Alembic migration (all branches)."""
        from alembic import command

        cfg = _alembic_config(self.url)
        try:
            with self.engine.begin() as connection:
                cfg.attributes["connection"] = connection
                command.upgrade(cfg, "heads")
        except SQLAlchemyError as exc:
            raise StoreError(f"could not migrate the database {self.display_url}: {exc}") from exc

    def is_current(self) -> bool:
        """True when the database is at every migration head."""
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                return False
            current = set(MigrationContext.configure(connection).get_current_heads())
        return current == migration_heads()

    @property
    def display_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()


@functools.cache
def migration_heads() -> frozenset[str]:
    """The head revision of every migration branch (read once per process)."""
    from alembic.script import ScriptDirectory

    return frozenset(ScriptDirectory.from_config(_alembic_config("sqlite://")).get_heads())


def _alembic_config(url: str):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def create_store_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def open_store(
    db: str | os.PathLike[str] | None = None,
    *,
    data_dir: str | os.PathLike[str] | None = None,
    upgrade: bool = True,
) -> Store:
    """Open (and by default migrate) the database named by ``db``, ``CCTV_AUDIT_DB`` or the default file."""
    url = resolve_database_url(db)
    import_all_models()
    engine = create_store_engine(url)
    store = Store(url, resolve_data_dir(url, data_dir), engine)
    try:
        if upgrade and not store.is_current():
            log.info("migrating %s", store.display_url)
            store.upgrade()
    except OperationalError as exc:
        raise StoreError(
            f"cannot open the database {store.display_url}: {exc.orig}. "
            "Check the path or URL (--db / CCTV_AUDIT_DB) and that the server is running."
        ) from exc
    return store
