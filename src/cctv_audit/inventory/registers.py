"""Reading asset registers (CSV or XLSX) into plain rows."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cctv_audit.errors import InputError

MAC_HEX = re.compile(r"[0-9A-Fa-f]")


@dataclass(frozen=True)
class RegisterRow:
    """One data row of a register: its row number (header is row 1) and cells by header."""

    number: int
    cells: dict[str, str]


def read_register(path: Path) -> tuple[list[str], list[RegisterRow]]:
    """Headers and non-empty rows of a CSV or XLSX register."""
    if not path.exists():
        raise InputError("file not found", source=str(path))
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".xlsm", ".csv", ".txt"):
        raise InputError("asset registers must be .csv or .xlsx", source=str(path))
    table: Sequence[Sequence[object]] = (
        _xlsx_rows(path) if suffix in (".xlsx", ".xlsm") else _csv_rows(path)
    )
    if not table:
        raise InputError("the register is empty", source=str(path))
    headers = [str(h or "").strip() for h in table[0]]
    rows = []
    for number, values in enumerate(table[1:], start=2):
        cells = {h: _cell(v) for h, v in zip(headers, values, strict=False) if h}
        if any(cells.values()):
            rows.append(RegisterRow(number, cells))
    return headers, rows


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _csv_rows(path: Path) -> list[list[str]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        text = path.read_bytes().decode("cp1252", errors="replace")
    return [row for row in csv.reader(io.StringIO(text))]


def _xlsx_rows(path: Path) -> list[list[object]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # one document: openpyxl raises many types for broken files
        raise InputError(f"cannot read the workbook: {exc}", source=str(path)) from exc
    sheet = workbook.worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    workbook.close()
    return rows


def parse_date(value: str) -> dt.date | None:
    """ISO, UK day-first (12/03/2019) or a bare year; None when blank or unreadable."""
    value = value.strip()
    if not value:
        return None
    for fmt in (
        "%Y-%m-%d",
        "%d/%m/%Y",
        "%d/%m/%y",
        "%d-%m-%Y",
        "%d.%m.%Y",
        "%b %Y",
        "%B %Y",
        "%m/%Y",
    ):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    if re.fullmatch(r"(19|20)\d\d", value):
        return dt.date(int(value), 1, 1)
    return None


def normalise_mac(value: str) -> str | None:
    """``aa:bb:cc:dd:ee:ff`` from any common spelling, or None."""
    digits = "".join(MAC_HEX.findall(value))
    if len(digits) != 12:
        return None
    return ":".join(digits[i : i + 2] for i in range(0, 12, 2)).lower()


def parse_flag(value: str) -> bool:
    return value.strip().lower() in {"y", "yes", "true", "1", "sensitive", "x"}
