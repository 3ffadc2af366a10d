"""Real extraction of replies (answers.extract_answer) into claims, findings and figures."""

from __future__ import annotations

import datetime as dt

import pytest
from findings_world import add_bodies, add_document, add_request, add_survey

from cctv_audit import findings
from cctv_audit.answers.models import AnswerRecord
from cctv_audit.documents.models import Document
from cctv_audit.foi.models import Reply

answers = pytest.importorskip("cctv_audit.answers")
if not hasattr(answers, "extract_answer"):
    pytest.skip("answers.extract_answer is not available yet", allow_module_level=True)

REPLIES = {
    "BDG": "Dear requester,\n\nThe Council operates 12 Hikvision cameras at the depot. "
    "We do not use Dahua equipment.\n\nYours sincerely,\nFOI Team\n",
    "BEN": "Dear requester,\n\nWe are withholding this information under section 24(1) of the Freedom of "
    "Information Act 2000 (national security).\n\nYours sincerely\n",
    "BEX": "Dear requester,\n\nThe Council does not hold any information within the scope of your request.\n",
}


def _save(session, document: Document) -> AnswerRecord:
    """answers.save_answer when it exists; until then the same row written here."""
    answer = answers.extract_answer(document.text, document_id=document.id)
    if hasattr(answers, "save_answer"):
        return answers.save_answer(session, document.id, answer)
    record = AnswerRecord(
        document_id=document.id,
        extractor_version=answers.EXTRACTOR_VERSION,
        outcome=answer.outcome,
        exemptions=answer.exemptions,
        manufacturers_in_use=answer.manufacturers_in_use,
        manufacturers_denied=answer.manufacturers_denied,
        counts=answer.counts,
        total_cameras=answer.total_cameras,
        evidence=[e.model_dump() for e in answer.evidence],
        confidence=answer.confidence,
        min_confidence=min(answer.confidence.values(), default=1.0),
        needs_review=answer.needs_review,
    )
    session.add(record)
    session.flush()
    return record


def test_extracted_replies_become_claims_with_quoted_evidence(any_store):

    with any_store.session() as session:
        bodies = add_bodies(session)
        survey = add_survey(session, "extraction")
        for code, text in REPLIES.items():
            request = add_request(
                session, survey, bodies[code], dt.datetime(2026, 1, 5, 9), "awaiting_response"
            )
            document = add_document(session, text, f"{code}.txt")
            session.add(
                Reply(
                    document_id=document.id,
                    request_id=request.id,
                    matched_by="token",
                    received_at=dt.datetime(2026, 1, 20),
                )
            )
            session.flush()
            findings.claims_from_answer(session, _save(session, document))
        rows = {
            f.body_code: f
            for f in findings.body_findings(session, survey.id, today=dt.date(2026, 3, 1))
        }
        claims = [
            findings.claim_view(c) for c in findings.list_claims(session, survey_id=survey.id)
        ]
        documents = {d.id: d.text for d in session.query(Document)}
    assert (rows["BDG"].status, rows["BEN"].status, rows["BEX"].status) == (
        "answered",
        "refused",
        "not_held",
    )
    assert rows["BEN"].exemptions == ["FOIA s24"]
    assert rows["BEN"].makers == [] and rows["BEX"].makers == []
    uses = [c for c in claims if c.polarity == "uses"]
    assert [(c.body_id, c.maker_id, c.device_count) for c in uses] == [
        (bodies["BDG"].id, "hikvision", 12)
    ]
    for claim in claims:
        assert claim.evidence, claim
        for evidence in claim.evidence:
            assert documents[evidence.document_id][evidence.start : evidence.end] == evidence.quote
    assert any("Hikvision" in e.quote for e in uses[0].evidence)
