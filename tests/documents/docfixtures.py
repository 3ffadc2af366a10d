"""Real documents of every type, generated in the tests (nothing checked in).

Each ``make_*`` returns the bytes of a file holding a short FOI-style reply
and, where the format has tables, the camera table ``TABLE``.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import io
import zipfile
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

INTRO = "Thank you for your request for information about CCTV."
ANSWER = "The council operates 56 cameras made by Hikvision."
TABLE = [
    ["Manufacturer", "Cameras", "Location"],
    ["Hikvision", "56", "Town centre"],
    ["Axis", "12", "Car parks"],
]


def make_pdf(*, table: bool = True, pages: int = 2) -> bytes:
    """A text-layer PDF (fpdf2): intro on page 1, a ruled table and the answer on page 2."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 8, INTRO)
    for number in range(2, pages + 1):
        pdf.add_page()
        pdf.multi_cell(0, 8, f"Page {number} heading")
        if table and number == 2:
            with pdf.table() as grid:
                for row in TABLE:
                    cells = grid.row()
                    for value in row:
                        cells.cell(value)
        pdf.multi_cell(0, 8, ANSWER)
    return bytes(pdf.output())


def make_scanned_pdf(text: str = "CAMERAS MADE BY HIKVISION") -> bytes:
    """A PDF whose only page is an image of ``text`` (no text layer), as a scanner makes."""
    from fpdf import FPDF

    image = render_text_image(text)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(io.BytesIO(buffer.getvalue()), x=10, y=10, w=190)
    return bytes(pdf.output())


def render_text_image(text: str):  # PIL image
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 48)
    image = Image.new("L", (1400, 200), color=255)
    ImageDraw.Draw(image).text((40, 60), text, fill=0, font=font)
    return image


def make_png(text: str = "CAMERAS MADE BY HIKVISION") -> bytes:
    buffer = io.BytesIO()
    render_text_image(text).save(buffer, format="PNG")
    return buffer.getvalue()


def make_docx() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(INTRO)
    grid = document.add_table(rows=len(TABLE), cols=3)
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            grid.cell(r, c).text = value
    document.add_paragraph(ANSWER)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_xlsx() -> bytes:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Cameras"
    for row in TABLE:
        sheet.append([int(v) if v.isdigit() else v for v in row])
    notes = workbook.create_sheet("Notes")
    notes.append([ANSWER])
    notes.append([dt.date(2025, 1, 31)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def make_xls() -> bytes:
    import pytest

    xlwt = pytest.importorskip("xlwt", reason="xlwt (dev dependency) writes the .xls test file")

    book = xlwt.Workbook()
    sheet = book.add_sheet("Cameras")
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            sheet.write(r, c, int(value) if value.isdigit() else value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def make_ods() -> bytes:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Cameras")
    for row in TABLE:
        tr = TableRow()
        for value in row:
            cell = TableCell()
            cell.addElement(P(text=value))
            tr.addElement(cell)
        table.addElement(tr)
    document.spreadsheet.addElement(table)
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def make_csv() -> bytes:
    return "\n".join(",".join(row) for row in TABLE).encode() + b"\n"


def make_html() -> bytes:
    rows = "".join("<tr>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>" for row in TABLE)
    return (
        "<!DOCTYPE html><html><head><title>FOI reply</title><style>p{color:red}</style>"
        "<script>document.write('tracking')</script></head><body>"
        f"<p>{INTRO}</p><table>{rows}</table><div hidden>hidden text</div><p>{ANSWER}</p>"
        "<script>var x = 'script text';</script></body></html>"
    ).encode()


def make_eml(
    *,
    subject: str = "RE: FOI request CCTV-7K3Q9",
    attachments: list[tuple[str, bytes, str]] | None = None,
    message_id: str | None = None,
    in_reply_to: str | None = "<request-1@cctv-audit.example>",
    body: str = f"{INTRO}\n{ANSWER}\n",
) -> bytes:
    message = EmailMessage()
    message["From"] = "FOI Team <foi@example.gov.uk>"
    message["To"] = "researcher@example.org"
    message["Subject"] = subject
    message["Date"] = format_datetime(dt.datetime(2025, 2, 3, 11, 2, 19, tzinfo=dt.UTC))
    message["Message-ID"] = message_id or make_msgid(domain="example.gov.uk")
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = in_reply_to
    message.set_content(body)
    for name, data, media_type in attachments or []:
        if media_type == "message/rfc822":  # attached as mail clients do: a parsed message
            message.add_attachment(
                email.message_from_bytes(data, policy=email.policy.default), filename=name
            )
            continue
        maintype, subtype = media_type.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes()


def make_zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()
