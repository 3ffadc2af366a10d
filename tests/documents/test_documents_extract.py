"""Text and table extraction from real generated files of every type."""

from __future__ import annotations

import docfixtures as fx
import pytest

from cctv_audit.documents import (
    CorruptDocument,
    EncryptedDocument,
    NeedsOCR,
    TooLarge,
    UnsupportedFormat,
    extract_bytes,
    extract_file,
)
from cctv_audit.documents import sniff as media
from cctv_audit.documents.ocr import tesseract_path

TABLE_TEXT = (
    "Manufacturer | Cameras | Location\nHikvision | 56 | Town centre\nAxis | 12 | Car parks"
)


def assert_camera_table(result, where_contains: str) -> None:
    tables = [t for t in result.tables if t.rows == fx.TABLE]
    assert tables, f"camera table not found in {result.tables}"
    table = tables[0]
    assert where_contains in table.where
    assert result.text[table.start : table.end] == TABLE_TEXT


@pytest.mark.parametrize(
    ("maker", "filename", "media_type", "where"),
    [
        (fx.make_pdf, "reply.pdf", media.PDF, "page 2"),
        (fx.make_docx, "reply.docx", media.DOCX, "table 1"),
        (fx.make_xlsx, "reply.xlsx", media.XLSX, "sheet Cameras"),
        (fx.make_xls, "reply.xls", media.XLS, "sheet Cameras"),
        (fx.make_ods, "reply.ods", media.ODS, "sheet Cameras"),
        (fx.make_csv, "reply.csv", media.CSV, "table 1"),
        (fx.make_html, "reply.html", media.HTML, "table 1"),
    ],
)
def test_tables_are_rows_in_text_and_blocks(maker, filename, media_type, where) -> None:
    result = extract_bytes(maker(), filename)
    assert result.media_type == media_type
    assert_camera_table(result, where)
    assert result.warnings == []


def test_pdf_keeps_reading_order_and_page_markers() -> None:
    result = extract_bytes(fx.make_pdf(), "reply.pdf")
    text = result.text
    assert result.pages == 2
    assert text.index("[page 1]") < text.index(fx.INTRO) < text.index("[page 2]")
    assert text.index("[page 2]") < text.index(TABLE_TEXT) < text.index(fx.ANSWER)


def test_docx_paragraphs_and_tables_in_order() -> None:
    text = extract_bytes(fx.make_docx(), "reply.docx").text
    assert text.index(fx.INTRO) < text.index(TABLE_TEXT) < text.index(fx.ANSWER)


def test_xlsx_every_sheet_with_marker_and_dates_as_iso() -> None:
    result = extract_bytes(fx.make_xlsx(), "reply.xlsx")
    assert "[sheet Cameras]" in result.text and "[sheet Notes]" in result.text
    assert "2025-01-31" in result.text
    assert result.pages == 2


def test_html_drops_scripts_styles_and_hidden_text() -> None:
    text = extract_bytes(fx.make_html(), "reply.html").text
    assert fx.INTRO in text and fx.ANSWER in text
    for invisible in ("tracking", "script text", "color:red", "hidden text"):
        assert invisible not in text


def test_txt_source_line_becomes_source_url_and_offsets_hold() -> None:
    data = b"SOURCE: https://www.example.gov.uk/foi/123\nWe use Dahua cameras.\n"
    result = extract_bytes(data, "page.txt")
    assert result.source_url == "https://www.example.gov.uk/foi/123"
    assert result.text == "We use Dahua cameras.\n"
    assert result.text[7:12] == "Dahua"


def test_txt_without_source_line_is_kept_whole() -> None:
    result = extract_bytes(b"SOURCES are listed below\nline 2\n", "a.txt")
    assert result.source_url is None
    assert result.text.startswith("SOURCES")


def test_non_utf8_text_is_decoded_with_warning() -> None:
    result = extract_bytes("Caf\u00e9 cameras \u00a3500 costs".encode("cp1252"), "a.txt")
    assert "\u00a3500" in result.text
    assert any("not UTF-8" in w for w in result.warnings)


def test_email_headers_body_and_nested_attachments() -> None:
    inner = fx.make_eml(
        subject="Forwarded original", attachments=[("cams.csv", fx.make_csv(), "text/csv")]
    )
    data = fx.make_eml(
        attachments=[
            ("reply.pdf", fx.make_pdf(), "application/pdf"),
            ("cams.xlsx", fx.make_xlsx(), "application/octet-stream"),
            ("fwd.eml", inner, "message/rfc822"),
        ],
        message_id="<reply-42@example.gov.uk>",
    )
    result = extract_bytes(data, "reply.eml")
    assert result.media_type == media.EML
    assert result.email.message_id == "<reply-42@example.gov.uk>"
    assert result.email.in_reply_to == "<request-1@cctv-audit.example>"
    assert result.email.references == ["<request-1@cctv-audit.example>"]
    assert result.email.from_addr == "foi@example.gov.uk"
    assert result.email.to_addrs == ["researcher@example.org"]
    assert result.email.subject == "RE: FOI request CCTV-7K3Q9"
    assert result.email.date.isoformat() == "2025-02-03T11:02:19"
    assert result.text.startswith("From: FOI Team <foi@example.gov.uk>\n")
    assert [a.filename for a in result.attachments] == ["reply.pdf", "cams.xlsx", "fwd.eml"]
    assert (
        result.attachments[1].media_type == media.XLSX
    )  # declared octet-stream, detected by content
    text = result.text
    assert (
        text.index(fx.ANSWER)
        < text.index("[attachment 1: reply.pdf]")
        < text.index("[attachment 2: cams.xlsx]")
    )
    nested = result.attachments[2].extracted
    assert nested.email.subject == "Forwarded original"
    assert "[attachment 1: cams.csv]" in nested.text
    wheres = [t.where for t in result.tables if t.rows == fx.TABLE]
    assert "attachment 1: reply.pdf, page 2" in wheres
    assert "attachment 3: fwd.eml, attachment 1: cams.csv, table 1" in wheres
    for table in result.tables:
        assert result.text[table.start : table.end].split("\n")[0] == " | ".join(table.rows[0])


def test_broken_attachment_is_recorded_not_fatal() -> None:
    data = fx.make_eml(attachments=[("reply.pdf", b"%PDF-1.4\n garbage", "application/pdf")])
    result = extract_bytes(data, "reply.eml")
    assert result.attachments[0].error_code == "corrupt"
    assert "[attachment 1: reply.pdf (not read:" in result.text


def test_zip_members_become_attachments() -> None:
    data = fx.make_zip(
        {"docs/reply.docx": fx.make_docx(), "cams.csv": fx.make_csv(), "__MACOSX/x": b"x"}
    )
    result = extract_bytes(data, "bundle.zip")
    assert [a.filename for a in result.attachments] == ["reply.docx", "cams.csv"]
    assert "[member docs/reply.docx]" in result.text
    assert len([t for t in result.tables if t.rows == fx.TABLE]) == 2


def test_wrong_extension_is_detected_by_content(tmp_path) -> None:
    path = tmp_path / "reply.docx"
    path.write_bytes(fx.make_pdf())
    result = extract_file(path)
    assert result.media_type == media.PDF
    assert_camera_table(result, "page 2")
    assert any("named .docx but the content is application/pdf" in w for w in result.warnings)


def test_encrypted_pdf_is_reported() -> None:
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(fx.make_pdf())))
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(EncryptedDocument, match="password protected"):
        extract_bytes(buffer.getvalue(), "locked.pdf")


def test_truncated_pdf_is_corrupt() -> None:
    with pytest.raises(CorruptDocument, match="truncated.pdf"):
        extract_bytes(fx.make_pdf()[:300], "truncated.pdf")


def test_unknown_binary_is_unsupported() -> None:
    with pytest.raises(UnsupportedFormat, match="blob.dat"):
        extract_bytes(bytes(range(256)) * 10, "blob.dat")


def test_size_limit_checked_before_reading(tmp_path) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: instant, takes no disk
    with pytest.raises(TooLarge, match="over the"):
        extract_file(path)


@pytest.mark.skipif(tesseract_path() is None, reason="tesseract-ocr is not installed")
def test_scanned_pdf_goes_through_ocr() -> None:
    result = extract_bytes(fx.make_scanned_pdf(), "scan.pdf")
    assert result.ocr is True
    assert "HIKVISION" in result.text.upper()


@pytest.mark.skipif(tesseract_path() is None, reason="tesseract-ocr is not installed")
def test_image_goes_through_ocr() -> None:
    result = extract_bytes(fx.make_png(), "scan.png")
    assert "HIKVISION" in result.text.upper()


def test_without_tesseract_scans_need_ocr(monkeypatch) -> None:
    monkeypatch.setenv("CCTV_AUDIT_TESSERACT", "/nonexistent/tesseract")
    with pytest.raises(NeedsOCR, match="Tesseract is not installed"):
        extract_bytes(fx.make_scanned_pdf(), "scan.pdf")
    with pytest.raises(NeedsOCR, match="apt-get install tesseract-ocr"):
        extract_bytes(fx.make_png(), "scan.png")


def test_outlook_msg_headers_body_and_attachment() -> None:
    import msgfixture

    headers = (
        "From: foi@example.gov.uk\r\nTo: researcher@example.org\r\nSubject: RE: FOI CCTV\r\n"
        "Date: Mon, 03 Feb 2025 11:02:19 +0000\r\nMessage-ID: <msg-1@example.gov.uk>\r\n"
        "In-Reply-To: <request-1@cctv-audit.example>\r\nReferences: <request-1@cctv-audit.example>\r\n\r\n"
    )
    data = msgfixture.make_msg(
        subject="RE: FOI CCTV",
        body=fx.ANSWER,
        sender="foi@example.gov.uk",
        to="researcher@example.org",
        headers=headers,
        attachments=[("cams.xlsx", fx.make_xlsx())],
    )
    result = extract_bytes(data, "forwarded.msg")
    assert result.media_type == media.MSG
    assert result.email.message_id == "<msg-1@example.gov.uk>"
    assert result.email.in_reply_to == "<request-1@cctv-audit.example>"
    assert result.email.references == ["<request-1@cctv-audit.example>"]
    assert result.email.subject == "RE: FOI CCTV" and result.email.from_addr == "foi@example.gov.uk"
    assert result.email.date.isoformat() == "2025-02-03T11:02:19"
    assert result.text.index(fx.ANSWER) < result.text.index("[attachment 1: cams.xlsx]")
    assert result.attachments[0].media_type == media.XLSX
    assert_camera_table(result, "attachment 1: cams.xlsx, sheet Cameras")
