"""The same reply as PDF, DOCX, XLSX, EML and HTML gives the same answer as the .txt."""

from __future__ import annotations

import json
from email.message import EmailMessage
from html import escape
from pathlib import Path

import pytest

from cctv_audit.answers import evaluate, extract_answer, extract_path
from cctv_audit.errors import InputError

CORPUS = Path(__file__).resolve().parent / "corpus"
PREFIXES = [
    "disclosed-list",
    "disclosed-state",
    "sums-case",
    "refused-security",
    "past-use",
    "yes-no-both",
    "not-held",
    "partial-locations",
]


def _first(prefix: str) -> str:
    """The first corpus case of a scenario (case ids end with the layout, which the generator picks)."""
    return min(p.stem for p in CORPUS.glob(f"{prefix}-*.txt"))


CASES = [_first(p) for p in PREFIXES]
TABLE_CASES = sorted(p.stem for p in CORPUS.glob("table-case-*.txt"))[:2]


def _lines(case_id: str) -> list[str]:
    text = (CORPUS / f"{case_id}.txt").read_text(encoding="utf-8")
    lines = text.splitlines()
    return lines[1:] if lines and lines[0].startswith("SOURCE:") else lines


def _key(answer) -> dict:
    return {
        "outcome": answer.outcome,
        "in_use": answer.manufacturers_in_use,
        "denied": answer.manufacturers_denied,
        "counts": answer.counts,
        "exemptions": sorted(answer.exemptions),
    }


def _labels(case_id: str) -> dict:
    data = json.loads((CORPUS / f"{case_id}.json").read_text(encoding="utf-8"))
    return {"in_use": data["manufacturers_in_use"], "counts": data["counts"]}


def write_pdf(lines: list[str], path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for line in lines:
        safe = line.encode("latin-1", "replace").decode("latin-1")
        pdf.multi_cell(0, 5, safe or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))


def write_docx(lines: list[str], path: Path) -> None:
    import docx

    document = docx.Document()
    for line in lines:
        if " | " in line:
            cells = line.split(" | ")
            table = document.add_table(rows=1, cols=len(cells))
            for cell, value in zip(table.rows[0].cells, cells):
                cell.text = value
        elif line.strip():
            document.add_paragraph(line)
    document.save(str(path))


def write_html(lines: list[str], path: Path) -> None:
    body = []
    for line in lines:
        if line.strip():
            body.append(f"<p>{escape(line)}</p>")
    path.write_text(
        f"<html><head><title>FOI response</title></head><body>{''.join(body)}</body></html>",
        encoding="utf-8",
    )


def write_eml(lines: list[str], path: Path) -> None:
    message = EmailMessage()
    message["From"] = "foi@council.example.gov.uk"
    message["To"] = "request-1234-abcd@whatdotheyknow.com"
    message["Subject"] = "Freedom of Information request - CCTV"
    message["Message-ID"] = "<reply-1@council.example.gov.uk>"
    message.set_content("\n".join(lines))
    path.write_bytes(bytes(message))


WRITERS = {".pdf": write_pdf, ".docx": write_docx, ".html": write_html, ".eml": write_eml}


@pytest.mark.parametrize("suffix", sorted(WRITERS))
@pytest.mark.parametrize("case_id", CASES)
def test_same_answer_from_every_format(tmp_path: Path, case_id: str, suffix: str):
    lines = _lines(case_id)
    path = tmp_path / f"{case_id}{suffix}"
    WRITERS[suffix](lines, path)
    expected = _key(extract_answer((CORPUS / f"{case_id}.txt").read_text(encoding="utf-8")))
    assert _key(extract_path(path)) == expected


@pytest.mark.parametrize("case_id", TABLE_CASES)
def test_a_spreadsheet_of_cameras_gives_makers_and_counts(tmp_path: Path, case_id: str):
    import openpyxl

    rows = [line.split(" | ") for line in _lines(case_id) if " | " in line]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "CCTV cameras"
    for row in rows:
        sheet.append([int(c) if c.isdigit() else c for c in row])
    path = tmp_path / f"{case_id}.xlsx"
    workbook.save(str(path))
    answer = extract_path(path)
    assert {"in_use": answer.manufacturers_in_use, "counts": answer.counts} == _labels(case_id)
    assert answer.outcome == "disclosed"


def test_eval_scores_replies_in_the_formats_they_came_in(tmp_path: Path):
    """A folder of labelled PDFs, DOCX, HTML pages and e-mails scores like the same replies as text."""
    as_text, as_files = tmp_path / "text", tmp_path / "files"
    as_text.mkdir()
    as_files.mkdir()
    for case_id, suffix in zip(CASES, sorted(WRITERS) * 2, strict=False):
        labels = (CORPUS / f"{case_id}.json").read_text(encoding="utf-8")
        for folder in (as_text, as_files):
            (folder / f"{case_id}.json").write_text(labels, encoding="utf-8")
        (as_text / f"{case_id}.txt").write_text("\n".join(_lines(case_id)), encoding="utf-8")
        WRITERS[suffix](_lines(case_id), as_files / f"{case_id}{suffix}")
    from_text, from_files = evaluate(as_text).to_dict(), evaluate(as_files).to_dict()
    assert from_files["cases"] == len(CASES)
    for figure in ("outcome_accuracy", "counts_exact", "in_use", "denied", "exemptions"):
        assert from_files[figure] == from_text[figure], figure
    assert from_files["outcome_accuracy"] == 1.0


def test_eval_names_labels_without_a_reply_and_a_reply_without_labels(tmp_path: Path):
    (tmp_path / "lonely.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InputError) as missing_reply:
        evaluate(tmp_path)
    assert "lonely.json" in str(missing_reply.value) and "lonely.txt" in str(missing_reply.value)
    (tmp_path / "lonely.json").unlink()
    (tmp_path / "unlabelled.txt").write_text("We use Axis cameras.", encoding="utf-8")
    with pytest.raises(InputError) as missing_labels:
        evaluate(tmp_path)
    assert "unlabelled.json" in str(missing_labels.value)
