"""Fixtures shared by the whole suite.

- ``store``: a fresh, migrated SQLite store in a temp folder (fast: copied from a
  template migrated once per session).
- ``any_store``: the same test on SQLite and, when the server answers, on a fresh
  PostgreSQL database at 127.0.0.1:5432 (dropped afterwards).
- ``councils``: a store with the bundled registry loaded.
"""

from __future__ import annotations

import os
import shutil
import socket
import uuid
from pathlib import Path

import pytest

from cctv_audit.store import Store, open_store

PG_HOST = os.environ.get("CCTV_AUDIT_TEST_PG_HOST", "127.0.0.1")
PG_PORT = int(os.environ.get("CCTV_AUDIT_TEST_PG_PORT", "5432"))
PG_ADMIN_URL = f"postgresql+psycopg://postgres@{PG_HOST}:{PG_PORT}/postgres"


def postgres_available() -> bool:
    try:
        with socket.create_connection((PG_HOST, PG_PORT), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def _template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "cctv-audit.db"
    open_store(path).dispose()
    return path


@pytest.fixture
def store(tmp_path: Path, _template_db: Path) -> Store:
    path = tmp_path / "cctv-audit.db"
    shutil.copyfile(_template_db, path)
    result = open_store(path)
    yield result
    result.dispose()


@pytest.fixture
def councils(store: Store) -> Store:
    from cctv_audit.registry import load_bundled_councils

    with store.session() as session:
        load_bundled_councils(session)
    return store


def _postgres_store(tmp_path: Path):
    from sqlalchemy import create_engine, text

    if not postgres_available():
        pytest.skip(f"no PostgreSQL server at {PG_HOST}:{PG_PORT}")
    name = f"cctv_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    result = open_store(
        f"postgresql+psycopg://postgres@{PG_HOST}:{PG_PORT}/{name}", data_dir=tmp_path / "data"
    )
    try:
        yield result
    finally:
        result.dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_store(request: pytest.FixtureRequest, tmp_path: Path, _template_db: Path):
    """A migrated store on SQLite, then on PostgreSQL when the server answers."""
    if request.param == "sqlite":
        path = tmp_path / "cctv-audit.db"
        shutil.copyfile(_template_db, path)
        result = open_store(path)
        yield result
        result.dispose()
    else:
        yield from _postgres_store(tmp_path)
