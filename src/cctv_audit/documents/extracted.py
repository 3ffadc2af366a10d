"""What extraction returns: text with stable offsets, tables, email headers, attachments.

Extractors never edit text after it is built: :class:`TextBuilder` appends
pieces and records each table's span as it goes, so ``text[start:end]`` of a
:class:`TableBlock` is always the table as written into the text (one line per
row, cells joined with ``" | "``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

CELL_SEPARATOR = " | "
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean(text: str) -> str:
    """Normalise one piece of text before it is appended (newlines, control characters)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    return _CONTROL.sub("", text)


def clean_cell(value: Any) -> str:
    """A table cell as one line of text (dates as ISO, whole floats without ``.0``)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, dt.datetime) and value.time() == dt.time():
        value = value.date()
    if isinstance(value, dt.date | dt.time):
        value = value.isoformat()
    return " ".join(clean(str(value)).split())


@dataclass
class TableBlock:
    """A table found in a document; ``text[start:end]`` is its rows as written into the text."""

    where: str
    start: int
    end: int
    rows: list[list[str]]

    def to_dict(self) -> dict[str, Any]:
        return {"where": self.where, "start": self.start, "end": self.end, "rows": self.rows}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TableBlock:
        return cls(data["where"], data["start"], data["end"], data["rows"])


@dataclass
class EmailHeaders:
    """The headers used to match a reply to a request."""

    message_id: str | None = None
    in_reply_to: str | None = None
    references: list[str] = field(default_factory=list)
    from_addr: str | None = None
    to_addrs: list[str] = field(default_factory=list)
    subject: str | None = None
    date: dt.datetime | None = None


@dataclass
class Attachment:
    """A file inside an email or archive: its bytes and, when it could be read, its text."""

    filename: str
    data: bytes
    media_type: str
    extracted: ExtractedText | None = None
    error: str | None = None
    error_code: str | None = None


@dataclass
class ExtractedText:
    """The text of one document, with page/sheet markers, tables and (for emails) headers."""

    text: str
    media_type: str
    tables: list[TableBlock] = field(default_factory=list)
    pages: int | None = None
    email: EmailHeaders | None = None
    attachments: list[Attachment] = field(default_factory=list)
    source_url: str | None = None
    warnings: list[str] = field(default_factory=list)
    ocr: bool = False


class TextBuilder:
    """Appends text pieces and tables, keeping every recorded offset valid."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._trailing = 0
        self.tables: list[TableBlock] = []

    def __len__(self) -> int:
        return self._length

    def _append(self, piece: str) -> None:
        if not piece:
            return
        self._parts.append(piece)
        self._length += len(piece)
        body = piece.rstrip("\n")
        self._trailing = len(piece) - len(body) if body else self._trailing + len(piece)

    def _break(self, blank_line: bool = True) -> None:
        """Start a new block: a blank line after the previous one (nothing at the start)."""
        wanted = 2 if blank_line else 1
        if self._length and self._trailing < wanted:
            self._append("\n" * (wanted - self._trailing))

    def marker(self, label: str) -> None:
        """A structural marker on its own line, e.g. ``[page 2]`` or ``[sheet Cameras]``."""
        self._break()
        self._append(f"[{clean(label)}]\n")

    def paragraph(self, text: str) -> None:
        """A block of running text (skipped when blank)."""
        text = clean(text).strip("\n")
        if text.strip():
            self._break()
            self._append(text + "\n")

    def line(self, text: str) -> None:
        """One line directly under the previous one (headers, list items)."""
        text = clean(text).strip("\n")
        self._break(blank_line=False)
        self._append(text + "\n")

    def table(self, rows: list[list[Any]], where: str) -> TableBlock | None:
        """Write rows as ``a | b | c`` lines and record the table; empty rows and tables are dropped."""
        cleaned = [_trim_row([clean_cell(c) for c in row]) for row in rows]
        cleaned = [row for row in cleaned if row]
        if not cleaned:
            return None
        self._break()
        start = self._length
        body = "\n".join(CELL_SEPARATOR.join(row) for row in cleaned)
        self._append(body)
        block = TableBlock(where=where, start=start, end=self._length, rows=cleaned)
        self._append("\n")
        self.tables.append(block)
        return block

    def include(self, other: ExtractedText, label: str) -> None:
        """Embed another document's text under a marker, shifting its tables' offsets."""
        self.marker(label)
        offset = self._length
        self._append(
            other.text if other.text.endswith("\n") or not other.text else other.text + "\n"
        )
        for table in other.tables:
            self.tables.append(
                TableBlock(
                    f"{label}, {table.where}", table.start + offset, table.end + offset, table.rows
                )
            )

    def text(self) -> str:
        return "".join(self._parts)


def _trim_row(row: list[str]) -> list[str]:
    """Drop trailing empty cells; a row of only empty cells becomes empty."""
    while row and not row[-1]:
        row.pop()
    return row
