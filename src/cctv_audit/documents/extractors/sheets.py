"""Spreadsheets: every sheet of XLSX (openpyxl), XLS (xlrd) and ODS (odfpy) as rows of cells."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator

from cctv_audit.documents import sniff as media
from cctv_audit.documents.errors import CorruptDocument, EncryptedDocument
from cctv_audit.documents.extracted import ExtractedText, TextBuilder
from cctv_audit.documents.extractors.registry import Context, extractor
from cctv_audit.documents.safezip import check_office_zip, too_large

#: Cap on repeated empty ODS cells/rows (ODS writes "1,024 empty columns" as one element).
MAX_REPEAT = 256


def _write_sheets(ctx: Context, sheets: Iterable[tuple[str, Iterable[list]]]) -> ExtractedText:
    builder = TextBuilder()
    cells = count = 0
    for name, rows in sheets:
        count += 1
        kept = []
        for row in rows:
            cells += len(row)
            if cells > ctx.limits.max_cells:
                raise too_large(ctx.filename, "spreadsheet cells", ctx.limits.max_cells)
            kept.append(row)
        builder.marker(f"sheet {name}")
        builder.table(kept, where=f"sheet {name}")
    return ExtractedText(builder.text(), ctx.media_type, builder.tables, pages=count)


@extractor(media.XLSX)
def extract_xlsx(ctx: Context) -> ExtractedText:
    import openpyxl  # uses defusedxml when installed (it is a dependency)

    check_office_zip(ctx.data, ctx.filename, ctx.limits)
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(ctx.data), read_only=True, data_only=True)
    except Exception as exc:  # one document: openpyxl raises many types on damaged files
        raise CorruptDocument(f"{ctx.filename}: not a readable Excel workbook ({exc!r})") from exc
    try:
        sheets = (
            (ws.title, (list(row) for row in ws.iter_rows(values_only=True)))
            for ws in workbook.worksheets
        )
        return _write_sheets(ctx, sheets)
    finally:
        workbook.close()


@extractor(media.XLS)
def extract_xls(ctx: Context) -> ExtractedText:
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=ctx.data, on_demand=True)
    except xlrd.biffh.XLRDError as exc:
        if "encrypt" in str(exc).lower():
            raise EncryptedDocument(f"{ctx.filename}: the workbook is password protected") from exc
        raise CorruptDocument(
            f"{ctx.filename}: not a readable Excel 97-2003 workbook ({exc})"
        ) from exc
    except Exception as exc:  # one document: xlrd raises many types on damaged files
        raise CorruptDocument(
            f"{ctx.filename}: not a readable Excel 97-2003 workbook ({exc!r})"
        ) from exc

    def rows(sheet) -> Iterator[list]:
        for r in range(sheet.nrows):
            yield [_xls_value(book, cell) for cell in sheet.row(r)]

    return _write_sheets(ctx, ((s.name, rows(s)) for s in book.sheets()))


def _xls_value(book, cell):
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, book.datemode)
        except (ValueError, OverflowError):
            return cell.value
    if cell.ctype in (xlrd.XL_CELL_ERROR, xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    return cell.value


@extractor(media.ODS)
def extract_ods(ctx: Context) -> ExtractedText:
    from odf.opendocument import load

    check_office_zip(ctx.data, ctx.filename, ctx.limits)
    try:
        document = load(io.BytesIO(ctx.data))
    except Exception as exc:  # one document: odfpy raises many types on damaged files
        raise CorruptDocument(
            f"{ctx.filename}: not a readable OpenDocument spreadsheet ({exc!r})"
        ) from exc
    from odf.table import Table

    tables = document.spreadsheet.getElementsByType(Table)
    return _write_sheets(ctx, ((t.getAttribute("name"), _ods_rows(t)) for t in tables))


def _ods_rows(table) -> Iterator[list]:
    from odf.table import TableCell, TableRow

    for row in table.getElementsByType(TableRow):
        cells: list = []
        for cell in row.getElementsByType(TableCell):
            value = _ods_value(cell)
            repeat = int(cell.getAttribute("numbercolumnsrepeated") or 1)
            cells.extend([value] * (min(repeat, MAX_REPEAT) if value else 1))
        repeat_rows = int(row.getAttribute("numberrowsrepeated") or 1)
        for _ in range(min(repeat_rows, MAX_REPEAT) if any(cells) else 1):
            yield list(cells)


def _ods_value(cell) -> str:
    from odf import teletype
    from odf.text import P

    return "\n".join(teletype.extractText(p) for p in cell.getElementsByType(P)).strip()
