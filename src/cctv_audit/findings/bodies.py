"""Findings per body per survey round: status of the request, makers, risk, evidence."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from cctv_audit.findings.claims import evidence_view
from cctv_audit.findings.flagged import FlagDefinition, flag_definition
from cctv_audit.findings.makers import maker_info
from cctv_audit.findings.models import Claim, Disclosure
from cctv_audit.findings.replies import ReplyFacts, reply_facts
from cctv_audit.findings.types import BodyFinding, DisclosureView, MakerFinding, RiskFlagView
from cctv_audit.foi import get_survey, is_overdue, reply_timing, request_due
from cctv_audit.foi.models import Request, Survey
from cctv_audit.registry import Body

#: Claims recorded outside any round (audit, manual, published) count in a round when dated
#: no earlier than this before the round's first request, and before the next round began.
ROUND_LOOKBACK = dt.timedelta(days=365)

#: Named groups for breakdowns: name -> the body types it covers.
GROUPS: dict[str, tuple[str, ...]] = {
    "London boroughs": ("LBO",),
    "Scottish councils": ("SCO",),
    "Welsh councils": ("WPA",),
    "Northern Ireland councils": ("NID",),
    "English councils": ("NMD", "UA", "MD", "CTY", "LBO", "CC"),
    "Police forces": ("police",),
}

_OUTCOME_STATUS = {
    "disclosed": "answered",
    "partially_disclosed": "answered",
    "refused": "refused",
    "neither_confirm_nor_deny": "refused",
    "not_held": "not_held",
}
_STATE_STATUS = {
    "successful": "answered",
    "partially_successful": "answered",
    "refused": "refused",
    "not_held": "not_held",
    "response_received": "unclear",
    "clarification_requested": "unclear",
    "internal_review": "unclear",
    "appeal": "unclear",
}
_NOT_SENT = {"draft", "withdrawn", "bounced"}


def groups_of(body: Body) -> list[str]:
    return [name for name, types in GROUPS.items() if body.body_type in types]


def round_window(session: Session, survey: Survey) -> tuple[dt.date, dt.date | None]:
    """The dates whose round-less claims belong to this round: [first request - 1 year, next round)."""
    first = session.scalar(select(func.min(Request.sent_at)).where(Request.survey_id == survey.id))
    start = (first or survey.created_at).date() - ROUND_LOOKBACK
    later = session.scalar(
        select(Survey).where(Survey.previous_id == survey.id).order_by(Survey.id).limit(1)
    )
    if later is None:
        return start, None
    later_first = session.scalar(
        select(func.min(Request.sent_at)).where(Request.survey_id == later.id)
    )
    return start, (later_first or later.created_at).date()


def _status(request: Request, facts: ReplyFacts, today: dt.date) -> tuple[str, dt.date | None]:
    if request.state in _NOT_SENT:
        return "not_sent", None
    deadline = request_due(request)  # the one deadline rule (foi), as survey status shows it
    due = deadline.due if deadline else None
    if facts.outcome in _OUTCOME_STATUS:
        return _OUTCOME_STATUS[facts.outcome], due
    # No decisive reply text: a state a person set on the request (e.g. from WhatDoTheyKnow) decides.
    if request.state in _STATE_STATUS:
        return _STATE_STATUS[request.state], due
    if facts.document_ids:
        return "unclear", due
    return ("overdue" if is_overdue(request, today) else "no_reply"), due


def maker_findings(
    claims: list[Claim], flagged: str | FlagDefinition | None = None
) -> list[MakerFinding]:
    """Fold a body's active claims into one verdict per maker (uses / does_not_use / conflict)."""
    flag = flag_definition(flagged)
    by_maker: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_maker[claim.maker_id].append(claim)
    return [_maker_finding(maker, rows, flag) for maker, rows in sorted(by_maker.items())]


def _device_count(claims: list[Claim]) -> int | None:
    """Devices of one maker: the count of the body's most authoritative source that gives one.

    A source is one reply (one reading of it, reviewed values already in its claims), one
    published disclosure, one cited record or one audit scan. Brands in one source add up
    (5 HiLook + 10 Hikvision in one reply = 15). Sources are never added together or maxed:
    two replies, or a reply and an audit, may count the same cameras, and an old larger count
    must not outlive a newer smaller one. See docs/findings.md, "Device counts".
    """
    per_source: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.device_count is not None:
            per_source[claim.source].append(claim)
    if not per_source:
        return None
    chosen = max(per_source.values(), key=_count_authority)
    return sum(c.device_count or 0 for c in chosen)


def _count_authority(rows: list[Claim]) -> tuple:
    """Order of sources for a device count: the body's own statement (a reply, a disclosure, a
    cited record) over an audit, which sees only the networks scanned on one day; then the
    latest date; then a reviewed reading over an unreviewed one; then the newest recorded."""
    stated = any(c.origin != "audit" for c in rows)
    as_of = max((c.as_of for c in rows if c.as_of is not None), default=dt.date.min)
    reviewed = any(c.origin == "review" or c.reviewed_by for c in rows)
    recorded = (
        max(c.answer_id or 0 for c in rows),
        max(c.created_at or dt.datetime.min for c in rows),
    )
    return stated, as_of, reviewed, recorded


def _maker_finding(maker_id: str, claims: list[Claim], flag: FlagDefinition) -> MakerFinding:
    uses = [c for c in claims if c.polarity == "uses"]
    denies = [c for c in claims if c.polarity == "does_not_use"]
    use_ok, deny_ok = any(c.confirmed for c in uses), any(c.confirmed for c in denies)
    if use_ok and deny_ok:
        polarity, confirmed = "conflict", True
    elif use_ok or (uses and not deny_ok):
        polarity, confirmed = "uses", use_ok
    else:
        polarity, confirmed = "does_not_use", deny_ok
    counted = _device_count([c for c in uses if c.confirmed]) or _device_count(uses)
    info = maker_info(maker_id)
    return MakerFinding(
        maker_id=maker_id,
        name=info.name,
        polarity=polarity,
        device_count=counted,
        confirmed=confirmed,
        # Something is left for a person: the verdict is unconfirmed, or a pending claim says otherwise.
        needs_review=not confirmed
        or any(not c.confirmed for c in (denies if polarity == "uses" else uses)),
        state_linked=info.state_linked,
        flagged=flag(info),
        risk_severity=info.risk_severity,
        risk_label=info.risk_label,
        flags=[RiskFlagView(code, severity, title) for code, severity, title in info.flags],
        origins=sorted({c.origin for c in claims}),
        claim_ids=[c.id for c in claims],
    )


def _round_claims(session: Session, survey: Survey, body_ids: list[int]) -> dict[int, list[Claim]]:
    start, end = round_window(session, survey)
    rows = session.scalars(
        select(Claim)
        .options(selectinload(Claim.evidence))
        .where(Claim.status == "active", Claim.body_id.in_(body_ids))
    )
    result: dict[int, list[Claim]] = defaultdict(list)
    for claim in rows:
        in_round = claim.survey_id == survey.id
        in_window = (
            claim.as_of is not None and claim.as_of >= start and (end is None or claim.as_of < end)
        )
        if in_round or (claim.survey_id is None and in_window):
            result[claim.body_id].append(claim)
    return result


def _finding(
    body: Body, claims: list[Claim], flag: FlagDefinition, **values
) -> BodyFinding:  # BodyFinding fields
    makers = maker_findings(claims, flag)
    return BodyFinding(
        body_id=body.id,
        body_code=body.code,
        body_name=body.name,
        nation=body.nation,
        region=body.region,
        body_type=body.body_type,
        body_type_name=body.body_type_name,
        groups=groups_of(body),
        makers=makers,
        evidence=[evidence_view(e) for c in claims for e in c.evidence],
        flagged=any(
            m.flagged and m.confirmed and m.polarity in ("uses", "conflict") for m in makers
        ),
        **values,
    )


def body_findings(
    session: Session,
    survey_id: int | None,
    *,
    today: dt.date | None = None,
    flagged: str | FlagDefinition | None = None,
) -> list[BodyFinding]:
    """One ``BodyFinding`` per body asked in the round, by body name.

    With ``survey_id=None``: one per body with any active claim or published disclosure, from
    every claim; the status comes from the body's published disclosures (``not_surveyed``
    when it has none). ``today`` decides what is overdue (default: today's date); ``flagged``
    names the flagged-maker rule (default: state-linked, see ``findings.flagged``).
    """
    today = today or dt.date.today()
    flag = flag_definition(flagged)
    if survey_id is None:
        return _all_claims_findings(session, flag)
    survey = get_survey(session, survey_id)
    pairs = list(
        session.execute(
            select(Request, Body)
            .join(Body, Request.body_id == Body.id)
            .where(Request.survey_id == survey.id)
            .order_by(Body.name)
        )
    )
    claims = _round_claims(session, survey, [body.id for _, body in pairs])
    replies = reply_facts(session, [request.id for request, _ in pairs])
    findings = []
    for request, body in pairs:
        facts = replies.get(request.id) or ReplyFacts()
        status, due = _status(request, facts, today)
        timing = reply_timing(session, request)
        findings.append(
            _finding(
                body,
                claims.get(body.id, []),
                flag,
                survey_id=survey.id,
                request_id=request.id,
                reference=request.reference,
                law=request.law,
                request_state=request.state,
                status=status,
                outcome=facts.outcome,
                exemptions=facts.exemptions,
                sent_at=request.sent_at,
                received_on=request.received_on,
                due_on=due,
                responded_on=timing.replied_on,
                days_to_answer=timing.working_days,
                late=timing.late,
                total_cameras=facts.total_cameras,
                document_ids=facts.document_ids,
                answer_ids=facts.answer_ids,
            )
        )
    return findings


def _latest_statements(claims: list[Claim]) -> list[Claim]:
    """Per maker, the claims dated on or after its latest confirmed dated claim (undated ones kept).

    Outside a round, claims from different years meet: "uses Hikvision" (2022) and "replaced
    them" (2025) are not a conflict but a change, and the latest statement wins. The date is
    that of the body's latest statement (reply, disclosure, cited record) when it has one: an
    audit is another source, kept beside it when newer (a conflict is shown, not hidden), but
    it does not retire the body's own latest answer.
    """
    stated: dict[str, dt.date] = {}
    observed: dict[str, dt.date] = {}
    for claim in claims:
        if claim.confirmed and claim.as_of is not None:
            dates = observed if claim.origin == "audit" else stated
            dates[claim.maker_id] = max(claim.as_of, dates.get(claim.maker_id, claim.as_of))
    latest = {**observed, **stated}
    return [
        c
        for c in claims
        if c.as_of is None or c.maker_id not in latest or c.as_of >= latest[c.maker_id]
    ]


#: Outside rounds, the most informative published outcome decides a body's status: an answer
#: (even one naming no maker) over "not held" over a refusal.
_DISCLOSURE_PRECEDENCE = ("answered", "not_held", "refused", "unclear")


def disclosure_view(row: Disclosure) -> DisclosureView:
    return DisclosureView(
        id=row.id,
        body_id=row.body_id,
        outcome=row.outcome,
        exemptions=list(row.exemptions or []),
        makers_in_use=list(row.makers_in_use or []),
        makers_denied=list(row.makers_denied or []),
        total_cameras=row.total_cameras,
        disclosed_on=row.disclosed_on,
        source_url=row.source_url,
        loaded_from=row.loaded_from,
    )


def _disclosure_status(rows: list[DisclosureView]) -> tuple[str, str | None, list[str], int | None]:
    """(status, outcome, exemptions, total cameras) of a body from its published disclosures."""
    if not rows:
        return "not_surveyed", None, [], None
    statuses = {r.id: _OUTCOME_STATUS.get(r.outcome, "unclear") for r in rows}
    status = next(s for s in _DISCLOSURE_PRECEDENCE if s in statuses.values())
    deciding = [r for r in rows if statuses[r.id] == status]
    latest = max(deciding, key=lambda r: (r.disclosed_on or dt.date.min, r.id))
    exemptions = sorted({e for r in rows for e in r.exemptions})
    # The latest disclosure that gives a total, not the largest: a smaller newer total replaces it.
    counted = [r for r in deciding if r.total_cameras is not None]
    newest = max(counted, key=lambda r: (r.disclosed_on or dt.date.min, r.id)) if counted else None
    return status, latest.outcome, exemptions, (newest.total_cameras if newest else None)


def _all_claims_findings(session: Session, flag: FlagDefinition) -> list[BodyFinding]:
    claims: dict[int, list[Claim]] = defaultdict(list)
    for claim in session.scalars(
        select(Claim).options(selectinload(Claim.evidence)).where(Claim.status == "active")
    ):
        claims[claim.body_id].append(claim)
    claims = {body_id: _latest_statements(rows) for body_id, rows in claims.items()}
    disclosures: dict[int, list[DisclosureView]] = defaultdict(list)
    for row in session.scalars(select(Disclosure).order_by(Disclosure.body_id, Disclosure.id)):
        disclosures[row.body_id].append(disclosure_view(row))
    wanted = sorted(set(claims) | set(disclosures))
    bodies = session.scalars(select(Body).where(Body.id.in_(wanted)).order_by(Body.name))
    findings = []
    for body in bodies:
        rows = claims.get(body.id, [])
        status, outcome, exemptions, cameras = _disclosure_status(disclosures.get(body.id, []))
        findings.append(
            _finding(
                body,
                rows,
                flag,
                survey_id=None,
                request_id=None,
                reference=None,
                law=None,
                request_state=None,
                status=status,
                outcome=outcome,
                exemptions=exemptions,
                sent_at=None,
                received_on=None,
                due_on=None,
                responded_on=None,
                total_cameras=cameras,
                document_ids=sorted(
                    {e.document_id for c in rows for e in c.evidence if e.document_id}
                ),
                answer_ids=sorted({c.answer_id for c in rows if c.answer_id}),
                disclosures=sorted(
                    disclosures.get(body.id, []),
                    key=lambda r: (r.disclosed_on or dt.date.min, r.source_url),
                ),
            )
        )
    return findings
