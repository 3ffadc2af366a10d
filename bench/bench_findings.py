"""Findings speed: a round asking all 397 councils, with replies, claims and reviews, on SQLite."""

from __future__ import annotations

import datetime as dt
import hashlib
import tempfile
import time
from pathlib import Path

from cctv_audit import findings, intake
from cctv_audit.answers.models import AnswerRecord
from cctv_audit.documents.models import Document
from cctv_audit.foi.models import Reply, Request, Survey
from cctv_audit.registry import Body, load_bundled_councils
from cctv_audit.store import open_store

TODAY = dt.date(2026, 3, 31)
# Every fifth body does not reply; the rest cycle through these answers.
ANSWERS = [
    ("disclosed", ["Hikvision", "Axis"], {"Hikvision": 40}, 0.95),
    ("disclosed", ["Dahua"], {}, 0.6),
    ("refused", [], {}, 0.9),
    ("not_held", [], {}, 0.9),
]


def _reply(session, request: Request, index: int) -> AnswerRecord:  # noqa: ANN001
    outcome, makers, counts, confidence = ANSWERS[index % len(ANSWERS)]
    text = f"{request.reference}: we use " + " and ".join(makers or ["nothing we can name"]) + "."
    document = Document(
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        filename="r.txt",
        media_type="text/plain",
        size=len(text),
        origin="email",
        status="extracted",
        text=text,
    )
    session.add(document)
    session.flush()
    session.add(
        Reply(document_id=document.id, request_id=request.id, received_at=dt.datetime(2026, 1, 20))
    )
    spans = [
        {
            "field": "in_use",
            "value": m,
            "start": text.index(m),
            "end": text.index(m) + len(m),
            "quote": m,
        }
        for m in makers
    ]
    answer = AnswerRecord(
        document_id=document.id,
        extractor_version="bench",
        outcome=outcome,
        exemptions=[],
        manufacturers_in_use=makers,
        manufacturers_denied=[],
        counts=counts,
        evidence=spans,
        confidence={"in_use": confidence},
        min_confidence=confidence,
        needs_review=confidence < 0.9,
    )
    session.add(answer)
    session.flush()
    return answer


def _build(session) -> tuple[int, int]:  # noqa: ANN001
    load_bundled_councils(session)
    survey = Survey(slug="bench", name="Bench round", template="cctv-manufacturers")
    session.add(survey)
    session.flush()
    replies = 0
    for index, body in enumerate(session.query(Body).order_by(Body.code)):
        request = Request(
            survey_id=survey.id,
            body_id=body.id,
            reference=f"B-{body.code}",
            law=body.regime,
            state="awaiting_response",
            sent_at=dt.datetime(2026, 1, 5),
            received_on=dt.date(2026, 1, 5),
        )
        session.add(request)
        session.flush()
        if index % 5:
            _reply(session, request, index)
            replies += 1
    return survey.id, replies


def _timed(fn) -> tuple[float, object]:  # noqa: ANN001
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def run() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db")
        with store.session() as session:
            survey_id, replies = _build(session)
            sync, _ = _timed(lambda: intake.rederive(session, survey_id=survey_id))
            findings.body_findings(session, survey_id, today=TODAY)  # warm the knowledge base
            rows, found = _timed(lambda: findings.body_findings(session, survey_id, today=TODAY))
            stats_time, stats = _timed(lambda: findings.statistics(session, survey_id, today=TODAY))
            explain_time, _ = _timed(
                lambda: findings.explain(session, "uses:hikvision", survey_id, today=TODAY)
            )
            queue_time, queue = _timed(
                lambda: findings.review_queue(session, survey_id=survey_id, limit=20)
            )
        store.dispose()
    return (
        "## Findings\n\n"
        f"A round asking {len(found)} councils, {replies} replies (`python -m bench findings`, SQLite):\n\n"
        "| step | time |\n|---|---|\n"
        f"| derive claims from {replies} answers (`intake.rederive`) | {sync:.2f} s |\n"
        f"| `body_findings` for the round | {rows:.2f} s |\n"
        f"| `statistics` ({len(stats.figures)} figures with breakdowns) | {stats_time:.2f} s |\n"
        f"| `explain uses:hikvision` ({stats.get('uses:hikvision').value} bodies with claims and evidence) "
        f"| {explain_time:.2f} s |\n"
        f"| `review_queue` (first {len(queue)}) | {queue_time:.2f} s |\n"
    )
