"""Alembic environment: run against the connection handed over by Store.upgrade()."""

from alembic import context

from cctv_audit.errors import ConfigError
from cctv_audit.store.base import Base
from cctv_audit.store.engine import create_store_engine, import_all_models

import_all_models()
target_metadata = Base.metadata


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:  # `alembic` command line: open our own connection
        url = context.config.get_main_option("sqlalchemy.url")
        if url is None:
            raise ConfigError(
                "no sqlalchemy.url in the Alembic config; run `cctv-audit db upgrade` instead"
            )
        engine = create_store_engine(url)
        with engine.begin() as connection:
            _run(connection)
        return
    _run(connection)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite needs batch mode to alter tables
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
