"""Everything a published report shows, gathered once from the findings library.

The site, the map and the exports all render this one ``Report``, so a figure on
the front page, a hex colour and a row in the CSV cannot disagree. Figures come
from ``findings.statistics`` as they are; publishing never recomputes them.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cctv_audit import findings
from cctv_audit.errors import CctvAuditError
from cctv_audit.findings import record
from cctv_audit.foi import get_survey, preview_letter
from cctv_audit.foi.models import Reply, Request, RequestEvent, Survey
from cctv_audit.publish.categories import categorize, category_counts, is_flagged_maker
from cctv_audit.publish.redact import Redactor, redactor_for
from cctv_audit.publish.sources import DocumentInfo, MakerFacts, load_documents, maker_facts
from cctv_audit.registry import get_body
from cctv_audit.vendors import is_state_linked

ALL_CLAIMS = "all"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PublishOptions:
    """How to publish: what to leave out, what to hide, which date the report is "as of"."""

    #: Leave out claims that are not confirmed (awaiting review), with their evidence.
    reviewed_only: bool = False
    #: Black out the requester's name, email, address and phone in published letters and replies
    #: (and withhold the originals, whose bytes may name them). On by default: a site is public.
    redact: bool = True
    #: The report date (decides what is overdue); default today. Fix it for reproducible output.
    today: dt.date | None = None
    title: str | None = None
    #: Which "flagged maker" rule the figures use (``findings.FLAG_DEFINITIONS``; default state-linked).
    flagged: str | None = None


@dataclass
class SurveyInfo:
    id: int
    slug: str
    name: str
    questions: list[str]
    template: str
    first_sent: dt.date | None
    last_sent: dt.date | None
    previous: tuple[int, str, str] | None
    requester: str | None
    laws: dict[str, int]


@dataclass
class BodyEntry:
    """One body on the site: its finding, map category, page and the claims shown there."""

    finding: Any  # findings.BodyFinding
    category: str
    page: str
    gss_code: str | None
    website: str | None
    population: int | None
    claims: list[Any] = field(default_factory=list)  # findings.ClaimView
    document_ids: list[int] = field(default_factory=list)
    #: The request letter as sent (or as it would be sent): ``(subject, text)``, redacted if asked.
    letter: tuple[str, str] | None = None
    #: The request's history: ``(date, from state, to state)``, oldest first.
    events: list[tuple[dt.date, str | None, str]] = field(default_factory=list)
    #: When each reply document arrived: ``{document id: date}``.
    received: dict[int, dt.date] = field(default_factory=dict)
    #: What the published record says about the body, every source side by side (``findings.record``).
    record: Any | None = None

    @property
    def name(self) -> str:
        return self.finding.body_name


@dataclass
class MakerEntry:
    facts: MakerFacts
    page: str
    flagged: bool
    users: list[tuple[BodyEntry, Any]] = field(default_factory=list)
    deniers: list[tuple[BodyEntry, Any]] = field(default_factory=list)


@dataclass
class Report:
    title: str
    survey: SurveyInfo | None
    as_of: dt.date
    options: PublishOptions
    statistics: Any  # findings.Statistics
    bodies: list[BodyEntry]
    makers: list[MakerEntry]
    documents: dict[int, DocumentInfo]
    trends: Any | None  # findings.Trends
    previous_statistics: Any | None
    #: True while any published claim has not been reviewed by a person.
    draft: bool
    unreviewed_claims: int
    counts: dict[str, int]
    #: Applied to published text when ``options.redact`` (None otherwise).
    redactor: Redactor | None = None
    #: The published record's figures (``findings.record.record_figures``), state-linked makers.
    record_figures: list[Any] = field(default_factory=list)
    record_rule: str = ""


def page_name(code: str) -> str:
    """A file-system-safe page name for a body code or maker id."""
    return re.sub(r"[^A-Za-z0-9_-]+", "-", code).strip("-") or "x"


def person_reviewed(claim: Any) -> bool:
    """A claim a person stands behind: reviewed, or recorded by hand, from an audit or a publication."""
    return claim.reviewed_by is not None or claim.origin != "extraction"


def build_report(
    session: Session,
    survey: str | int | None,
    options: PublishOptions | None = None,
    *,
    data_dir: Path | None = None,
) -> Report:
    """Gather the report of ``survey`` (id or slug; None or ``"all"``: every claim, outside rounds)."""
    options = options or PublishOptions()
    today = options.today or dt.date.today()
    info = _survey_info(session, survey, options)
    survey_id = info.id if info else None
    per_body = findings.body_findings(session, survey_id, today=today, flagged=options.flagged)
    stats = findings.statistics(session, survey_id, today=today, flagged=options.flagged)
    bodies = [_body_entry(session, f, options) for f in per_body]
    records = record.body_records(session)
    for entry in bodies:
        entry.record = records.get(entry.finding.body_id)
    redactor = _redactor(session, info, bodies) if options.redact else None
    _add_letters(session, bodies, redactor)
    documents = _documents(session, bodies, data_dir, redactor)
    shown = [c for b in bodies for c in b.claims]
    unreviewed = sum(1 for c in shown if not person_reviewed(c))
    trends, previous_stats = _trends(session, info, today, options.flagged)
    title = options.title or (info.name if info else "Known public disclosures of CCTV makers")
    return Report(
        title=title,
        survey=info,
        as_of=today,
        options=options,
        statistics=stats,
        bodies=bodies,
        makers=_makers(bodies),
        documents=documents,
        trends=trends,
        previous_statistics=previous_stats,
        draft=unreviewed > 0,
        unreviewed_claims=unreviewed,
        counts=category_counts(b.category for b in bodies),
        redactor=redactor,
        record_figures=_record_figures(session),
        record_rule=record.FIGURE_RULE,
    )


def _record_figures(session: Session) -> list[Any]:
    return [f for f in record.record_figures(session) if is_state_linked(f.maker_id)]


def _survey_info(
    session: Session, ref: str | int | None, options: PublishOptions
) -> SurveyInfo | None:
    if ref is None or str(ref) == ALL_CLAIMS:
        return None
    survey = findings.get_survey(session, ref)
    sent = session.execute(
        select(func.min(Request.sent_at), func.max(Request.sent_at)).where(
            Request.survey_id == survey.id
        )
    ).one()
    laws = dict(
        session.execute(
            select(Request.law, func.count())
            .where(Request.survey_id == survey.id)
            .group_by(Request.law)
            .order_by(Request.law)
        ).all()
    )
    previous = session.get(Survey, survey.previous_id) if survey.previous_id else None
    requester = None if options.redact else _requester_label(survey.requester)
    return SurveyInfo(
        id=survey.id,
        slug=survey.slug,
        name=survey.name,
        questions=list(survey.questions or []),
        template=survey.template,
        first_sent=sent[0].date() if sent[0] else None,
        last_sent=sent[1].date() if sent[1] else None,
        previous=(previous.id, previous.slug, previous.name) if previous else None,
        requester=requester,
        laws=laws,
    )


def _requester_label(requester: dict | None) -> str | None:
    requester = requester or {}
    parts = [str(requester[k]) for k in ("name", "organisation") if requester.get(k)]
    return ", ".join(parts) or None


def _body_entry(session: Session, finding: Any, options: PublishOptions) -> BodyEntry:
    category = categorize(
        finding
    )  # before leaving claims out: an unreviewed answer is not "no maker named"
    if options.reviewed_only:
        finding.makers = [m for m in finding.makers if m.confirmed]
    ids = sorted({cid for m in finding.makers for cid in m.claim_ids})
    rows = session.scalars(
        select(findings.Claim)
        .where(findings.Claim.id.in_(ids))
        .order_by(findings.Claim.maker_id, findings.Claim.polarity, findings.Claim.id)
    )
    claims = [findings.claim_view(c, finding.body_name) for c in rows]
    if options.reviewed_only:
        claims = [c for c in claims if c.confirmed]
    body = get_body(session, finding.body_id)
    doc_ids = set(finding.document_ids) | {
        e.document_id for c in claims for e in c.evidence if e.document_id
    }
    return BodyEntry(
        finding=finding,
        category=category,
        page=f"bodies/{page_name(finding.body_code)}.html",
        gss_code=body.gss_code,
        website=body.website,
        population=body.population,
        claims=claims,
        document_ids=sorted(doc_ids),
    )


def _add_letters(session: Session, bodies: list[BodyEntry], redactor: Redactor | None) -> None:
    """Each body's request letter, history and reply dates (letters redacted when asked)."""
    for entry in bodies:
        request = (
            session.get(Request, entry.finding.request_id) if entry.finding.request_id else None
        )
        if request is None:
            continue
        letter = _letter(session, request)
        if letter is not None:
            entry.letter = (redactor(letter[0]), redactor(letter[1])) if redactor else letter
        events = session.scalars(
            select(RequestEvent)
            .where(RequestEvent.request_id == request.id)
            .order_by(RequestEvent.at, RequestEvent.id)
        )
        entry.events = [(e.at.date(), e.from_state, e.to_state) for e in events]
        replies = session.scalars(
            select(Reply).where(Reply.request_id == request.id, Reply.received_at.is_not(None))
        )
        entry.received = {r.document_id: r.received_at.date() for r in replies if r.received_at}


def _letter(session: Session, request: Request) -> tuple[str, str] | None:
    """The stored letter of a sent request, else the survey's template rendered for the body."""
    if request.letter:
        return request.subject or "", request.letter
    try:
        letter = preview_letter(session, get_survey(session, request.survey_id), request.body_id)
    except CctvAuditError as exc:  # e.g. a template that is no longer installed
        log.info("no letter for request %s: %s", request.id, exc)
        return None
    return letter.subject, letter.text


def _redactor(session: Session, info: SurveyInfo | None, bodies: list[BodyEntry]) -> Redactor:
    requester = get_survey(session, info.id).requester if info else {}
    domains: set[str] = set()
    for entry in bodies:
        body = get_body(session, entry.finding.body_id)
        domains.update(body.email_domains or [])
        if body.foi_email and "@" in body.foi_email:
            domains.add(body.foi_email.rsplit("@", 1)[1])
    return redactor_for(requester, domains)


def _documents(
    session: Session, bodies: list[BodyEntry], data_dir: Path | None, redactor: Redactor | None
) -> dict[int, DocumentInfo]:
    documents = load_documents(
        session, {d for b in bodies for d in b.document_ids}, data_dir, redactor
    )
    for entry in bodies:
        for claim in entry.claims:
            for ev in claim.evidence:
                doc = documents.get(ev.document_id) if ev.document_id else None
                if (
                    doc
                    and ev.start is not None
                    and ev.end is not None
                    and 0 <= ev.start < ev.end <= len(doc.text)
                ):
                    doc.spans.append((ev.id, ev.start, ev.end))
    for doc in documents.values():
        doc.spans = sorted(set(doc.spans), key=lambda s: (s[1], s[2], s[0]))
    _name_documents(bodies, documents)
    return documents


def _name_documents(bodies: list[BodyEntry], documents: dict[int, DocumentInfo]) -> None:
    """Tie each document to its body and date, so exports name it "LDS 2026-03-16 reply", not "INBOX uid 7"."""
    for entry in sorted(bodies, key=lambda b: b.finding.body_id):
        dated = _evidence_dates(entry)
        for doc_id in entry.document_ids:
            doc = documents.get(doc_id)
            if doc is None or doc.body_id is not None:
                continue  # a document quoted for two bodies keeps the first (lowest id) body
            doc.body_id, doc.body_code, doc.body_name = (
                entry.finding.body_id,
                entry.finding.body_code,
                entry.name,
            )
            doc.kind = (
                "reply"
                if doc_id in entry.received or doc_id in entry.finding.document_ids
                else "source"
            )
            doc.dated = entry.received.get(doc_id) or dated.get(doc_id)
            if doc.kind == "reply" and doc.dated is None:
                doc.dated = entry.finding.responded_on


def _evidence_dates(entry: BodyEntry) -> dict[int, dt.date]:
    """The date a document carries as evidence: its publication date, else the claim's "as of"."""
    dates: dict[int, dt.date] = {}
    for claim in entry.claims:
        for ev in claim.evidence:
            when = ev.published_on or claim.as_of
            if ev.document_id and when and ev.document_id not in dates:
                dates[ev.document_id] = when
    return dates


def _trends(
    session: Session, info: SurveyInfo | None, today: dt.date, flagged: str | None
) -> tuple[Any, Any]:
    if info is None or info.previous is None:
        return None, None
    return (
        findings.trends(session, info.id, today=today, flagged=flagged),
        findings.statistics(session, info.previous[0], today=today, flagged=flagged),
    )


def _makers(bodies: list[BodyEntry]) -> list[MakerEntry]:
    entries: dict[str, MakerEntry] = {}
    for body in bodies:
        for maker in body.finding.makers:
            entry = entries.get(maker.maker_id)
            if entry is None:
                facts = maker_facts(maker.maker_id, maker.name)
                entry = entries[maker.maker_id] = MakerEntry(
                    facts=facts,
                    page=f"makers/{page_name(maker.maker_id)}.html",
                    flagged=is_flagged_maker(maker),
                )
            target = entry.deniers if maker.polarity == "does_not_use" else entry.users
            target.append((body, maker))
    return sorted(entries.values(), key=lambda e: (not e.flagged, e.facts.name.lower(), e.facts.id))
