"""Publishing time and size: a synthetic survey of every bundled council, published as a site."""

from __future__ import annotations

import datetime as dt
import hashlib
import tempfile
import time
from pathlib import Path

from sqlalchemy import select

from cctv_audit.answers.models import AnswerRecord
from cctv_audit.documents.models import Document
from cctv_audit.findings import EvidenceInput, record_claim
from cctv_audit.foi.models import Reply, Request, Survey
from cctv_audit.publish import PublishOptions, export_survey, publish_site
from cctv_audit.registry import Body, load_bundled_councils
from cctv_audit.store import open_store

OUTCOMES = ("disclosed", "disclosed", "refused", "not_held", None)
MAKERS = ("Hikvision", "Axis", "Dahua", "Bosch")


def _reply(session, survey: Survey, body: Body, i: int) -> None:
    outcome = OUTCOMES[i % len(OUTCOMES)]
    request = Request(survey_id=survey.id, body_id=body.id, reference=f"B-{body.id}", law=body.regime,
                      state="successful" if outcome else "awaiting_response", sent_at=dt.datetime(2026, 3, 2, 9),
                      received_on=dt.date(2026, 3, 2))
    session.add(request)
    session.flush()
    if outcome is None:
        return
    maker = MAKERS[i % len(MAKERS)]
    text = f"{body.name}: we operate {10 + i} {maker} cameras." if outcome == "disclosed" else f"{body.name}: {outcome}."
    doc = Document(sha256=hashlib.sha256(text.encode()).hexdigest(), filename=f"{body.code}.txt",
                   media_type="text/plain", size=len(text), origin="file", status="extracted", text=text)
    session.add(doc)
    session.flush()
    session.add_all([Reply(document_id=doc.id, request_id=request.id, matched_by="token"),
                     AnswerRecord(document_id=doc.id, extractor_version="1", outcome=outcome)])
    if outcome == "disclosed":
        quote = f"{10 + i} {maker} cameras"
        start = text.index(quote)
        record_claim(session, body_id=body.id, manufacturer_id=maker, polarity="uses", device_count=10 + i,
                     as_of=dt.date(2026, 3, 20), origin="extraction", reviewed_by="bench", survey_id=survey.id,
                     request_id=request.id, evidence=[EvidenceInput.span(doc.id, start, start + len(quote), quote)])


def _world(store) -> int:
    with store.session() as session:
        load_bundled_councils(session)
        survey = Survey(slug="bench", name="Bench survey", questions=["Which makers?"], template="x", requester={})
        session.add(survey)
        session.flush()
        for i, body in enumerate(session.scalars(select(Body).order_by(Body.code))):
            _reply(session, survey, body, i)
        return survey.id


def _size(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def run() -> str:
    options = PublishOptions(today=dt.date(2026, 6, 30))
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.db")
        _world(store)
        start = time.perf_counter()
        result = publish_site(store, "bench", Path(tmp) / "site", options)
        published = time.perf_counter()
        export_survey(store, "bench", "sqlite", Path(tmp) / "x.db", options)
        exported = time.perf_counter()
        size = _size(result.out)
        store.dispose()
    return (
        "## Publish\n\n"
        f"A synthetic survey of all {sum(result.counts.values()) - result.counts['not_asked']} bodies asked "
        "(`python -m bench publish`).\n\n"
        "| step | figure |\n|---|---|\n"
        f"| publish the site ({result.pages} pages, {size:.1f} MB with data downloads) | {published - start:.2f} s |\n"
        f"| export the Datasette SQLite file | {exported - published:.2f} s |\n"
    )
