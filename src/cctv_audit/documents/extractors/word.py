"""DOCX: paragraphs and tables in document order (python-docx), then headers and footers."""

from __future__ import annotations

import io

from cctv_audit.documents import sniff as media
from cctv_audit.documents.errors import CorruptDocument
from cctv_audit.documents.extracted import ExtractedText, TextBuilder
from cctv_audit.documents.extractors.registry import Context, extractor
from cctv_audit.documents.safezip import check_office_zip


@extractor(media.DOCX)
def extract_docx(ctx: Context) -> ExtractedText:
    import docx
    from docx.table import Table

    check_office_zip(ctx.data, ctx.filename, ctx.limits)
    try:
        document = docx.Document(io.BytesIO(ctx.data))
    except Exception as exc:  # one document: python-docx raises KeyError, ValueError, lxml errors
        raise CorruptDocument(f"{ctx.filename}: not a readable Word document ({exc!r})") from exc
    builder = TextBuilder()
    tables = 0
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            tables += 1
            builder.table(table_rows(block), where=f"table {tables}")
        else:
            _paragraph(builder, block)
    _headers_footers(builder, document)
    return ExtractedText(builder.text(), ctx.media_type, builder.tables)


def _paragraph(builder: TextBuilder, paragraph) -> None:
    style = paragraph._p.style or ""  # the style id; resolving the style object is slow
    if style.startswith("List"):
        builder.line(f"- {paragraph.text}")
    else:
        builder.paragraph(paragraph.text)


def table_rows(table) -> list[list[str]]:
    """Rows of a Word table; a merged cell appears once (python-docx repeats it per grid column)."""
    rows = []
    for row in table.rows:
        cells, previous = [], None
        for cell in row.cells:
            if cell._tc is previous:  # identity of the underlying XML cell marks a merge
                continue
            previous = cell._tc
            nested = "; ".join(" | ".join(r) for t in cell.tables for r in table_rows(t))
            cells.append(" ".join(filter(None, [cell.text, nested])) if nested else cell.text)
        rows.append(cells)
    return rows


def _headers_footers(builder: TextBuilder, document) -> None:
    seen: set[str] = set()
    for section in document.sections:
        for label, part in (("header", section.header), ("footer", section.footer)):
            text = "\n".join(p.text for p in part.paragraphs if p.text.strip())
            if text and text not in seen:
                seen.add(text)
                builder.marker(label)
                builder.paragraph(text)
