"""A fixture survey for the publish tests: two rounds, every kind of outcome, real reply documents.

Round 2 (``cctv-2026``), as of 2026-06-30:

- LDS Leeds: disclosed, 56 Hikvision + 10 Axis, reviewed by a person  -> flagged
- BIR Birmingham: disclosed Axis, states it does not use Hikvision     -> other makers only
- KEN Kent County Council (no hex): 12 Dahua, confident extraction     -> flagged (not person-reviewed: draft)
- WSM Westminster: Hikvision, extraction flagged for review             -> unclear
- GLG Glasgow: refused under FOISA s31                                  -> refused
- CRF Cardiff: not held                                                 -> not held
- MAN Manchester: answered, but names no maker                           -> answered, no maker named
- BFS Belfast: sent, no reply, overdue                                  -> no reply

Round 1 (``cctv-2025``): LDS and BIR both confirmed Hikvision users (so BIR "replaced").
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from cctv_audit.answers.models import AnswerRecord
from cctv_audit.documents.models import Document
from cctv_audit.findings import EvidenceInput, record_claim
from cctv_audit.foi.models import Reply, Request, RequestEvent, Survey
from cctv_audit.registry import get_body

TODAY = dt.date(2026, 6, 30)
REQUESTER = {
    "name": "Jane Smith",
    "email": "jane.smith@example.org",
    "address": "1 Mill Lane, Leeds LS1 1AA",
}


@dataclass
class Reply_:
    code: str
    text: str
    outcome: str
    state: str
    exemptions: tuple[str, ...] = ()


REPLIES = [
    Reply_(
        "LDS",
        "Dear Ms Smith,\nThe council operates 56 Hikvision cameras and 10 Axis cameras.\n"
        "Contact jane.smith@example.org",
        "disclosed",
        "successful",
    ),
    Reply_(
        "BIR",
        "Dear Requester,\nOur CCTV cameras are made by Axis. We do not use Hikvision.",
        "disclosed",
        "successful",
    ),
    Reply_("KEN", "We hold 12 Dahua cameras at our depots.", "disclosed", "successful"),
    Reply_(
        "WSM",
        "Some cameras may be from Hikvision, we are checking.",
        "disclosed",
        "response_received",
    ),
    Reply_(
        "GLG",
        "We refuse this request under section 31 of FOISA.",
        "refused",
        "refused",
        ("FOISA s31",),
    ),
    Reply_("CRF", "The information is not held by the council.", "not_held", "not_held"),
    Reply_(
        "MAN",
        "The council operates 140 public space cameras; their manufacturers are not recorded.",
        "disclosed",
        "successful",
    ),
]


def _document(store, session, name: str, text: str) -> Document:
    data = text.encode()
    sha = hashlib.sha256(data).hexdigest()
    originals = store.data_dir / "originals"
    originals.mkdir(parents=True, exist_ok=True)
    (originals / sha).write_bytes(data)
    doc = Document(
        sha256=sha,
        filename=name,
        media_type="text/plain",
        size=len(data),
        origin="file",
        origin_ref=name,
        status="extracted",
        text=text,
    )
    session.add(doc)
    session.flush()
    return doc


def _span(doc: Document, quote: str) -> EvidenceInput:
    start = doc.text.index(quote)
    return EvidenceInput.span(doc.id, start, start + len(quote), quote)


def _survey(session, slug: str, name: str, previous_id: int | None = None) -> Survey:
    survey = Survey(
        slug=slug,
        name=name,
        questions=[
            "Which manufacturers made your CCTV cameras?",
            "How many cameras of each manufacturer?",
        ],
        template="cctv-manufacturers",
        requester=REQUESTER,
        previous_id=previous_id,
    )
    session.add(survey)
    session.flush()
    return survey


def _request(session, survey: Survey, body, sent: dt.datetime, state: str) -> Request:
    request = Request(
        survey_id=survey.id,
        body_id=body.id,
        reference=f"CCTV-{survey.id}{body.code}",
        law=body.regime,
        state=state,
        sent_at=sent,
        received_on=sent.date(),
    )
    session.add(request)
    session.flush()
    session.add(
        RequestEvent(
            request_id=request.id, at=sent, actor="editor", from_state="draft", to_state="sent"
        )
    )
    return request


def _claim(session, body, doc, quote, maker, polarity="uses", count=None, **extra):
    return record_claim(
        session,
        body_id=body.id,
        manufacturer_id=maker,
        polarity=polarity,
        device_count=count,
        as_of=extra.pop("as_of", TODAY),
        origin=extra.pop("origin", "extraction"),
        evidence=[_span(doc, quote)],
        original_wording=quote,
        **extra,
    )


def _round_one(store, session) -> Survey:
    survey = _survey(session, "cctv-2025", "CCTV makers 2025")
    for code in ("LDS", "BIR"):
        body = get_body(session, code)
        request = _request(session, survey, body, dt.datetime(2025, 3, 3, 9), "successful")
        doc = _document(
            store,
            session,
            f"{code}-2025.txt",
            f"{body.name}: we use Hikvision cameras across the city.",
        )
        session.add(Reply(document_id=doc.id, request_id=request.id, matched_by="token"))
        session.add(AnswerRecord(document_id=doc.id, extractor_version="1", outcome="disclosed"))
        _claim(
            session,
            body,
            doc,
            "Hikvision",
            "Hikvision",
            survey_id=survey.id,
            request_id=request.id,
            reviewed_by="editor",
            as_of=dt.date(2025, 3, 20),
        )
    return survey


def _reply_claims(session, reply: Reply_, body, doc, common: dict) -> None:
    if reply.code == "LDS":
        _claim(
            session,
            body,
            doc,
            "56 Hikvision cameras",
            "Hikvision",
            count=56,
            reviewed_by="editor",
            **common,
        )
        _claim(
            session, body, doc, "10 Axis cameras", "Axis", count=10, reviewed_by="editor", **common
        )
    elif reply.code == "BIR":
        _claim(session, body, doc, "made by Axis", "Axis", reviewed_by="editor", **common)
        _claim(
            session,
            body,
            doc,
            "We do not use Hikvision",
            "Hikvision",
            "does_not_use",
            reviewed_by="editor",
            **common,
        )
    elif reply.code == "KEN":
        _claim(session, body, doc, "12 Dahua cameras", "Dahua", count=12, confidence=0.99, **common)
    elif reply.code == "WSM":
        _claim(
            session,
            body,
            doc,
            "from Hikvision",
            "Hikvision",
            confidence=0.5,
            needs_review=True,
            **common,
        )


def build_fixture_survey(store) -> dict[str, int]:
    """Create both rounds; returns the survey ids by slug."""
    with store.session() as session:
        first = _round_one(store, session)
        survey = _survey(session, "cctv-2026", "CCTV makers 2026", previous_id=first.id)
        for reply in REPLIES:
            body = get_body(session, reply.code)
            request = _request(session, survey, body, dt.datetime(2026, 3, 2, 9), reply.state)
            doc = _document(store, session, f"{reply.code}-reply.txt", reply.text)
            session.add(
                Reply(
                    document_id=doc.id,
                    request_id=request.id,
                    matched_by="token",
                    received_at=dt.datetime(2026, 3, 16, 14),
                )
            )
            session.add(
                AnswerRecord(
                    document_id=doc.id,
                    extractor_version="1",
                    outcome=reply.outcome,
                    exemptions=list(reply.exemptions),
                )
            )
            session.flush()
            _reply_claims(
                session, reply, body, doc, {"survey_id": survey.id, "request_id": request.id}
            )
        _request(
            session,
            survey,
            get_body(session, "BFS"),
            dt.datetime(2026, 3, 2, 9),
            "awaiting_response",
        )
        return {"cctv-2025": first.id, "cctv-2026": survey.id}
