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
from cctv_audit.findings import effective_answers
from cctv_audit.foi.models import Request
from cctv_audit.publish.categories import CATEGORIES, CATEGORY_BY_KEY
from cctv_audit.publish.report import Report, person_reviewed
from cctv_audit.registry import get_body


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
    return Table(
        name,
        title,
        description,
        columns,
        [{k: _iso(v) for k, v in r.items()} for r in rows],
        **extra,
    )


def surveys_table(report: Report) -> Table:
    s = report.survey
    rows = (
        []
        if s is None
        else [
            {
                "id": s.id,
                "slug": s.slug,
                "name": s.name,
                "questions": s.questions,
                "template": s.template,
                "previous_id": s.previous[0] if s.previous else None,
                "requester": s.requester,
                "first_sent": s.first_sent,
                "last_sent": s.last_sent,
            }
        ]
    )
    return _table(
        "surveys",
        "Survey rounds",
        "The survey round published: its questions and dates.",
        rows,
        columns=[
            "id",
            "slug",
            "name",
            "questions",
            "template",
            "previous_id",
            "requester",
            "first_sent",
            "last_sent",
        ],
    )


#: What a body's reply says, in the words of the report: one value per map category, so a silent,
#: refusing or not-holding body never reads like one that answered "no".
FINDING_WORDS: dict[str, str] = {
    "flagged": "uses",
    "other_makers": "does not use",
    "refused": "refused",
    "not_held": "not held",
    "no_reply": "no reply",
    "unclear": "unclear",
    "no_makers": "answered, no maker named",
    "not_asked": "not asked",
}
_ANSWERED_CATEGORIES = {"flagged", "other_makers", "no_makers"}
#: A maker column's value from the body's verdict on that maker (``findings.MakerFinding``).
_MAKER_WORDS = {"uses": "uses", "does_not_use": "does not use", "conflict": "conflicting"}


def maker_columns(report: Report) -> list[tuple[str, str]]:
    """``(maker id, column prefix)`` for every maker named in the report: flagged makers first."""
    return [(m.facts.id, m.facts.id.replace("-", "_")) for m in report.makers]


def maker_cell(maker: Any | None) -> str | None:
    """``uses`` / ``does not use`` / ``conflicting``, with ``(awaiting review)`` while no person or
    confident extraction stands behind it; None (empty) when no claim names the maker."""
    if maker is None:
        return None
    word = _MAKER_WORDS[maker.polarity]
    return word if maker.confirmed else f"{word} (awaiting review)"


def _flagged_cell(entry: Any) -> bool | None:
    """1: a confirmed claim of a flagged maker in use; 0: the body answered and none is confirmed;
    empty: the body did not answer (refused, not held, silent, unclear), so nothing is known."""
    if entry.finding.flagged:
        return True
    return False if entry.category in _ANSWERED_CATEGORIES else None


def bodies_table(session: Session, report: Report) -> Table:
    columns = maker_columns(report)
    rows = []
    for entry in sorted(report.bodies, key=lambda b: b.finding.body_id):
        body = get_body(session, entry.finding.body_id)
        f = entry.finding
        makers = {m.maker_id: m for m in f.makers}
        row = {
            "id": body.id,
            "code": body.code,
            "name": body.name,
            "nation": body.nation,
            "region": body.region,
            "body_type": body.body_type,
            "body_type_name": body.body_type_name,
            "regime": body.regime,
            "gss_code": body.gss_code,
            "wdtk_id": body.wdtk_id,
            "population": body.population,
            "parent_code": body.parent_code,
            "website": body.website,
            "foi_email": body.foi_email,
            "finding": FINDING_WORDS[entry.category],
            "status": f.status,
            "outcome": f.outcome,
            "exemptions": list(f.exemptions),
            "replied_on": f.responded_on,
            "days_to_answer": f.days_to_answer,
            "late": f.late,
            "category": entry.category,
            "category_label": CATEGORY_BY_KEY[entry.category].label,
            "flagged": _flagged_cell(entry),
            "total_cameras": f.total_cameras,
        }
        for maker_id, prefix in columns:
            maker = makers.get(maker_id)
            row[f"{prefix}_status"] = maker_cell(maker)
            row[f"{prefix}_count"] = (
                maker.device_count
                if maker is not None and maker.polarity != "does_not_use"
                else None
            )
        row["page"] = entry.page
        rows.append(row)
    notes = {
        "finding": "What the body's reply says about flagged makers: "
        + "; ".join(f"'{FINDING_WORDS[c.key]}' = {c.description}" for c in CATEGORIES),
        "status": "answered, refused, not_held, unclear, overdue, no_reply, not_sent; outside rounds "
        "from published disclosures, else not_surveyed (findings)",
        "outcome": "The reply's outcome after review (a person's correction overrides the extraction)",
        "replied_on": "The day the body sent its first answer (acknowledgements and auto-replies do not count)",
        "days_to_answer": "Working days from the day the body received the request to its answer",
        "late": "1 when the answer came after the statutory deadline",
        "category": "The map category (see the report's key)",
        "flagged": "1: a confirmed claim says the body uses a flagged maker (counted in uses_flagged); 0: the "
        "body answered and no such claim is confirmed; empty: no answer, so unknown. "
        + report.statistics.flagged_definition,
        "gss_code": "ONS GSS code: the hex of the map",
    }
    for maker_id, prefix in columns:
        notes[f"{prefix}_status"] = (
            f"What the body's claims say about {maker_id}: uses, does not use, conflicting "
            "(a confirmed use and a confirmed denial), '(awaiting review)' when not yet "
            "confirmed; empty when no claim names it (unknown, not 'no')"
        )
        notes[f"{prefix}_count"] = (
            f"Devices of {maker_id} the claims state (largest confirmed count)"
        )
    return _table(
        "bodies",
        "Public bodies",
        "One row per body in the report: what its reply says (finding), "
        "its reply date and outcome after review, a status and device count per maker, and its map "
        "category.",
        rows,
        column_notes=notes,
    )


def requests_table(session: Session, report: Report) -> Table:
    by_id = {b.finding.request_id: b for b in report.bodies if b.finding.request_id}
    rows = []
    for request in session.scalars(
        select(Request).where(Request.id.in_(sorted(by_id))).order_by(Request.id)
    ):
        f = by_id[request.id].finding
        rows.append(
            {
                "id": request.id,
                "survey_id": request.survey_id,
                "body_id": request.body_id,
                "reference": request.reference,
                "law": request.law,
                "state": request.state,
                "sent_at": request.sent_at,
                "received_on": request.received_on,
                "due_on": f.due_on,
                "responded_on": request.responded_on,
                "status": f.status,
            }
        )
    return _table(
        "requests",
        "FOI requests",
        "One request per body: dates, law, deadline and state.",
        rows,
        columns=[
            "id",
            "survey_id",
            "body_id",
            "reference",
            "law",
            "state",
            "sent_at",
            "received_on",
            "due_on",
            "responded_on",
            "status",
        ],
        foreign_keys={"survey_id": ("surveys", "id"), "body_id": ("bodies", "id")},
        column_notes={"due_on": "Statutory deadline: 20 working days (FOIA s10, FOISA s10)"},
    )


def documents_table(report: Report) -> Table:
    rows = [
        {
            "id": d.id,
            "name": d.name,
            "title": d.title,
            "body_id": d.body_id,
            "body_name": d.body_name,
            "kind": d.kind,
            "dated": d.dated,
            "sha256": d.sha256,
            "filename": d.filename,
            "media_type": d.media_type,
            "size": d.size,
            "origin": d.origin,
            "source_url": d.source_url,
            "text": d.text,
        }
        for d in sorted(report.documents.values(), key=lambda d: d.id)
    ]
    note = " Requester's personal data blocked out." if report.options.redact else ""
    return _table(
        "documents",
        "Reply documents",
        "Replies and published sources quoted as evidence, named by "
        "body and date, with their extracted text." + note,
        rows,
        columns=[
            "id",
            "name",
            "title",
            "body_id",
            "body_name",
            "kind",
            "dated",
            "sha256",
            "filename",
            "media_type",
            "size",
            "origin",
            "source_url",
            "text",
        ],
        foreign_keys={"body_id": ("bodies", "id")},
        column_notes={
            "name": "A file name by body code, date and id (the original's is in filename)",
            "dated": "A reply: the day it was received; a published source: its date",
            "kind": "reply (to our request) or source (published, quoted as evidence)",
            "filename": "The name the file had when stored (a mailbox gives e.g. "
            "'INBOX uid 7.eml')",
        },
    )


def answers_table(session: Session, report: Report) -> Table:
    """Answers as review left them: a person's correction replaces the extracted value."""
    ids = sorted({a for b in report.bodies for a in b.finding.answer_ids})
    body_of = {a: b.finding.body_id for b in report.bodies for a in b.finding.answer_ids}
    records = list(
        session.scalars(
            select(AnswerRecord).where(AnswerRecord.id.in_(ids)).order_by(AnswerRecord.id)
        )
    )
    effective = effective_answers(session, records)
    rows = []
    for a in records:
        e = effective[a.id]
        v = e.values
        reviewed = sorted(name for name in e.reviews if e.action(name) in ("accept", "correct"))
        rows.append(
            {
                "id": a.id,
                "document_id": a.document_id,
                "body_id": body_of[a.id],
                "extractor_version": a.extractor_version,
                "outcome": v["outcome"],
                "exemptions": v["exemptions"],
                "manufacturers_in_use": v["in_use"],
                "manufacturers_denied": v["denied"],
                "counts": v["counts"],
                "total_cameras": v["total_cameras"],
                "min_confidence": a.min_confidence,
                "needs_review": bool(a.needs_review) and not reviewed,
                "reviewed_fields": reviewed,
                "corrected_fields": sorted(
                    name for name in e.reviews if e.action(name) == "correct"
                ),
                "reviewed_by": sorted({e.reviews[name].reviewer for name in reviewed}),
            }
        )
    return _table(
        "answers",
        "Answers after review",
        "What each reply answered: the tool's extraction with every "
        "review applied (a person's correction replaces the extracted value).",
        rows,
        columns=[
            "id",
            "document_id",
            "body_id",
            "extractor_version",
            "outcome",
            "exemptions",
            "manufacturers_in_use",
            "manufacturers_denied",
            "counts",
            "total_cameras",
            "min_confidence",
            "needs_review",
            "reviewed_fields",
            "corrected_fields",
            "reviewed_by",
        ],
        foreign_keys={"document_id": ("documents", "id"), "body_id": ("bodies", "id")},
        column_notes={
            "reviewed_fields": "Fields a person accepted or corrected",
            "corrected_fields": "Fields whose value is a person's correction, not the extraction",
            "needs_review": "1 while the extraction asked for review and no person has reviewed",
        },
    )


def _claims(report: Report) -> list[Any]:
    return sorted((c for b in report.bodies for c in b.claims), key=lambda c: c.id)


def _flagged_makers(report: Report) -> set[str]:
    return {m.maker_id for b in report.bodies for m in b.finding.makers if m.flagged}


def claims_table(report: Report) -> Table:
    redact = report.redactor
    flagged = _flagged_makers(report)
    rows = [
        {
            "id": c.id,
            "body_id": c.body_id,
            "body_name": c.body_name,
            "manufacturer_id": c.manufacturer_id,
            "maker_id": c.maker_id,
            "maker_name": c.maker_name,
            "flagged": c.maker_id in flagged,
            "polarity": c.polarity,
            "device_count": c.device_count,
            "as_of": c.as_of,
            "origin": c.origin,
            "original_wording": redact(c.original_wording) if redact else c.original_wording,
            "survey_id": c.survey_id,
            "request_id": c.request_id,
            "answer_id": c.answer_id,
            "confidence": c.confidence,
            "confirmed": c.confirmed,
            "needs_review": c.needs_review,
            "reviewed_by_person": person_reviewed(c),
            "status": c.status,
        }
        for c in _claims(report)
    ]
    return _table(
        "claims",
        "Claims",
        '"Body B uses (or does not use) maker M (N devices) as of D", each backed '
        "by evidence. Only confirmed claims count in the report's 'at least' figures.",
        rows,
        columns=[
            "id",
            "body_id",
            "maker_id",
            "flagged",
            "polarity",
            "device_count",
            "as_of",
            "confirmed",
        ],
        foreign_keys={
            "body_id": ("bodies", "id"),
            "maker_id": ("manufacturers", "id"),
            "request_id": ("requests", "id"),
            "answer_id": ("answers", "id"),
        },
        column_notes={
            "confirmed": "Counted in 'at least' figures (see the methodology)",
            "flagged": "The claim's maker is flagged. " + report.statistics.flagged_definition,
            "polarity": "uses or does_not_use",
        },
    )


def evidence_table(report: Report) -> Table:
    redact = report.redactor
    rows = [
        {
            "id": e.id,
            "claim_id": c.id,
            "kind": e.kind,
            "document_id": e.document_id,
            "start": e.start,
            "end": e.end,
            "quote": redact(e.quote) if redact else e.quote,
            "url": e.url,
            "title": e.title,
            "published_on": e.published_on,
            "observation_kind": e.observation_kind,
            "observation_id": e.observation_id,
            "note": e.note,
        }
        for c in _claims(report)
        for e in c.evidence
    ]
    rows.sort(key=lambda r: r["id"])
    return _table(
        "evidence",
        "Evidence",
        "Why each claim is believed: a quoted passage of a document (start/end "
        "are character offsets in its text), a published URL, or an audit observation.",
        rows,
        columns=["id", "claim_id", "kind", "document_id", "start", "end", "quote", "url"],
        foreign_keys={"claim_id": ("claims", "id"), "document_id": ("documents", "id")},
    )


def manufacturers_table(report: Report) -> Table:
    rows = []
    for maker in sorted(report.makers, key=lambda m: m.facts.id):
        facts = maker.facts
        rows.append(
            {
                "id": facts.id,
                "name": facts.name,
                "country": facts.country,
                "kind": facts.kind,
                "state_linked": facts.state_linked,
                "flagged": maker.flagged,
                "made_by": facts.made_by,
                "risk_label": facts.risk_label,
                "risk_flags": [f["code"] for f in facts.flags],
                "bodies_using": len(maker.users),
                "bodies_denying": len(maker.deniers),
                "summary": facts.summary,
                "page": maker.page,
            }
        )
    return _table(
        "manufacturers",
        "Manufacturers",
        "Makers named in the claims, with knowledge-base facts "
        "(country, state links, risk flags; sources on each maker's page).",
        rows,
        columns=["id", "name", "country", "kind", "state_linked", "flagged"],
        column_notes={
            "flagged": "Counted in 'flagged maker' figures. " + report.statistics.flagged_definition
        },
    )


def figures_table(report: Report) -> Table:
    rows = [
        {
            "key": f.key,
            "label": f.label,
            "value": f.value,
            "at_least": f.at_least,
            "unit": f.unit,
            "base": f.base,
            "base_key": f.base_key,
            "base_label": f.base_label,
            "percent": f.percent,
            "sentence": f.sentence,
            "definition": f.definition,
        }
        for f in report.statistics.figures
    ]
    return _table(
        "figures",
        "Figures",
        "Every figure of the report with its base and what it counts, as the "
        "findings library computed it (`cctv-audit findings explain KEY` lists the bodies and claims "
        "behind each).",
        rows,
        pk="key",
        columns=[
            "key",
            "label",
            "value",
            "at_least",
            "unit",
            "base",
            "base_key",
            "base_label",
            "percent",
            "sentence",
            "definition",
        ],
        column_notes={
            "at_least": "A lower bound: only confirmed claims count; non-replies are unknown",
            "definition": "What is counted; flagged figures include the flagged definition",
        },
    )


def disclosures_table(report: Report) -> Table:
    rows = sorted(
        (
            {
                "id": d.id,
                "body_id": d.body_id,
                "outcome": d.outcome,
                "exemptions": d.exemptions,
                "makers_in_use": d.makers_in_use,
                "makers_denied": d.makers_denied,
                "total_cameras": d.total_cameras,
                "disclosed_on": d.disclosed_on,
                "source_url": d.source_url,
            }
            for b in report.bodies
            for d in b.finding.disclosures
        ),
        key=lambda r: r["id"],
    )
    return _table(
        "disclosures",
        "Published disclosures",
        "FOI replies bodies have published (loaded with "
        "`cctv-audit disclosures load`), with or without makers: they set a body's status outside "
        "survey rounds; makers in them are claims of origin 'published'.",
        rows,
        columns=[
            "id",
            "body_id",
            "outcome",
            "exemptions",
            "makers_in_use",
            "makers_denied",
            "total_cameras",
            "disclosed_on",
            "source_url",
        ],
        foreign_keys={"body_id": ("bodies", "id")},
    )


def export_tables(session: Session, report: Report) -> list[Table]:
    """Every published table, in a stable order."""
    return [
        surveys_table(report),
        figures_table(report),
        bodies_table(session, report),
        requests_table(session, report),
        disclosures_table(report),
        documents_table(report),
        answers_table(session, report),
        claims_table(report),
        evidence_table(report),
        manufacturers_table(report),
    ]
