"""The ready CCTV-manufacturer letter for English, Scottish and Welsh councils, and the WDTK batch sheet."""

from __future__ import annotations

import csv

import pytest

from cctv_audit.errors import SurveyError
from cctv_audit.foi import add_bodies, create_survey, get_survey, preview_letter
from cctv_audit.foi.wdtk import export_wdtk_batch
from cctv_audit.registry import get_body

REQUESTER = {
    "name": "Alex Researcher",
    "email": "alex@campaign.test",
    "organisation": "Open CCTV Project",
}


@pytest.fixture
def survey(councils):
    with councils.session() as session:
        return create_survey(
            session, "CCTV 2026", requester=REQUESTER, options={"welsh_note": True}
        ).id


def _letter(store, survey_id, body):
    with store.session() as session:
        return preview_letter(session, get_survey(session, survey_id), body)


def test_english_council_gets_foia_wording(councils, survey):
    letter = _letter(councils, survey, "Adur District Council")
    assert letter.law == "FOIA"
    assert letter.text.startswith("Dear Adur District Council,")
    assert "Freedom of Information Act 2000 (FOIA)" in letter.text
    assert "(Scotland)" not in letter.text and "Gymraeg" not in letter.text
    assert "section 12" in letter.text and "section 16" in letter.text
    assert letter.subject.startswith("Freedom of Information request: ")


def test_scottish_council_gets_foisa_wording(councils, survey):
    letter = _letter(councils, survey, "Aberdeen City Council")
    assert letter.law == "FOISA"
    assert "Freedom of Information (Scotland) Act 2002 (FOISA)" in letter.text
    assert (
        "section 15" in letter.text and "section 16" not in letter.text
    )  # advice and assistance differ
    assert letter.subject.startswith("Freedom of Information (Scotland) request: ")


def test_welsh_council_gets_foia_wording_and_the_welsh_note(councils, survey):
    letter = _letter(councils, survey, "Bridgend County Borough Council")
    assert letter.law == "FOIA"
    assert "Freedom of Information Act 2000" in letter.text
    assert "Gymraeg" in letter.text


def test_letter_asks_the_questions_and_avoids_cost_refusals(councils, survey):
    text = _letter(councils, survey, "Adur District Council").text
    assert "asset registers, contracts or maintenance records" in text
    assert "no physical inspection" in text
    for needle in (
        "1. The makes (manufacturers)",
        "2. The makes of the video recorders",
        "Hikvision or Dahua",
        "4. Whether you have any plan",
    ):
        assert needle in text
    assert text.rstrip().endswith("Open CCTV Project")


def test_preview_shows_the_real_reference_once_added(councils, survey):
    with councils.session() as session:
        [request] = add_bodies(session, get_survey(session, survey), [get_body(session, "ADU")])
        reference = request.reference
    letter = _letter(councils, survey, "ADU")
    assert f"[{reference}]" in letter.subject and reference in letter.text


def test_custom_template_file_and_strict_errors(councils, tmp_path):
    template = tmp_path / "mine.txt.j2"
    template.write_text(
        "To {{ body.name }} under {{ law.act }}: {{ questions | join('; ') }} {{ reference }}"
    )
    with councils.session() as session:
        survey = create_survey(
            session, "Mine", requester=REQUESTER, template=str(template), questions=["Q1?"]
        )
        letter = preview_letter(session, survey, "ABE")
        assert letter.text.startswith(
            "To Aberdeen City Council under Freedom of Information (Scotland) Act 2002: Q1?"
        )
        template.write_text("{{ no_such_thing }}")
        survey2 = create_survey(session, "Broken", requester=REQUESTER, template=str(template))
        with pytest.raises(SurveyError, match="failed to render"):
            preview_letter(session, survey2, "ABE")


def test_wdtk_batch_export(councils, survey, tmp_path):
    with councils.session() as session:
        target = get_survey(session, survey)
        add_bodies(session, target, [get_body(session, c) for c in ("ADU", "ABE", "BGE")])
        rows = export_wdtk_batch(session, target, tmp_path / "batch.csv")
    assert rows == 3
    records = list(csv.DictReader((tmp_path / "batch.csv").open(encoding="utf-8")))
    by_code = {r["body_code"]: r for r in records}
    assert by_code["ABE"]["law"] == "FOISA" and "(Scotland) Act 2002" in by_code["ABE"]["letter"]
    assert by_code["ADU"]["letter"].startswith("Dear Adur District Council,")
    assert all(r["wdtk_id"] for r in records)  # the bundled register carries WhatDoTheyKnow ids
