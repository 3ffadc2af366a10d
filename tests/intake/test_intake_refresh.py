"""`answers run` (intake.refresh): read stored replies against their letters, claims follow at once."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "findings"))
from findings_world import add_bodies, add_document, add_request, add_survey

from cctv_audit import findings, intake
from cctv_audit.answers.models import AnswerRecord
from cctv_audit.foi.models import Reply

LETTER = (
    "1. Which manufacturers make your CCTV cameras, and how many of each?\n"
    "2. Do you use any cameras made by Hikvision or Dahua?\n"
)


def _reply(session, survey, body, text, name):
    request = add_request(session, survey, body, dt.datetime(2026, 1, 5, 9), "response_received")
    request.letter = LETTER
    document = add_document(session, text, name)
    session.add(
        Reply(
            document_id=document.id,
            request_id=request.id,
            matched_by="token",
            received_at=dt.datetime(2026, 1, 20),
        )
    )
    session.flush()
    return document


def test_refresh_reads_against_the_letter_derives_claims_and_survives_bad_documents(any_store):
    with any_store.session() as session:
        bodies = add_bodies(session)
        survey = add_survey(session, "refresh")
        empty = add_document(session, "x", "empty.pdf")
        empty.text = ""  # read first, and refused by extraction: recorded, and the batch goes on
        numbered = _reply(
            session, survey, bodies["BDG"], "1. Bosch, 45 cameras\n2. No\n", "bdg.txt"
        )
        _reply(session, survey, bodies["BEN"], "We operate 20 Axis cameras.", "ben.txt")
        stray = add_document(
            session, "We operate 9 Hanwha cameras.", "stray.txt"
        )  # not matched to a request
        unread = add_document(session, "placeholder", "scan.pdf")
        unread.text = None  # text never extracted (needs OCR): not picked up
        session.flush()

        report = intake.refresh(session)
        assert [document_id for document_id, _ in report.failed] == [empty.id]
        assert (
            len(report.answers) == 3 and len(report.readings) == 2
        )  # the stray one: an answer, no claims
        answer = session.scalar(select(AnswerRecord).where(AnswerRecord.document_id == numbered.id))
        assert answer.manufacturers_in_use == ["Bosch"]
        assert sorted(answer.manufacturers_denied) == [
            "Dahua",
            "Hikvision",
        ]  # "2. No" read against the letter
        claims = {
            (c.body_id, c.maker_id, c.polarity)
            for c in findings.list_claims(session, survey_id=survey.id)
        }
        assert (bodies["BDG"].id, "bosch", "uses") in claims and (
            bodies["BDG"].id,
            "hikvision",
            "does_not_use",
        ) in claims
        assert (bodies["BEN"].id, "axis", "uses") in claims
        assert stray.id not in {c.answer_id for c in findings.list_claims(session)}

        assert intake.refresh(session).answers == []  # nothing new at this extractor version
        before = {c.id for c in findings.list_claims(session, survey_id=survey.id)}
        again = intake.refresh(session, redo=True)
        assert len(again.answers) == 3
        assert {
            c.id for c in findings.list_claims(session, survey_id=survey.id)
        } == before  # same claims, same ids
