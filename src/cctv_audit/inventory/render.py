"""Write a reply draft as DOCX (python-docx) and PDF (fpdf2) carrying the same text."""

from __future__ import annotations

from pathlib import Path

from cctv_audit.inventory.respond import ResponseDraft

#: A Unicode font when the system has one (Debian fonts-dejavu-core); otherwise the PDF core font.
UNICODE_FONTS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
)


def write_docx(draft: ResponseDraft, path: Path) -> Path:
    from docx import Document

    doc = Document()
    doc.add_heading(f"Freedom of information response: {draft.reference}", level=1)
    for line in (
        draft.body,
        f"Our reference: {draft.reference}",
        f"Date: {draft.date.isoformat()}",
    ):
        doc.add_paragraph(line)
    for section in draft.sections:
        doc.add_heading(section.heading, level=2)
        for paragraph in section.paragraphs:
            doc.add_paragraph(paragraph)
        if section.table:
            headers, rows = section.table
            table = doc.add_table(rows=1, cols=len(headers))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, headers, strict=True):
                cell.text = text
            for row in rows:
                for cell, text in zip(table.add_row().cells, row, strict=True):
                    cell.text = text
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


def _pdf():
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    font = next((f for f in UNICODE_FONTS if f.exists()), None)
    if font:
        pdf.add_font("body", "", str(font))
        pdf.set_font("body", size=10)
    else:
        pdf.set_font("Helvetica", size=10)
    return pdf, font is not None


def write_pdf(draft: ResponseDraft, path: Path) -> Path:
    pdf, unicode_ok = _pdf()
    width = pdf.w - pdf.l_margin - pdf.r_margin
    for line in draft.lines():
        text = line if unicode_ok else line.encode("latin-1", "replace").decode("latin-1")
        if text:
            pdf.multi_cell(width, 5, text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(3)
    path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(path))
    return path
