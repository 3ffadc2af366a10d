"""Ingestion into a store: originals, dedupe, children, mailboxes, hostile batches, time limits."""

from __future__ import annotations

import mailbox
import time

import docfixtures as fx
import hostile
import pytest
from sqlalchemy import select

from cctv_audit.documents import (
    Document,
    Limits,
    Message,
    ingest_bytes,
    ingest_paths,
    original_path,
)
from cctv_audit.documents import sniff as media
from cctv_audit.documents.extractors import EXTRACTORS


def all_documents(store) -> list[Document]:
    with store.session() as session:
        return list(session.scalars(select(Document).order_by(Document.id)))


@pytest.fixture
def inbox(tmp_path):
    """A folder to ingest, apart from the store's own files in tmp_path."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


def test_ingest_stores_original_text_and_tables(store, tmp_path) -> None:
    data = fx.make_pdf()
    (tmp_path / "reply.pdf").write_bytes(data)
    report = ingest_paths(store, [tmp_path / "reply.pdf"])
    assert (report.ingested, report.duplicates, report.failed) == (1, 0, [])
    [document] = all_documents(store)
    assert document.status == "extracted"
    assert document.media_type == media.PDF
    assert document.size == len(data) and document.pages == 2
    path = original_path(store.data_dir, document.sha256)
    assert path.read_bytes() == data
    assert not list(path.parent.glob(".incoming-*"))
    table = document.tables[0]
    assert table["rows"] == fx.TABLE
    assert document.text[table["start"] : table["end"]].startswith("Manufacturer | Cameras")


def test_reingesting_same_bytes_is_a_noop(store, inbox) -> None:
    data = fx.make_docx()  # made once: two builds a second apart differ in the zip's timestamps
    (inbox / "a.docx").write_bytes(data)
    (inbox / "copy-of-a.docx").write_bytes(data)
    first = ingest_paths(store, [inbox])
    second = ingest_paths(store, [inbox])
    assert (first.ingested, first.duplicates) == (1, 1)
    assert (second.ingested, second.duplicates) == (0, 2)
    assert len(all_documents(store)) == 1


def test_email_attachments_and_zip_members_become_children(any_store, inbox) -> None:
    store = any_store
    archive = fx.make_zip({"cams.csv": fx.make_csv(), "letter.docx": fx.make_docx()})
    (inbox / "reply.eml").write_bytes(
        fx.make_eml(
            attachments=[("bundle.zip", archive, "application/zip")],
            message_id="<r1@example.gov.uk>",
        )
    )
    report = ingest_paths(store, [inbox])
    assert report.ingested == 1 and report.attachments == 3
    documents = {d.filename: d for d in all_documents(store)}
    email, bundle = documents["reply.eml"], documents["bundle.zip"]
    assert email.origin == "email" and email.parent_id is None
    assert bundle.origin == "attachment" and bundle.parent_id == email.id
    assert (
        documents["cams.csv"].origin == "zip-member"
        and documents["cams.csv"].parent_id == bundle.id
    )
    assert documents["cams.csv"].tables[0]["rows"] == fx.TABLE
    with store.session() as session:
        message = session.scalar(select(Message))
    assert message.document_id == email.id
    assert (message.message_id, message.in_reply_to) == (
        "<r1@example.gov.uk>",
        "<request-1@cctv-audit.example>",
    )
    assert (
        message.from_addr == "foi@example.gov.uk"
        and message.sent_at.isoformat() == "2025-02-03T11:02:19"
    )


def test_same_message_id_is_a_duplicate_even_with_other_bytes(store, inbox) -> None:
    (inbox / "a.eml").write_bytes(fx.make_eml(message_id="<same@example.gov.uk>"))
    (inbox / "b.eml").write_bytes(
        b"X-Saved-By: client\n" + fx.make_eml(message_id="<same@example.gov.uk>")
    )
    report = ingest_paths(store, [inbox])
    assert (report.ingested, report.duplicates) == (1, 1)


def test_mbox_and_maildir(store, tmp_path) -> None:
    box = mailbox.mbox(tmp_path / "replies.mbox")
    for n in range(3):
        box.add(fx.make_eml(message_id=f"<mbox-{n}@example.gov.uk>", subject=f"Reply {n}"))
    box.flush()
    maildir = mailbox.Maildir(tmp_path / "Maildir", create=True)
    maildir.add(fx.make_eml(message_id="<maildir-0@example.gov.uk>"))
    maildir.add(fx.make_eml(message_id="<mbox-1@example.gov.uk>"))  # same message in both: once
    report = ingest_paths(store, [tmp_path / "replies.mbox", tmp_path / "Maildir"])
    assert (report.ingested, report.duplicates, report.failed) == (4, 1, [])
    with store.session() as session:
        ids = sorted(session.scalars(select(Message.message_id)))
        mailboxes = set(session.scalars(select(Message.mailbox)))
    assert ids == [
        "<maildir-0@example.gov.uk>",
        "<mbox-0@example.gov.uk>",
        "<mbox-1@example.gov.uk>",
        "<mbox-2@example.gov.uk>",
    ]
    assert str((tmp_path / "replies.mbox").resolve()) in mailboxes


def test_ingest_bytes_in_callers_session(store) -> None:
    with store.session() as session:
        document, created = ingest_bytes(
            store, session, fx.make_csv(), "cams.csv", origin="wdtk", origin_ref="x"
        )
        again, created_again = ingest_bytes(
            store, session, fx.make_csv(), "cams.csv", origin="wdtk"
        )
    assert created and not created_again and again.id == document.id
    assert document.tables[0]["rows"] == fx.TABLE


def test_hostile_corpus_every_file_recorded_batch_completes(store, tmp_path) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    expected = hostile.build(folder)
    assert len(expected) >= 30
    report = ingest_paths(store, [folder])
    top = {d.filename: d for d in all_documents(store) if d.parent_id is None}
    assert set(top) == set(expected)
    for name, code in expected.items():
        document = top[name]
        if code == "ok":
            assert document.status == "extracted", (name, document.error)
            continue
        assert document.error_code == code, (name, document.error)
        assert document.error and name in document.error  # the message names the file
        assert document.status != "extracted"
    failed = {f.name: f.code for f in report.failed}
    assert failed == {n: c for n, c in expected.items() if c != "ok"}
    for name, document in top.items():  # originals kept for everything that was read
        if name != "huge_200mb.pdf":
            assert (
                original_path(store.data_dir, document.sha256).read_bytes()
                == (folder / name).read_bytes()
            )
    assert top["huge_200mb.pdf"].sha256 is None and top["huge_200mb.pdf"].size == 200 * 1024 * 1024
    assert any("named .xlsx" in w for w in top["pdf_named.xlsx"].warnings)
    assert "alert" not in top["html_with_scripts.html"].text
    again = ingest_paths(store, [folder])
    assert again.duplicates == len(expected) and again.ingested == 0


def test_a_hanging_extractor_is_stopped_and_the_batch_goes_on(store, inbox, monkeypatch) -> None:
    def hang(ctx):
        if b"HANG" in ctx.data:
            time.sleep(60)
        return real(ctx)

    real = EXTRACTORS[media.TEXT]
    monkeypatch.setitem(EXTRACTORS, media.TEXT, hang)  # the forked worker inherits the registry
    (inbox / "1-hangs.txt").write_bytes(b"HANG forever")
    (inbox / "2-fine.txt").write_bytes(b"Dahua cameras")
    started = time.monotonic()
    report = ingest_paths(store, [inbox], limits=Limits(timeout=1.5))
    assert time.monotonic() - started < 30
    assert report.ingested == 1
    assert [(f.name, f.code) for f in report.failed] == [("1-hangs.txt", "timeout")]
    documents = {d.filename: d for d in all_documents(store)}
    assert "took longer than 1.5 s" in documents["1-hangs.txt"].error
    assert documents["2-fine.txt"].text == "Dahua cameras"


def test_without_tesseract_scans_are_marked_needs_ocr(store, inbox, monkeypatch) -> None:
    monkeypatch.setenv("CCTV_AUDIT_TESSERACT", "/nonexistent/tesseract")
    (inbox / "scan.pdf").write_bytes(fx.make_scanned_pdf())
    report = ingest_paths(store, [inbox])
    [document] = all_documents(store)
    assert document.status == "needs_ocr" and document.text is None
    assert "Tesseract is not installed" in document.error
    assert report.failed[0].code == "needs_ocr"


def test_missing_path_is_a_clear_error(store, tmp_path) -> None:
    from cctv_audit.errors import InputError

    with pytest.raises(InputError, match="no such file"):
        ingest_paths(store, [tmp_path / "nope"])


def test_reextract_after_installing_tesseract(store, inbox, monkeypatch) -> None:
    from cctv_audit.documents import reextract
    from cctv_audit.documents.ocr import tesseract_path

    monkeypatch.setenv("CCTV_AUDIT_TESSERACT", "/nonexistent/tesseract")
    (inbox / "scan.png").write_bytes(fx.make_png())
    ingest_paths(store, [inbox])
    assert all_documents(store)[0].status == "needs_ocr"
    monkeypatch.delenv("CCTV_AUDIT_TESSERACT")
    if tesseract_path() is None:
        pytest.skip("tesseract-ocr is not installed")
    report = reextract(store, status="needs_ocr")
    assert report.ingested == 1
    [document] = all_documents(store)
    assert document.status == "extracted" and document.error is None
    assert "HIKVISION" in document.text.upper()
