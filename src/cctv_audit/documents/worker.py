"""Extraction in a worker process, so a hang or a memory blow-up costs one document, not the batch.

One long-lived forked process does the work (the libraries are already
imported, so each document costs a message each way, not a process start).
When a document exceeds the time limit the process is killed and a new one
is started for the next document; the address-space limit turns runaway
memory into a ``MemoryError`` inside the worker rather than a machine-wide OOM.
"""

from __future__ import annotations

import logging
import multiprocessing
import resource
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from cctv_audit.documents.errors import CorruptDocument, DocumentError, ExtractionTimeout, TooLarge
from cctv_audit.documents.extracted import ExtractedText
from cctv_audit.documents.extractors import run_extractor
from cctv_audit.documents.limits import Limits
from cctv_audit.documents.originals import save_original

log = logging.getLogger(__name__)


def _serve(connection, memory: int) -> None:  # a multiprocessing Connection
    try:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    except (ValueError, OSError):  # limit lower than current use, or not permitted: run without
        log.debug("could not limit worker memory to %s bytes", memory)
    while True:
        try:
            job = connection.recv()
        except EOFError:
            return
        if job is None:
            return
        path, filename, limits = job
        connection.send(_extract_one(path, filename, limits))


def _extract_one(path: str, filename: str, limits: Limits) -> tuple[bool, object]:
    try:
        return True, run_extractor(Path(path).read_bytes(), filename, limits)
    except DocumentError as exc:
        return False, exc
    except MemoryError:
        return False, TooLarge(
            f"{filename}: extraction ran out of memory; the file expands too far to read"
        )
    except RecursionError:
        return False, CorruptDocument(f"{filename}: structure nested too deeply to read")
    except Exception as exc:  # noqa: BLE001 - any library bug becomes a recorded failure
        return False, DocumentError(f"{filename}: extraction failed unexpectedly ({exc!r})")


class ExtractionWorker:
    """Runs :func:`run_extractor` in a child process with a time limit. Use as a context manager."""

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or Limits.from_env()
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None

    def __enter__(self) -> ExtractionWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self) -> Connection:
        context = multiprocessing.get_context("fork")
        parent, child = context.Pipe()
        self._process = context.Process(
            target=_serve, args=(child, self.limits.memory), daemon=True
        )
        self._process.start()
        child.close()
        self._connection = parent
        return parent

    def extract(self, path: Path, filename: str) -> ExtractedText:
        """Extract the file at ``path``; raises a ``DocumentError`` (``ExtractionTimeout`` on a hang)."""
        connection = self._connection  # set and cleared together with the process
        if self._process is None or not self._process.is_alive() or connection is None:
            connection = self._start()
        try:
            connection.send((str(path), filename, self.limits))
            reply = connection.recv() if connection.poll(self.limits.timeout) else None
        except (EOFError, OSError, BrokenPipeError):
            self._kill()
            raise CorruptDocument(
                f"{filename}: the extraction worker died on this file (it may be hostile)"
            ) from None
        if reply is None:
            self._kill()
            raise ExtractionTimeout(
                f"{filename}: extraction took longer than {self.limits.timeout:g} s and was stopped "
                "(if the file is genuine, raise CCTV_AUDIT_EXTRACT_TIMEOUT and run `cctv-audit documents reextract ID`)"
            )
        ok, payload = reply
        if ok:
            return payload
        raise payload

    def _kill(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.join(5)
        if self._connection is not None:
            self._connection.close()
        self._process = self._connection = None

    def close(self) -> None:
        """Stop the worker process."""
        if self._process is not None and self._process.is_alive() and self._connection is not None:
            try:
                self._connection.send(None)
                self._process.join(2)
            except (OSError, BrokenPipeError):
                pass
        self._kill()


#: Libraries imported before forking, so each worker starts with them loaded (and never imports in a child).
PRELOAD = (
    "pdfplumber",
    "pypdfium2",
    "docx",
    "openpyxl",
    "xlrd",
    "odf.opendocument",
    "bs4",
    "lxml.html",
    "extract_msg",
    "PIL.Image",
    "pytesseract",
    "charset_normalizer",
)


def preload() -> None:
    import importlib

    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except (
            ImportError
        ):  # a missing optional library fails its own documents later, with a message
            log.debug("cannot preload %s", name)


class WorkerPool:
    """Several :class:`ExtractionWorker` processes fed from threads, so extraction overlaps database work.

    Workers are forked up front from the calling thread (before the pool's threads exist).
    """

    def __init__(self, limits: Limits, size: int) -> None:
        import queue
        from concurrent.futures import ThreadPoolExecutor

        preload()
        self._idle: queue.SimpleQueue[ExtractionWorker] = queue.SimpleQueue()
        self._workers = [ExtractionWorker(limits) for _ in range(size)]
        for worker in self._workers:
            worker._start()  # fork now, while this process has a single thread
            self._idle.put(worker)
        self._threads = ThreadPoolExecutor(max_workers=size, thread_name_prefix="extract")

    def submit(self, data_dir: Path, data: bytes, digest: str, filename: str):  # Future
        """Store the original and extract it, in a pool thread; the future gives the ``ExtractedText``."""
        return self._threads.submit(self._run, data_dir, data, digest, filename)

    def _run(self, data_dir: Path, data: bytes, digest: str, filename: str) -> ExtractedText:
        path = save_original(data_dir, data, digest)
        worker = self._idle.get()
        try:
            return worker.extract(path, filename)
        finally:
            self._idle.put(worker)

    def close(self, *, kill: bool = False) -> None:
        """Stop the threads and worker processes; ``kill`` stops work in progress at once (Ctrl-C)."""
        if kill:
            for worker in self._workers:
                worker._kill()  # the waiting threads then see a closed pipe and return
        self._threads.shutdown(wait=True, cancel_futures=True)
        for worker in self._workers:
            worker.close()
