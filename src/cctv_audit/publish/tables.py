"""The published tables: one list of plain rows per table, shared by every export format.

Rows hold plain values (text, int, float, bool, None, lists/dicts); each writer turns
them into its format. Bookkeeping timestamps (``created_at``...) are left out: two
stores holding the same facts publish the same bytes. Redaction and the
reviewed-only option were applied when the report was built, and are applied here
to quotes and document text too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from cctv_audit.answers.models import AnswerRecord
from cctv_audit.foi.models import Request
from cctv_audit.publish.categories import CATEGORY_BY_KEY
from cctv_audit.publish.report import Report, person_reviewed
from cctv_audit.registry import Body


@dataclass
class Table:
    """One published table: its rows, primary key, foreign keys and what it means."""

    name: str
    title: str
    description: str
    columns: list[str]
    rows: list[dict[str, Any]]
    pk: str = "id"
    #: column -> (other table, its column)
    foreign_keys: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: column -> description (for Datasette's metadata.json)
    column_notes: dict[str, str] = field(default_factory=dict)


def _iso(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _table(name: str, title: str, description: str, rows: list[dict], **extra: Any) -> Table:
    columns = list(rows[0]) if rows else list(extra.pop("columns", []))
    extra.pop("columns", None)
    return Table(name, title, description, columns, [{k: _iso(v) for k, v in r.items()} for r in rows], **extra)


def surveys_table(report: Report) -> Table:
    s = report.survey
    rows = [] if s is None else [{
        "id": s.id, "slug": s.slug, "name": s.name, "questions": s.questions, "template": s.template,
        "previous_id": s.previous[0] if s.previous else None, "requester": s.requester,
        "first_sent": s.first_sent, "last_sent": s.last_sent,
    }]
    return _table("surveys", "Survey rounds", "The survey round published: its questions and dates.", rows,
                  columns=["id", "slug", "name", "questions", "template", "previous_id", "requester",
                           "first_sent", "last_sent"])


def bodies_table(session: Session, report: Report) -> Table:
    rows = []
    for entry in sorted(report.bodies, key=lambda b: b.finding.body_id):
        body = session.get(Body, entry.finding.body_id)
        f = entry.finding
        rows.append({
            "id": body.id, "code": body.code, "name": body.name, "nation": body.nation, "region": body.region,
            "body_type": body.body_type, "body_type_name": body.body_type_name, "regime": body.regime,
            "gss_code": body.gss_code, "wdtk_id": body.wdtk_id, "population": body.population,
            "parent_code": body.parent_code, "website": body.website, "foi_email": body.foi_email,
            "status": f.status, "outcome": f.outcome, "exemptions": list(f.exemptions),
            "category": entry.category, "category_label": CATEGORY_BY_KEY[entry.category].label,
            "flagged": f.flagged, "total_cameras": f.total_cameras, "page": entry.page,
        })
    return _table("bodies", "Public bodies", "Each body in the report, with its reply status and map category.",
                  rows, column_notes={
                      "status": "answered, refused, not_held, unclear, overdue, no_reply, not_sent; outside rounds "
                                "from published disclosures, else not_surveyed (findings)",
                      "category": "The map category (see the report's key)",
                      "flagged": "A confirmed claim says the body uses a flagged maker (counted in uses_flagged). "
                                 + report.statistics.flagged_definition,
                      "gss_code": "ONS GSS code: the hex of the map"})


def requests_table(session: Session, report: Report) -> Table:
    by_id = {b.finding.request_id: b for b in report.bodies if b.finding.request_id}
    rows = []
    for request in session.scalars(select(Request).where(Request.id.in_(sorted(by_id))).order_by(Request.id)):
        f = by_id[request.id].finding
        rows.append({
            "id": request.id, "survey_id": request.survey_id, "body_id": request.body_id,
            "reference": request.reference, "law": request.law, "state": request.state,
            "sent_at": request.sent_at, "received_on": request.received_on, "due_on": f.due_on,
            "responded_on": request.responded_on, "status": f.status,
        })
    return _table("requests", "FOI requests", "One request per body: dates, law, deadline and state.", rows,
                  columns=["id", "survey_id", "body_id", "reference", "law", "state", "sent_at", "received_on",
                           "due_on", "responded_on", "status"],
                  foreign_keys={"survey_id": ("surveys", "id"), "body_id": ("bodies", "id")},
                  column_notes={"due_on": "Statutory deadline: 20 working days (FOIA s10, FOISA s10)"})


def documents_table(report: Report) -> Table:
    rows = [{
        "id": d.id, "sha256": d.sha256, "filename": d.filename, "media_type": d.media_type, "size": d.size,
        "origin": d.origin, "source_url": d.source_url, "text": d.text,
    } for d in sorted(report.documents.values(), key=lambda d: d.id)]
    note = " Requester's personal data blocked out." if report.options.redact else ""
    return _table("documents", "Reply documents", "Replies and published sources quoted as evidence, with their "
                  "extracted text." + note, rows,
                  columns=["id", "sha256", "filename", "media_type", "size", "origin", "source_url", "text"])


def answers_table(session: Session, report: Report) -> Table:
    ids = sorted({a for b in report.bodies for a in b.finding.answer_ids})
    rows = [{
        "id": a.id, "document_id": a.document_id, "extractor_version": a.extractor_version, "outcome": a.outcome,
        "exemptions": a.exemptions, "manufacturers_in_use": a.manufacturers_in_use,
        "manufacturers_denied": a.manufacturers_denied, "counts": a.counts, "total_cameras": a.total_cameras,
        "min_confidence": a.min_confidence, "needs_review": a.needs_review,
    } for a in session.scalars(select(AnswerRecord).where(AnswerRecord.id.in_(ids)).order_by(AnswerRecord.id))]
    return _table("answers", "Extracted answers", "What each reply answered, as extracted by the tool (before "
                  "review; reviewed values are in claims).", rows,
                  columns=["id", "document_id", "extractor_version", "outcome", "exemptions",
                           "manufacturers_in_use", "manufacturers_denied", "counts", "total_cameras",
                           "min_confidence", "needs_review"],
                  foreign_keys={"document_id": ("documents", "id")})


def _claims(report: Report) -> list[Any]:
    return sorted((c for b in report.bodies for c in b.claims), key=lambda c: c.id)


def _flagged_makers(report: Report) -> set[str]:
    return {m.maker_id for b in report.bodies for m in b.finding.makers if m.flagged}


def claims_table(report: Report) -> Table:
    redact = report.redactor
    flagged = _flagged_makers(report)
    rows = [{
        "id": c.id, "body_id": c.body_id, "body_name": c.body_name, "manufacturer_id": c.manufacturer_id,
        "maker_id": c.maker_id, "maker_name": c.maker_name, "flagged": c.maker_id in flagged,
        "polarity": c.polarity, "device_count": c.device_count, "as_of": c.as_of, "origin": c.origin,
        "original_wording": redact(c.original_wording) if redact else c.original_wording,
        "survey_id": c.survey_id, "request_id": c.request_id, "answer_id": c.answer_id,
        "confidence": c.confidence, "confirmed": c.confirmed, "needs_review": c.needs_review,
        "reviewed_by_person": person_reviewed(c), "status": c.status,
    } for c in _claims(report)]
    return _table("claims", "Claims", "\"Body B uses (or does not use) maker M (N devices) as of D\", each backed "
                  "by evidence. Only confirmed claims count in the report's 'at least' figures.", rows,
                  columns=["id", "body_id", "maker_id", "flagged", "polarity", "device_count", "as_of", "confirmed"],
                  foreign_keys={"body_id": ("bodies", "id"), "maker_id": ("manufacturers", "id"),
                                "request_id": ("requests", "id"), "answer_id": ("answers", "id")},
                  column_notes={"confirmed": "Counted in 'at least' figures (see the methodology)",
                                "flagged": "The claim's maker is flagged. " + report.statistics.flagged_definition,
                                "polarity": "uses or does_not_use"})


def evidence_table(report: Report) -> Table:
    redact = report.redactor
    rows = [{
        "id": e.id, "claim_id": c.id, "kind": e.kind, "document_id": e.document_id, "start": e.start,
        "end": e.end, "quote": redact(e.quote) if redact else e.quote, "url": e.url, "title": e.title,
        "published_on": e.published_on, "observation_kind": e.observation_kind,
        "observation_id": e.observation_id, "note": e.note,
    } for c in _claims(report) for e in c.evidence]
    rows.sort(key=lambda r: r["id"])
    return _table("evidence", "Evidence", "Why each claim is believed: a quoted passage of a document (start/end "
                  "are character offsets in its text), a published URL, or an audit observation.", rows,
                  columns=["id", "claim_id", "kind", "document_id", "start", "end", "quote", "url"],
                  foreign_keys={"claim_id": ("claims", "id"), "document_id": ("documents", "id")})


def manufacturers_table(report: Report) -> Table:
    rows = []
    for maker in sorted(report.makers, key=lambda m: m.facts.id):
        facts = maker.facts
        rows.append({
            "id": facts.id, "name": facts.name, "country": facts.country, "kind": facts.kind,
            "state_linked": facts.state_linked, "flagged": maker.flagged, "made_by": facts.made_by,
            "risk_label": facts.risk_label, "risk_flags": [f["code"] for f in facts.flags],
            "bodies_using": len(maker.users), "bodies_denying": len(maker.deniers), "summary": facts.summary,
            "page": maker.page,
        })
    return _table("manufacturers", "Manufacturers", "Makers named in the claims, with knowledge-base facts "
                  "(country, state links, risk flags; sources on each maker's page).", rows,
                  columns=["id", "name", "country", "kind", "state_linked", "flagged"],
                  column_notes={"flagged": "Counted in 'flagged maker' figures. "
                                           + report.statistics.flagged_definition})


def figures_table(report: Report) -> Table:
    rows = [{
        "key": f.key, "label": f.label, "value": f.value, "at_least": f.at_least, "unit": f.unit, "base": f.base,
        "base_key": f.base_key, "base_label": f.base_label, "percent": f.percent, "sentence": f.sentence,
        "definition": f.definition,
    } for f in report.statistics.figures]
    return _table("figures", "Figures", "Every figure of the report with its base and what it counts, as the "
                  "findings library computed it (`cctv-audit findings explain KEY` lists the bodies and claims "
                  "behind each).", rows, pk="key",
                  columns=["key", "label", "value", "at_least", "unit", "base", "base_key", "base_label", "percent",
                           "sentence", "definition"],
                  column_notes={"at_least": "A lower bound: only confirmed claims count; non-replies are unknown",
                                "definition": "What is counted; flagged figures include the flagged definition"})


def disclosures_table(report: Report) -> Table:
    rows = sorted(({
        "id": d.id, "body_id": d.body_id, "outcome": d.outcome, "exemptions": d.exemptions,
        "makers_in_use": d.makers_in_use, "makers_denied": d.makers_denied, "total_cameras": d.total_cameras,
        "disclosed_on": d.disclosed_on, "source_url": d.source_url,
    } for b in report.bodies for d in b.finding.disclosures), key=lambda r: r["id"])
    return _table("disclosures", "Published disclosures", "FOI replies bodies have published (loaded with "
                  "`cctv-audit disclosures load`), with or without makers: they set a body's status outside "
                  "survey rounds; makers in them are claims of origin 'published'.", rows,
                  columns=["id", "body_id", "outcome", "exemptions", "makers_in_use", "makers_denied",
                           "total_cameras", "disclosed_on", "source_url"],
                  foreign_keys={"body_id": ("bodies", "id")})


def export_tables(session: Session, report: Report) -> list[Table]:
    """Every published table, in a stable order."""
    return [
        surveys_table(report), figures_table(report), bodies_table(session, report), requests_table(session, report),
        disclosures_table(report), documents_table(report), answers_table(session, report), claims_table(report),
        evidence_table(report), manufacturers_table(report),
    ]
