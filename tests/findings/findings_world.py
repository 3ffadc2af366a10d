"""A survey world for the findings tests: 40 bodies in four nations, every outcome, two rounds.

Each body gets a scenario letter (see SCENARIOS). Replies are real text documents; their
answers are stored as ``answers`` rows whose spans point into that text, exactly as the
extractor stores them, so the expected statistics can be stated by hand.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from cctv_audit.answers.models import AnswerRecord
from cctv_audit.documents.models import Document
from cctv_audit.foi.models import Reply, Request, Survey
from cctv_audit.registry import Body, BodyRecord, iter_bundled_councils, upsert_bodies

LBO = ["BDG", "BEN", "BEX", "BNE", "BRY", "CMD", "CRY", "EAL"]
SCO = ["ABD", "ABE", "AGB", "ANS", "CLK", "DGY", "DND", "EAY"]
WPA = ["AGY", "BGE", "BGW", "CAY", "CGN", "CMN"]
NID = ["ABC", "AND", "ANN", "BFS"]
ENG = ["ADU", "AMB", "ARU", "ASF", "ASH", "BAB", "BAE", "BAI", "BAN", "BLA"]
POLICE = [
    ("POL-KENT", "Kent Police", "England"),
    ("POL-DYFED", "Dyfed-Powys Police", "Wales"),
    ("POL-SCOT", "Police Scotland", "Scotland"),
    ("POL-SUFFOLK", "Suffolk Police", "England"),
]

#: Round 1 scenario per body code, in the order of the lists above.
ROUND1 = dict(
    zip(
        LBO + SCO + WPA + NID + ENG + [p[0] for p in POLICE],
        "AAGKCEMI" + "ABCDEFLG" + "ADHEJP" + "ACEF" + "ABGDECMFIA" + "CHAE",
        strict=True,
    )
)
SENT_R1 = dt.datetime(2026, 1, 5, 9, 0)
TODAY_R1 = dt.date(2026, 3, 31)
SENT_R2 = dt.datetime(2027, 3, 1, 9, 0)
TODAY_R2 = dt.date(2027, 6, 1)


@dataclass
class Reply_:
    text: str
    outcome: str
    in_use: list[str] = field(default_factory=list)
    denied: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    exemptions: list[str] = field(default_factory=list)
    confidence: float = 0.95
    needs_review: bool = False
    #: Makers the extractor quoted (by default every maker in use or denied).
    quoted: list[str] | None = None


def _refusal(nation: str) -> Reply_:
    if nation == "Scotland":
        return Reply_(
            "We refuse this request under section 35 of FOISA (law enforcement).",
            "refused",
            exemptions=["FOISA s35"],
        )
    return Reply_(
        "The information is exempt under sections 24 and 31 of the Freedom of Information Act.",
        "refused",
        exemptions=["FOIA s24", "FOIA s31"],
    )


def scenario_reply(letter: str, nation: str) -> Reply_ | None:
    """The reply a body with this scenario sends in round 1 (None: no reply)."""
    replies = {
        "A": Reply_(
            "Our estate has 56 Hikvision cameras and 10 Axis cameras.",
            "disclosed",
            ["Hikvision", "Axis"],
            counts={"Hikvision": 56, "Axis": 10},
        ),
        "B": Reply_(
            "Some of the recorders may be Dahua units, we believe.",
            "disclosed",
            ["Dahua"],
            confidence=0.6,
            needs_review=True,
        ),
        "D": Reply_("The council does not hold this information.", "not_held"),
        "G": Reply_(
            "We do not use Hikvision or Dahua products; our cameras are Bosch.",
            "disclosed",
            ["Bosch"],
            denied=["Hikvision", "Dahua"],
        ),
        "H": Reply_(
            "We can neither confirm nor deny whether we hold this information (section 24).",
            "neither_confirm_nor_deny",
            exemptions=["FOIA s24"],
        ),
        "I": Reply_(
            "Thank you for your request, which we received and will answer in due course.", "other"
        ),
        # The extractor gets this one wrong: the cameras were replaced (reviewers correct it).
        "K": Reply_(
            "We replaced our Hikvision cameras in 2023 with Axis cameras.",
            "disclosed",
            ["Hikvision"],
            confidence=0.92,
            quoted=["Hikvision"],
        ),
        "L": Reply_(
            "The car park cameras are Uniview.",
            "disclosed",
            ["Uniview"],
            confidence=0.7,
            needs_review=True,
        ),
        "M": Reply_(
            "Cameras are supplied by Hikvision; locations are withheld under section 31.",
            "partially_disclosed",
            ["Hikvision"],
            exemptions=["FOIA s31"],
        ),
        "P": Reply_(
            "Our CCTV is made by Hikvision.", "disclosed", ["Hikvision"], confidence=0.99, quoted=[]
        ),
    }
    if letter == "C":
        return _refusal(nation)
    return replies.get(letter)


def add_bodies(session) -> dict[str, Body]:
    wanted = set(LBO + SCO + WPA + NID + ENG)
    upsert_bodies(session, [r for r in iter_bundled_councils() if r.code in wanted])
    upsert_bodies(
        session,
        [
            BodyRecord(
                code=code,
                name=name,
                short_name=name,
                nation=nation,
                body_type="police",
                body_type_name="Police force",
                regime="FOISA" if nation == "Scotland" else "FOIA",
                source="test",
            )
            for code, name, nation in POLICE
        ],
    )
    session.flush()
    return {b.code: b for b in session.query(Body).all()}


def add_survey(session, slug: str, previous_id: int | None = None) -> Survey:
    survey = Survey(
        slug=slug,
        name=f"CCTV makers {slug}",
        template="cctv-manufacturers",
        previous_id=previous_id,
    )
    session.add(survey)
    session.flush()
    return survey


def add_request(
    session, survey: Survey, body: Body, sent: dt.datetime | None, state: str
) -> Request:
    request = Request(
        survey_id=survey.id,
        body_id=body.id,
        reference=f"CCTV-{survey.id}-{body.code}",
        law=body.regime,
        state=state,
        sent_at=sent,
        received_on=sent.date() if sent else None,
    )
    session.add(request)
    session.flush()
    return request


def add_document(session, text: str, filename: str, *, parent_id: int | None = None) -> Document:
    """A stored document whose extracted text is ``text`` (an email, or an attachment of ``parent_id``)."""
    document = Document(
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        filename=filename,
        parent_id=parent_id,
        media_type="text/plain",
        size=len(text.encode()),
        origin="attachment" if parent_id else "email",
        status="extracted",
        text=text,
    )
    session.add(document)
    session.flush()
    return document


def add_reply(session, request: Request, reply: Reply_, received: dt.datetime) -> AnswerRecord:
    """Store the reply text as a document tied to the request, and its extracted answer."""
    text = f"Reference {request.reference}\n{reply.text}\n"
    document = add_document(session, text, f"{request.reference}.txt")
    session.add(
        Reply(
            document_id=document.id, request_id=request.id, matched_by="token", received_at=received
        )
    )
    request.responded_on = received.date()
    answer = AnswerRecord(
        document_id=document.id,
        extractor_version="test-1",
        outcome=reply.outcome,
        exemptions=reply.exemptions,
        manufacturers_in_use=reply.in_use,
        manufacturers_denied=reply.denied,
        counts=reply.counts,
        total_cameras=None,
        evidence=_spans(text, reply, document.id),
        confidence={"in_use": reply.confidence},
        min_confidence=reply.confidence,
        needs_review=reply.needs_review,
    )
    session.add(answer)
    session.flush()
    return answer


def _spans(text: str, reply: Reply_, document_id: int) -> list[dict]:
    quoted = reply.in_use + reply.denied if reply.quoted is None else reply.quoted
    spans = []
    for name in quoted:
        start = text.index(name)
        kind = "in_use" if name in reply.in_use else "denied"
        spans.append(
            {
                "field": kind,
                "value": name,
                "manufacturer_id": name.lower(),
                "start": start,
                "end": start + len(name),
                "quote": name,
                "document_id": document_id,
            }
        )
    return spans


def build_round1(session) -> tuple[Survey, dict[str, Body], dict[str, AnswerRecord]]:
    """Round 1: 40 bodies; returns the survey, bodies by code and answers by body code."""
    from cctv_audit.findings import claims_from_answer

    bodies = add_bodies(session)
    survey = add_survey(session, "round-1")
    answers = {}
    for code, letter in ROUND1.items():
        body = bodies[code]
        sent = {"J": None, "F": dt.datetime(2026, 3, 20, 9, 0)}.get(letter, SENT_R1)
        state = "draft" if letter == "J" else "awaiting_response"
        request = add_request(session, survey, body, sent, state)
        reply = scenario_reply(letter, body.nation)
        if reply is not None:
            answers[code] = add_reply(session, request, reply, dt.datetime(2026, 1, 28, 12, 0))
            claims_from_answer(session, answers[code])
    return survey, bodies, answers


def add_audit_claim(session, bodies: dict[str, Body]):
    """Antrim and Newtownabbey's (ANN) network audit saw 3 Hikvision devices on 1 Feb 2026 (it never replied)."""
    from cctv_audit.findings import EvidenceInput, record_claim

    return record_claim(
        session,
        body_id=bodies["ANN"].id,
        manufacturer_id="Hikvision",
        polarity="uses",
        device_count=3,
        as_of=dt.date(2026, 2, 1),
        origin="audit",
        original_wording="DS-2CD2143G0-I",
        evidence=[EvidenceInput.observation(7, kind="device", quote="DS-2CD2143G0-I")],
    )
