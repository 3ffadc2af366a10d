"""Writers for the published tables: CSV, XLSX, JSON, Datasette SQLite (+ metadata.json).

Every writer is deterministic: rows sorted by key, no clock. XLSX files are zip
archives stamped with the report date instead of "now" (openpyxl and zipfile both
stamp the time of writing by default).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

from cctv_audit.errors import PublishError
from cctv_audit.publish.hexlayout import HEXMAP_ATTRIBUTION
from cctv_audit.publish.tables import Table
from cctv_audit.registry import ATTRIBUTION

DATA_LICENCE = "CC BY 4.0"
DATA_LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
REPLY_LICENCE = "Open Government Licence v3.0 (unless a reply says otherwise)"
REPLY_LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
FORMATS = ("csv", "xlsx", "json", "sqlite", "ftm")


def cell(value: Any) -> Any:
    """A value for flat formats: lists and dicts as JSON text, booleans as 1/0."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def _columns(table: Table) -> list[str]:
    return list(table.rows[0]) if table.rows else table.columns


def write_csv(tables: list[Table], directory: Path) -> list[Path]:
    """One ``<table>.csv`` per table (UTF-8, header row, Excel-safe line endings)."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for table in tables:
        path = directory / f"{table.name}.csv"
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(_columns(table))
        for row in table.rows:
            writer.writerow(["" if v is None else cell(v) for v in row.values()])
        path.write_text(buffer.getvalue(), encoding="utf-8")
        paths.append(path)
    return paths


def write_json(tables: list[Table], path: Path, metadata: dict) -> Path:
    """All tables in one JSON document: ``{"title", ..., "tables": {name: {"description", "rows"}}}``."""
    document = {k: v for k, v in metadata.items() if k != "databases"}
    document["tables"] = {
        t.name: {"title": t.title, "description": t.description, "rows": t.rows} for t in tables
    }
    path.write_text(
        json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n", encoding="utf-8"
    )
    return path


def write_xlsx(tables: list[Table], path: Path, as_of: dt.date) -> Path:
    """One sheet per table, bold frozen header, stamped with ``as_of`` so the bytes repeat."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    stamp = dt.datetime.combine(as_of, dt.time())
    book = Workbook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(table.name[:31])
        sheet.append(_columns(table))
        for c in sheet[1]:
            c.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for row in table.rows:
            sheet.append([_xlsx_cell(v) for v in row.values()])
    book.properties.creator = "cctv-audit"
    book.properties.created = book.properties.modified = stamp
    buffer = io.BytesIO()
    book.save(buffer)
    path.write_bytes(_restamp_zip(buffer.getvalue(), stamp))
    return path


_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _xlsx_cell(value: Any) -> Any:
    value = cell(value)
    if isinstance(value, str):
        value = _ILLEGAL_XML.sub("", value)[:32767]  # Excel's cell limit and XML-illegal characters
    return value


def _restamp_zip(data: bytes, stamp: dt.datetime) -> bytes:
    """The same archive with every member dated ``stamp`` and core.xml's dates set to it."""
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                    rb"\g<1>" + iso.encode(),
                    content,
                )
            member = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, content)
    return out.getvalue()


def _sql_type(table: Table, column: str) -> str:
    values = [r[column] for r in table.rows if r.get(column) is not None]
    if values and all(isinstance(v, bool | int) for v in values):
        return "INTEGER"
    if values and all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return "REAL"
    return "TEXT"


def _create_sql(table: Table, names: set[str]) -> str:
    columns = _columns(table)
    parts = [
        f'"{c}" {_sql_type(table, c)}' + (" PRIMARY KEY" if c == table.pk else "") for c in columns
    ]
    for column, (other, other_col) in sorted(table.foreign_keys.items()):
        if column in columns and other in names:
            parts.append(f'FOREIGN KEY ("{column}") REFERENCES "{other}"("{other_col}")')
    return f'CREATE TABLE "{table.name}" (\n  ' + ",\n  ".join(parts) + "\n)"


def write_sqlite(tables: list[Table], path: Path) -> Path:
    """A SQLite file Datasette opens as it is: typed columns, keys, indexes, full-text search on documents."""
    if path.exists():
        path.unlink()
    names = {t.name for t in tables}
    connection = sqlite3.connect(path)
    try:
        with connection:
            for table in tables:
                connection.execute(_create_sql(table, names))
                columns = _columns(table)
                marks = ", ".join("?" for _ in columns)
                connection.executemany(
                    f'INSERT INTO "{table.name}" VALUES ({marks})',
                    [[cell(r[c]) for c in columns] for r in table.rows],
                )
                for column in sorted(table.foreign_keys):
                    if column in columns:
                        connection.execute(
                            f'CREATE INDEX "ix_{table.name}_{column}" ON "{table.name}"("{column}")'
                        )
            if "documents" in names:
                connection.execute(
                    'CREATE VIRTUAL TABLE "documents_fts" USING fts5(title, filename, text, '
                    'content="documents", content_rowid="id")'
                )
                connection.execute(
                    "INSERT INTO documents_fts(rowid, title, filename, text) "
                    "SELECT id, title, filename, text FROM documents"
                )
        connection.execute("VACUUM")
    except sqlite3.Error as exc:
        raise PublishError(f"{path}: could not write the SQLite export ({exc})") from exc
    finally:
        connection.close()
    return path


_LABELS = {"bodies": "name", "documents": "title", "manufacturers": "name"}


def datasette_metadata(tables: list[Table], *, database: str, title: str, description: str) -> dict:
    """Datasette ``metadata.json``: title, description, source and licence for the database and each table."""
    table_meta = {}
    for table in tables:
        licence = (
            (REPLY_LICENCE, REPLY_LICENCE_URL)
            if table.name in ("documents", "answers", "evidence")
            else (DATA_LICENCE, DATA_LICENCE_URL)
        )
        entry: dict[str, Any] = {
            "title": table.title,
            "description": table.description,
            "license": licence[0],
            "license_url": licence[1],
            "source": _table_source(table.name),
        }
        if table.column_notes:
            entry["columns"] = dict(sorted(table.column_notes.items()))
        if table.name == "documents":
            entry["fts_table"] = "documents_fts"
        if table.name in _LABELS:  # Datasette shows a linked row by this column, e.g. a body's name
            entry["label_column"] = _LABELS[table.name]
        table_meta[table.name] = entry
    return {
        "title": title,
        "description": description,
        "license": DATA_LICENCE,
        "license_url": DATA_LICENCE_URL,
        "source": "cctv-audit: FOI replies, reviewed claims and the cctv-audit knowledge base",
        "databases": {database: {"tables": table_meta}},
    }


def _table_source(name: str) -> str:
    return {
        "bodies": f"{ATTRIBUTION}; map position: {HEXMAP_ATTRIBUTION}",
        "manufacturers": "cctv-audit knowledge base (sources on each maker's page)",
        "documents": "Replies to FOI requests and published sources",
    }.get(name, "cctv-audit survey records")
