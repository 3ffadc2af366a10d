"""FOI reply drafts from the inventory: counts match, law-specific wording, DOCX and PDF agree."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from docx import Document
from pypdf import PdfReader

from cctv_audit.errors import InputError
from cctv_audit.inventory import (
    draft_response,
    import_assets,
    merge_audit,
    summarise,
    write_docx,
    write_pdf,
)
from cctv_audit.registry import get_body

TODAY = dt.date(2026, 11, 1)


@pytest.fixture
def estate(councils, register, audit_devices):
    with councils.session() as session:
        for code in ("EDH", "BIR"):
            body = get_body(session, code)
            import_assets(session, body, register)
            merge_audit(session, body, audit_devices)
    return councils


def table_rows(draft):
    section = next(s for s in draft.sections if s.table)
    return {row[0]: (int(row[1]), int(row[2])) for row in section.table[1]}


def test_draft_counts_match_the_inventory_exactly(estate):
    with estate.session() as session:
        body = get_body(session, "BIR")
        summary = summarise(session, body.id)
        draft = draft_response(session, body, reference="FOI-123", today=TODAY)
    rows = table_rows(draft)
    assert rows == {
        **{m.name: (m.cameras, m.recorders) for m in summary.makers},
        "Manufacturer not recorded": (summary.unidentified, 0),
    }
    cameras = sum(c for c, _ in rows.values())
    recorders = sum(r for _, r in rows.values())
    assert f"We hold records of {cameras} cameras and {recorders} recorder." in draft.text()
    assert recorders == 1
    assert "Freedom of Information Act 2000" in draft.text()
    assert "Information Commissioner's Office" in draft.text()
    assert re.search(r"Yes\. We use \d+ cameras and 1 recorder made by Hikvision", draft.text())


def test_locations_only_when_asked(estate):
    with estate.session() as session:
        body = get_body(session, "EDH")
        plain = draft_response(session, body, reference="R1", today=TODAY).text()
        with_sites = draft_response(
            session, body, reference="R1", include_locations=True, today=TODAY
        ).text()
    for site in ("Town Hall", "Depot", "Library"):
        assert site not in plain
        assert site in with_sites


def test_officer_chosen_grounds_use_the_law_of_the_body(estate):
    with estate.session() as session:
        scottish = get_body(session, "EDH")
        english = get_body(session, "BIR")
        text = draft_response(
            session, scottish, reference="R", withhold={"makers": "s31"}, today=TODAY
        ).text()
        assert "section 31(1) of the Freedom of Information (Scotland) Act 2002" in text
        assert "Scottish Information Commissioner" in text
        assert "We hold records of" not in text  # the withheld answer is not given
        english_text = draft_response(
            session, english, reference="R", withhold={"flagged": "s24"}, today=TODAY
        ).text()
        assert "section 24(1) of the Freedom of Information Act 2000" in english_text
        with pytest.raises(InputError, match="not a withholding ground offered under FOISA"):
            draft_response(session, scottish, reference="R", withhold={"makers": "s24"})
        with pytest.raises(InputError, match="cannot withhold"):
            draft_response(session, english, reference="R", withhold={"budget": "s24"})


def _words(text: str) -> list[str]:
    return re.sub(r"[|]", " ", text).split()


def test_docx_opens_and_pdf_has_the_same_text(estate, tmp_path):
    with estate.session() as session:
        draft = draft_response(session, get_body(session, "BIR"), reference="FOI-9", today=TODAY)
    docx_path = write_docx(draft, tmp_path / "reply.docx")
    pdf_path = write_pdf(draft, tmp_path / "reply.pdf")
    doc = Document(docx_path)
    docx_text = "\n".join(p.text for p in doc.paragraphs)
    docx_text += "\n" + "\n".join(
        " ".join(c.text for c in row.cells) for t in doc.tables for row in t.rows
    )
    pdf_text = "\n".join(page.extract_text() for page in PdfReader(pdf_path).pages)
    assert sorted(_words(pdf_text)) == sorted(_words(draft.text()))
    for line in draft.lines():
        for word in _words(line):
            assert word in docx_text


def test_the_same_draft_from_postgresql_and_sqlite(any_store, register, audit_devices):
    """The inventory path on the server database: same counts, same words."""
    from cctv_audit.registry import load_bundled_councils

    with any_store.session() as session:
        load_bundled_councils(session)
        body = get_body(session, "BIR")
        import_assets(session, body, register)
        merge_audit(session, body, audit_devices)
    with any_store.session() as session:
        body = get_body(session, "BIR")
        summary = summarise(session, body.id)
        text = draft_response(session, body, reference="FOI-123", today=TODAY).text()
    assert (
        summary.makers
        and f"We hold records of {sum(m.cameras for m in summary.makers) + summary.unidentified}"
        in text
    )
    assert re.search(r"Yes\. We use \d+ cameras and 1 recorder made by Hikvision", text)
