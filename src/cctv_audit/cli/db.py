"""`cctv-audit db ...`: database maintenance."""

from __future__ import annotations

import typer

from cctv_audit.cli.common import console, get_store

db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)


@db_app.command("upgrade")
def upgrade() -> None:
    """Apply pending migrations (also done automatically on first use)."""
    store = get_store()
    store.upgrade()
    console.print(f"database {store.display_url} is up to date")


def register(app: typer.Typer) -> None:
    app.add_typer(db_app, name="db")
