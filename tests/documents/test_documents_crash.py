"""kill -9 in the middle of a batch, then run again: every document stored exactly once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import docfixtures as fx
from sqlalchemy import select

from cctv_audit.documents import Document, ingest_paths, original_path

# Each extraction is slowed a little (in the registry, which the forked workers inherit) so the
# kill lands mid-batch however fast the machine is.
SCRIPT = """
import sys, time
from cctv_audit.store import open_store
from cctv_audit.documents import ingest_paths
from cctv_audit.documents.extractors import EXTRACTORS

def slow(extract):
    return lambda ctx: (time.sleep(0.05), extract(ctx))[1]

for media_type, extract in list(EXTRACTORS.items()):
    EXTRACTORS[media_type] = slow(extract)
ingest_paths(open_store(sys.argv[1]), [sys.argv[2]])
"""
COUNT = 60


def _make_batch(folder: Path) -> None:
    makers = [fx.make_pdf, fx.make_docx, fx.make_xlsx, fx.make_html]
    for n in range(COUNT):
        maker = makers[n % len(makers)]
        data = maker()
        # Distinct bytes per file: a unique trailing comment/row/paragraph would change the format, so append
        # to formats that tolerate trailing bytes and vary the rest by name in a ZIP member.
        if maker is fx.make_html:
            data += f"<!-- {n} -->".encode()
        elif maker is fx.make_pdf:
            data += f"\n% {n}\n".encode()
        else:
            data = fx.make_zip({f"reply-{n}.docx": data})
        (folder / f"reply-{n:03}.bin").write_bytes(data)


def _rows(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as connection:
            return connection.execute(
                "select count(*) from documents where parent_id is null"
            ).fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_kill_9_mid_batch_then_rerun_gives_each_document_once(store, tmp_path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _make_batch(inbox)
    db = Path(store.url.removeprefix("sqlite:///"))
    process = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(db), str(inbox)],
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while _rows(db) < 5 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)  # the ingesting process and its extraction worker
    process.wait()
    stored_before_rerun = _rows(db)
    assert 0 < stored_before_rerun < COUNT, process.stderr.read().decode()[-2000:]

    report = ingest_paths(store, [inbox])
    assert report.duplicates == stored_before_rerun
    assert report.ingested == COUNT - stored_before_rerun and report.failed == []
    with store.session() as session:
        documents = list(session.scalars(select(Document).where(Document.parent_id.is_(None))))
    assert len(documents) == COUNT
    assert len({d.sha256 for d in documents}) == COUNT
    assert sorted(d.filename for d in documents) == sorted(p.name for p in inbox.iterdir())
    for document in documents:
        assert document.status == "extracted"
        assert (
            original_path(store.data_dir, document.sha256).read_bytes()
            == (inbox / document.filename).read_bytes()
        )
