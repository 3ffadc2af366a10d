"""What ``ingest PATH...`` reads: files, folders (recursively), mbox files, Maildirs.

Each item is a :class:`Source` that loads its bytes only when asked, so a
batch never holds more than one document in memory and a file over the size
limit is refused from its size alone.
"""

from __future__ import annotations

import logging
import mailbox
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cctv_audit.documents import sniff as media
from cctv_audit.errors import InputError

log = logging.getLogger(__name__)


@dataclass
class Source:
    """One document to ingest, not read yet."""

    name: str
    origin: str
    origin_ref: str
    load: Callable[[], bytes]
    size: int | None = None
    mailbox: str | None = None
    parent_id: int | None = None
    #: Public address of the document (e.g. its WhatDoTheyKnow page), recorded as ``source_url``.
    source_url: str | None = None


def iter_sources(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Source]:
    """Every document under ``paths`` in a stable order (folders sorted, mailboxes by key)."""
    for raw in paths:
        path = Path(raw).expanduser()
        if not path.exists():
            raise InputError("no such file or folder; check the path", source=str(path))
        yield from _walk(path)


def _walk(path: Path) -> Iterator[Source]:
    if path.is_dir():
        if is_maildir(path):
            yield from maildir_sources(path)
            return
        for child in sorted(path.iterdir()):
            # Hidden files are tool litter; linked folders could loop back on themselves.
            if not child.name.startswith(".") and not (child.is_symlink() and child.is_dir()):
                yield from _walk(child)
    elif path.is_file():
        if _is_mbox(path):
            yield from mbox_sources(path)
        else:
            yield file_source(path)


def file_source(path: Path) -> Source:
    resolved = path.resolve()
    return Source(
        path.name, "file", str(resolved), resolved.read_bytes, size=resolved.stat().st_size
    )


def is_maildir(path: Path) -> bool:
    return all((path / sub).is_dir() for sub in ("cur", "new", "tmp"))


def _is_mbox(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return media.sniff(head, path.name) == media.MBOX


def mbox_sources(path: Path) -> Iterator[Source]:
    box = mailbox.mbox(path, create=False)
    resolved = str(path.resolve())
    for key in box.keys():  # noqa: SIM118  # a Mailbox is not a dict: iterating it yields messages
        yield Source(
            f"{path.name} message {key + 1}",  # type: ignore[operator]  # typeshed: str keys; mbox: int
            "email",
            f"mbox:{resolved}#{key}",
            _loader(box, key),
            mailbox=resolved,
        )


def maildir_sources(path: Path) -> Iterator[Source]:
    box = mailbox.Maildir(path, factory=None, create=False)
    resolved = str(path.resolve())
    for key in sorted(box.keys()):
        yield Source(
            f"{path.name}/{key}",
            "email",
            f"maildir:{resolved}#{key}",
            _loader(box, key),
            mailbox=resolved,
        )
    for folder in sorted(box.list_folders()):
        yield from maildir_sources(path / f".{folder}")


def _loader(box: mailbox.Mailbox, key: str) -> Callable[[], bytes]:
    return lambda: box.get_bytes(key)
