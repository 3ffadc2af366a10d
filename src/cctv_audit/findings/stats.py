"""Statistics with honest denominators, and the explanation behind each number."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from cctv_audit.errors import FindingsError, NotFound
from cctv_audit.findings.bodies import body_findings, get_survey
from cctv_audit.findings.claims import CONFIRM_THRESHOLD, claim_view
from cctv_audit.findings.figures import (
    REPLIED_BASE,
    Spec,
    all_claims_specs,
    maker_specs,
    round_specs,
)
from cctv_audit.findings.flagged import FlagDefinition, flag_definition
from cctv_audit.findings.models import Claim
from cctv_audit.findings.trends import compare_rounds
from cctv_audit.findings.types import (
    BodyFinding,
    BreakdownRow,
    ExplainedBody,
    Explanation,
    Figure,
    Statistics,
)

NOTES = [
    "Confirmed: a claim a person reviewed or corrected; an audit observation; a published or manual claim "
    f"citing its source; or an extraction quoting the reply, confidence at least {CONFIRM_THRESHOLD}, not "
    "flagged for review. Only confirmed claims count in 'at least' figures.",
    "A body with no evidence is never counted as using a maker. Non-replies, refusals and 'not held' are "
    "unknown, never 'no'.",
    "Percentages state their base: the number of bodies the figure is out of.",
    "Bases chain: bodies asked, then those that replied (a reply that answers: not an acknowledgement, an "
    "automatic reply or our own letter), then those that named manufacturers, then each maker. Every 'of N' "
    "is the N its base figure shows. A reply that withholds the makers under an exemption counts as refused.",
    "Claims recorded outside a survey (audit, manual, published) count in a round when dated within the year "
    "before its first request and before the next round began; for a body that did not reply they count in "
    "'makers known without a reply', in no base below 'replied'.",
]

_DIMENSIONS: dict[str, Callable[[BodyFinding], list[str]]] = {
    "nation": lambda f: [f.nation],
    "region": lambda f: [f.region or "(none)"],
    "body_type": lambda f: [f.body_type_name],
    "group": lambda f: f.groups,
}


def _percent(value: int, base: int | None) -> float | None:
    return round(100.0 * value / base, 1) if base else None


def _specs(
    session: Session,
    survey_id: int | None,
    findings: list[BodyFinding],
    today: dt.date,
    flag: FlagDefinition,
) -> list[Spec]:
    if survey_id is None:
        return all_claims_specs(findings, flag)
    specs = round_specs() + maker_specs(findings, *REPLIED_BASE, flag, shares=True)
    survey = get_survey(session, survey_id)
    if survey.previous_id is not None:
        specs += _trend_specs(session, survey.previous_id, findings, today, flag)
    return specs


def _trend_specs(
    session: Session,
    previous_id: int,
    findings: list[BodyFinding],
    today: dt.date,
    flag: FlagDefinition,
) -> list[Spec]:
    previous = body_findings(session, previous_id, today=today, flagged=flag)
    change = compare_rounds(
        previous,
        findings,
        survey_id=(findings[0].survey_id or 0) if findings else 0,  # a label only
        previous_id=previous_id,
    )
    before_users = {f.body_id for f in previous if f.flagged}

    def members(items: list) -> Callable[[BodyFinding], int]:
        ids = {i.body_id for i in items}
        return lambda f: int(f.body_id in ids)

    base = "flagged_before"
    return [
        Spec(
            base,
            "Used a flagged maker in the previous round",
            lambda f: int(f.body_id in before_users),
            None,
            None,
            f"Bodies asked again that had a confirmed flagged maker in round {previous_id}. {flag.text}",
            sentence="{value} bodies asked again used a flagged maker in the previous round",
        ),
        Spec(
            "replaced_flagged",
            "Replaced flagged cameras",
            members(change.replaced),
            base,
            "that used a flagged maker before",
            f"Confirmed user before, confirmed statement of non-use now. {flag.text}",
            at_least=True,
            sentence="at least {value} of {base} bodies that used a flagged maker before now "
            "state they do not",
        ),
        Spec(
            "no_longer_named_flagged",
            "No longer name a flagged maker",
            members(change.no_longer_named),
            base,
            "that used a flagged maker before",
            "Confirmed user before; now names other makers but not this one "
            f"(silence is not removal). {flag.text}",
            sentence="{value} of {base} no longer name the flagged maker",
        ),
        Spec(
            "still_using_flagged",
            "Still use a flagged maker",
            members(change.still_using),
            base,
            "that used a flagged maker before",
            f"Confirmed user in both rounds. {flag.text}",
            at_least=True,
            sentence="at least {value} of {base} still use a flagged maker",
        ),
        Spec(
            "newly_confirmed_flagged",
            "Newly confirmed flagged maker",
            members(change.newly_confirmed),
            "uses_flagged",
            "using flagged makers now",
            f"Confirmed user now, not confirmed in the previous round. {flag.text}",
            at_least=True,
            sentence="{value} of {base} bodies using flagged makers are newly confirmed",
        ),
    ]


def _base_members(
    spec: Spec, by_key: dict[str, Spec], findings: list[BodyFinding]
) -> list[BodyFinding]:
    """The bodies a figure is out of: those its base figure counts, within that figure's own base.

    Bases chain (uses:hikvision -> named_manufacturers -> replied -> asked), so "of 16 that named
    manufacturers" is always the 16 that figure shows: a body that never replied is in no base
    below "replied", whatever an audit or a published source says of it.
    """
    if spec.base_key is None:
        return findings
    base = by_key[spec.base_key]
    return [f for f in _base_members(base, by_key, findings) if base.counts(f) > 0]


def _figure(spec: Spec, by_key: dict[str, Spec], findings: list[BodyFinding]) -> Figure:
    members = _base_members(spec, by_key, findings)
    value = sum(spec.counts(f) for f in members)
    base = len(members) if spec.base_key else None
    percent = _percent(value, base) if spec.unit == "bodies" else None
    sentence = _singular(
        spec.sentence.format(
            value=value, base=base, percent=percent, label_lower=spec.label.lower()
        )
    )
    return Figure(
        key=spec.key,
        label=spec.label,
        value=value,
        base=base,
        base_key=spec.base_key,
        base_label=_base_label(spec, base),
        percent=percent,
        at_least=spec.at_least,
        unit=spec.unit,
        sentence=sentence[:1].upper() + sentence[1:],
        definition=spec.definition,
        breakdowns=_breakdowns(spec, members, base is not None)
        | ({"exemption": _exemption_rows(members)} if spec.key == "refused" else {}),
    )


def _singular(text: str) -> str:
    """'1 bodies' reads '1 body' (and devices likewise); other numbers keep the plural."""
    return re.sub(
        r"\b1 (bod)ies\b|\b1 (device)s\b", lambda m: f"1 {m[1] + 'y' if m[1] else m[2]}", text
    )


def _base_label(spec: Spec, base: int | None) -> str | None:
    if base is None:
        return None
    return f"{'across' if spec.unit == 'devices' else 'of'} {base} {spec.base_phrase}"


def _breakdowns(
    spec: Spec, members: list[BodyFinding], has_base: bool
) -> dict[str, list[BreakdownRow]]:
    result = {}
    for dimension, names_of in _DIMENSIONS.items():
        values: dict[str, int] = defaultdict(int)
        bases: dict[str, int] = defaultdict(int)
        for f in members:
            for name in names_of(f):
                values[name] += spec.counts(f)
                bases[name] += 1
        result[dimension] = [
            BreakdownRow(
                name,
                values[name],
                bases[name] if has_base else None,
                _percent(values[name], bases[name]) if has_base and spec.unit == "bodies" else None,
            )
            for name in sorted(values)
        ]
    return result


def _exemption_rows(findings: list[BodyFinding]) -> list[BreakdownRow]:
    refused = [f for f in findings if f.status == "refused"]
    counts: dict[str, int] = defaultdict(int)
    for f in refused:
        for exemption in sorted(set(f.exemptions)) or ["(none stated)"]:
            counts[exemption] += 1
    return [
        BreakdownRow(name, n, len(refused), _percent(n, len(refused)))
        for name, n in sorted(counts.items())
    ]


def statistics(
    session: Session,
    survey_id: int | None = None,
    *,
    today: dt.date | None = None,
    flagged: str | FlagDefinition | None = None,
) -> Statistics:
    """Every figure of a round (or of all claims when ``survey_id`` is None), each with its base.

    Figures: asked, replied, answered, refused (with an ``exemption`` breakdown), not_held,
    unclear, overdue, no_reply (all of the bodies asked), answered_no_makers and
    named_manufacturers (of those that replied), makers_unknown, awaiting_review, uses_flagged
    and ``uses:<maker>`` (of those that named manufacturers), replied_uses_flagged and
    ``replied_uses:<maker>`` (the same, as a share of those that replied), devices_flagged,
    ``denies:<maker>`` (of those that replied), ``devices:<maker>`` and, when the round
    repeats an earlier one, flagged_before,
    replaced_flagged, no_longer_named_flagged, still_using_flagged, newly_confirmed_flagged.
    Outside rounds: bodies_on_record, bodies_with_claims, answered, refused, not_held,
    answered_no_makers (from published disclosures), named_manufacturers and the maker figures.
    ``flagged`` names the flagged-maker rule (default state-linked; ``findings.FLAG_DEFINITIONS``).
    """
    today = today or dt.date.today()
    flag = flag_definition(flagged)
    findings = body_findings(session, survey_id, today=today, flagged=flag)
    specs = _specs(session, survey_id, findings, today, flag)
    by_key = {s.key: s for s in specs}
    figures = [_figure(spec, by_key, findings) for spec in specs]
    name = get_survey(session, survey_id).name if survey_id is not None else None
    return Statistics(
        survey_id=survey_id,
        survey_name=name,
        as_of=today,
        figures=figures,
        notes=[*NOTES, flag.text],
        flagged=flag.key,
        flagged_definition=flag.text,
    )


def _within(findings: list[BodyFinding], within: str | None) -> list[BodyFinding]:
    """Only the bodies of one breakdown row: ``"nation:Scotland"``, ``"group:London boroughs"``."""
    if not within:
        return findings
    dimension, _, name = within.partition(":")
    names_of = _DIMENSIONS.get(dimension.strip())
    if names_of is None or not name.strip():
        raise FindingsError(
            f"--within {within!r}: write DIMENSION:NAME with DIMENSION one of {', '.join(_DIMENSIONS)}"
        )
    wanted = name.strip().lower()
    return [f for f in findings if wanted in (n.lower() for n in names_of(f))]


def explain(
    session: Session,
    key: str,
    survey_id: int | None = None,
    *,
    within: str | None = None,
    today: dt.date | None = None,
    flagged: str | FlagDefinition | None = None,
) -> Explanation:
    """The bodies counted in figure ``key``, the claims and evidence behind each, and who was left out and why.

    ``within`` explains one breakdown row instead (``"nation:Wales"``, ``"group:Scottish councils"``,
    ``"region:London"``, ``"body_type:Police force"``): its value and base are that row's.
    """
    today = today or dt.date.today()
    flag = flag_definition(flagged)
    findings = body_findings(session, survey_id, today=today, flagged=flag)
    by_key = {s.key: s for s in _specs(session, survey_id, findings, today, flag)}
    spec = by_key.get(key)
    if spec is None:
        known = ", ".join(sorted(by_key))
        raise NotFound(f"no figure {key!r} in this round; figures: {known}")
    findings = _within(findings, within)
    figure = _figure(spec, by_key, findings)
    counted: list[ExplainedBody] = []
    not_counted: list[ExplainedBody] = []
    for f in _base_members(spec, by_key, findings):
        contribution = spec.counts(f)
        target = counted if contribution > 0 else not_counted
        target.append(_explained(session, f, spec, contribution))
    return Explanation(
        figure=figure,
        counted=counted,
        not_counted=not_counted,
        definition=spec.definition,
        within=within,
    )


def _explained(session: Session, f: BodyFinding, spec: Spec, contribution: int) -> ExplainedBody:
    makers = spec.makers(f) if spec.makers else None
    ids = [cid for m in f.makers if makers is None or m.maker_id in makers for cid in m.claim_ids]
    if spec.makers and not makers:
        ids = [cid for m in f.makers for cid in m.claim_ids]
    claims = list(
        session.scalars(select(Claim).where(Claim.id.in_(ids)).order_by(Claim.maker_id, Claim.id))
    )
    return ExplainedBody(
        body_id=f.body_id,
        body_name=f.body_name,
        nation=f.nation,
        region=f.region,
        body_type_name=f.body_type_name,
        groups=f.groups,
        status=f.status,
        contribution=contribution,
        reason=_reason(f, spec, contribution),
        claims=[claim_view(c, f.body_name) for c in claims],
        document_ids=f.document_ids,
        disclosures=list(f.disclosures),
    )


def _reason(f: BodyFinding, spec: Spec, contribution: int) -> str:
    parts = [f"status {f.status}"]
    if f.outcome:
        parts.append(f"outcome {f.outcome}")
    if f.exemptions:
        parts.append("exemptions " + ", ".join(f.exemptions))
    if f.due_on and f.status in ("overdue", "no_reply"):
        parts.append(f"due {f.due_on.isoformat()}")
    for d in f.disclosures:
        when = f" {d.disclosed_on.isoformat()}" if d.disclosed_on else ""
        parts.append(f"published reply{when}: {d.outcome} ({d.source_url})")
    for m in f.makers:
        state = "confirmed" if m.confirmed else "awaiting review"
        count = f", {m.device_count} devices" if m.device_count is not None else ""
        parts.append(f"{m.name}: {m.polarity} ({state}{count}; {'/'.join(m.origins)})")
    if spec.unit == "devices":
        parts.append(f"adds {contribution} devices")
    return "; ".join(parts)
