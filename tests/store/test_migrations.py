"""Migrations create exactly the tables the models declare, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from cctv_audit.store import Base
from cctv_audit.store.engine import migration_heads


def test_migrated_schema_matches_models(any_store):
    with any_store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        diff = compare_metadata(context, Base.metadata)
    summary = [_describe(change) for change in diff]
    assert summary == [], (
        f"models and migrations differ on {any_store.dialect}; regenerate the package's migration "
        f"with scripts/gen_migration.py: {summary}"
    )


def _describe(change) -> str:
    if isinstance(change, list):  # column-level changes come grouped
        return "; ".join(_describe(c) for c in change)
    op, *args = change
    target = args[0] if op in ("add_table", "remove_table") else args[-1] if args else ""
    name = getattr(target, "name", None) or getattr(getattr(target, "table", None), "name", "")
    table = getattr(getattr(target, "table", None), "name", "")
    return f"{op} {table + '.' if table and table != name else ''}{name}"


def test_store_is_at_every_head(any_store):
    assert any_store.is_current()
    with any_store.engine.connect() as connection:
        heads = set(MigrationContext.configure(connection).get_current_heads())
    assert heads == set(migration_heads())


def test_sessions_roll_back_on_error(store):
    from cctv_audit.registry import Body

    try:
        with store.session() as session:
            session.add(
                Body(
                    code="X1",
                    name="X",
                    short_name="X",
                    nation="England",
                    body_type="t",
                    body_type_name="t",
                    regime="FOIA",
                    source="test",
                )
            )
            session.flush()
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    with store.session() as session:
        assert session.query(Body).count() == 0
