"""Batches: many sources, extraction running ahead in worker processes, commits grouped.

Each document is atomic: its row, email headers and attachments are written
together or not at all. To spare the disk one fsync per document, documents
commit in groups (up to ``GROUP_SIZE`` or ``GROUP_SECONDS``); if anything in
a group fails the group is rolled back and its documents are written again one
transaction each, so one bad document never takes others with it. A kill
loses at most the uncommitted group, and the rerun stores each document once:
committed ones are found by their SHA-256 and skipped.
"""

from __future__ import annotations

import logging
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from cctv_audit.documents.errors import DocumentError
from cctv_audit.documents.ingest import Ingestor, IngestReport, Prepared, record
from cctv_audit.documents.limits import Limits
from cctv_audit.documents.sources import Source, iter_sources
from cctv_audit.documents.worker import WorkerPool
from cctv_audit.store import Store

log = logging.getLogger(__name__)

GROUP_SIZE = 25
GROUP_SECONDS = 1.0
Progress = Callable[[Source], None] | None


def collect_sources(store: Store, paths: Iterable[str | os.PathLike[str]]) -> list[Source]:
    """Every document under ``paths`` (files, folders, mbox, Maildir), less the store's own files."""
    own_files = (Path(store.data_dir).resolve(), _sqlite_file(store))
    return [s for s in iter_sources(list(paths)) if not _is_own_file(s, own_files)]


def ingest_sources(
    store: Store,
    sources: Iterable[Source],
    *,
    limits: Limits | None = None,
    on_progress: Progress = None,
    workers: int | None = None,
) -> IngestReport:
    """Ingest ``sources``; one bad file never stops the batch.

    ``workers`` extraction processes (default: one per core, at most 4) run ahead of the
    database writes, which happen in order in this thread.
    """
    report = IngestReport()
    size = workers or max(1, min(4, os.cpu_count() or 1))
    with Ingestor(store, limits) as ingestor, _pool(ingestor.limits, size) as pool:
        window: deque[tuple[Source, Prepared]] = deque()
        group: list[tuple[Source, Prepared]] = []
        started = time.monotonic()
        for source in sources:
            window.append((source, ingestor.prepare(source, pool)))
            while len(window) > 2 * size:
                group.append(window.popleft())
                group[-1][1].outcome()  # wait for its extraction
                if len(group) >= GROUP_SIZE or time.monotonic() - started > GROUP_SECONDS:
                    _commit(ingestor, group, report, on_progress)
                    group, started = [], time.monotonic()
        _commit(ingestor, group + list(window), report, on_progress)
        report.attachments = ingestor.new_children
    return report


def ingest_paths(
    store: Store,
    paths: Iterable[str | os.PathLike[str]],
    *,
    limits: Limits | None = None,
    on_progress: Progress = None,
    workers: int | None = None,
) -> IngestReport:
    """Ingest files, folders, mbox files and Maildirs; one bad file never stops the batch."""
    sources = collect_sources(store, paths)
    return ingest_sources(store, sources, limits=limits, on_progress=on_progress, workers=workers)


def _commit(
    ingestor: Ingestor,
    group: list[tuple[Source, Prepared]],
    report: IngestReport,
    on_progress: Progress,
) -> None:
    """Write ``group`` in one transaction; on any failure, again one transaction per document."""
    if not group:
        return
    children_before = ingestor.new_children
    try:
        with ingestor.store.session() as session:
            results = [
                ingestor.store_source(session, source, prepared) for source, prepared in group
            ]
    except (DocumentError, OSError, SQLAlchemyError) as exc:
        log.info("group of %d rolled back (%s); writing one by one", len(group), exc)
        ingestor.new_children = children_before
        for source, prepared in group:
            ingestor.ingest_source(source, report, prepared)
    else:
        for (source, _), (document, created) in zip(group, results, strict=True):
            record(report, source.name, document, created)
    if on_progress is not None:
        for source, _ in group:
            on_progress(source)


@contextmanager
def _pool(limits: Limits, size: int) -> Iterator[WorkerPool]:
    pool = WorkerPool(limits, size)
    try:
        yield pool
    except BaseException:
        pool.close(kill=True)
        raise
    pool.close()


def _sqlite_file(store: Store) -> Path | None:
    url = make_url(store.url)
    return (
        Path(url.database).resolve()
        if url.get_backend_name() == "sqlite" and url.database
        else None
    )


def _is_own_file(source: Source, own_files: tuple[Path, Path | None]) -> bool:
    """The store's database and originals are never ingested (e.g. ``ingest .`` beside the database)."""
    if source.origin != "file":
        return False
    path = Path(source.origin_ref)
    data_dir, database = own_files
    if path.is_relative_to(data_dir):
        return True
    return (
        database is not None
        and path.parent == database.parent
        and path.name.startswith(database.name)
    )
