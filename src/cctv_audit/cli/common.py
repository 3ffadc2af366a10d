"""Shared helpers for CLI commands: the store, output, progress."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Sequence, Sized
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from cctv_audit.store import Store, open_store

console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)


@dataclass
class CliState:
    db: str | None = None
    debug: bool = False
    quiet: bool = False
    _store: Store | None = None

    def use_database(self, db: str | None) -> None:
        """Point at ``db``; a store opened for another database (an earlier in-process call) is closed."""
        if self._store is not None and db != self.db:
            self._store.dispose()
            self._store = None
        self.db = db

    def store(self) -> Store:
        if self._store is None:
            self._store = open_store(self.db)
            _first_use(self._store)
        return self._store


def _first_use(store: Store) -> None:
    """A new database is never silently empty: load the bundled registry into it (like migrations)."""
    from cctv_audit.registry import ATTRIBUTION, ensure_bundled_councils

    with store.session() as session:
        loaded = ensure_bundled_councils(session)
    if loaded is not None and not STATE.quiet:
        err_console.print(
            f"New database: loaded the bundled registry, {loaded.loaded} current UK councils "
            f"({ATTRIBUTION}).",
            highlight=False,
        )


STATE = CliState()


def get_store() -> Store:
    """The store named by --db / CCTV_AUDIT_DB (migrated on first use)."""
    return STATE.store()


def print_json(data: Any) -> None:
    """Write JSON to stdout (data only; chatter goes to stderr)."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def print_table(title: str | None, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*["" if v is None else str(v) for v in row])
    console.print(table)


#: What to run when there is nothing yet, for the hints of commands that find nothing.
NEXT_INGEST = "store replies with `cctv-audit ingest PATH` (files, folders, mailboxes, WhatDoTheyKnow) or `cctv-audit replies fetch`"
NEXT_RECORD = (
    "run `cctv-audit disclosures load` (the bundled published record) or start a survey round "
    "(`cctv-audit survey create --help`)"
)


def say_next_if_empty(found: Sized, what_next: str) -> None:
    """A command that finds nothing says what to run next (on stderr: stdout keeps the data)."""
    if not len(found) and not STATE.quiet:
        err_console.print(f"Nothing to show: {what_next}", highlight=False)


def info(message: str) -> None:
    """Progress chatter on stderr, silenced by --quiet."""
    if not STATE.quiet:
        err_console.print(message)


@contextmanager
def progress(description: str, total: int | None) -> Iterator[Any]:
    """A Rich progress bar on stderr; yields a callable ``advance(n=1)``."""
    if STATE.quiet or total == 0:
        yield lambda n=1: None
        return
    bar = Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=False,
    )
    with bar:
        task = bar.add_task(description, total=total)
        yield lambda n=1: bar.advance(task, n)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one readable error line and return an Exit to raise."""
    err_console.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(code)
