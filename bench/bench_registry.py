"""Registry load time: the bundled 397 councils into a fresh SQLite store."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from cctv_audit.registry import load_bundled_councils
from cctv_audit.store import open_store


def run() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        store = open_store(Path(tmp) / "bench.db")
        migrated = time.perf_counter()
        with store.session() as session:
            result = load_bundled_councils(session)
        loaded = time.perf_counter()
        store.dispose()
    return (
        "## Registry\n\n"
        "| step | figure |\n|---|---|\n"
        f"| create and migrate a SQLite store | {migrated - start:.2f} s |\n"
        f"| load {result.loaded} bundled councils | {loaded - migrated:.2f} s |\n"
    )
