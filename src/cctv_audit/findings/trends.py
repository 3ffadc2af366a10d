"""Trends between two survey rounds for flagged makers: replaced, newly confirmed, still in use."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from cctv_audit.errors import FindingsError
from cctv_audit.findings.bodies import body_findings, get_survey
from cctv_audit.findings.flagged import FlagDefinition, flag_definition
from cctv_audit.findings.types import BodyFinding, MakerFinding, TrendItem, Trends


def _maker(finding: BodyFinding | None, maker_id: str) -> MakerFinding | None:
    if finding is None:
        return None
    return next((m for m in finding.makers if m.maker_id == maker_id), None)


def _confirmed_use(m: MakerFinding | None) -> bool:
    return m is not None and m.confirmed and m.polarity in ("uses", "conflict")


def _named_any(finding: BodyFinding | None) -> bool:
    return finding is not None and any(_confirmed_use(m) for m in finding.makers)


def trends(
    session: Session,
    survey_id: int,
    previous_id: int | None = None,
    *,
    today: dt.date | None = None,
    flagged: str | FlagDefinition | None = None,
) -> Trends:
    """Compare flagged makers per body between ``previous_id`` (default: the round's ``previous_id``) and this round.

    Only confirmed claims count on either side. ``replaced`` needs a confirmed statement of
    non-use now; a body that now names other makers but says nothing of the flagged one is
    listed apart (``no_longer_named``), because silence is not removal. ``flagged`` names the
    flagged-maker rule (default: state-linked makers).
    """
    flag = flag_definition(flagged)
    survey = get_survey(session, survey_id)
    previous_id = previous_id or survey.previous_id
    if previous_id is None:
        raise FindingsError(
            f"survey {survey.slug!r} has no previous round; pass previous_id (CLI: --previous SURVEY)"
        )
    previous = get_survey(session, previous_id)
    return compare_rounds(
        body_findings(session, previous.id, today=today, flagged=flag),
        body_findings(session, survey.id, today=today, flagged=flag),
        survey_id=survey.id,
        previous_id=previous.id,
    )


def compare_rounds(
    old_round: list[BodyFinding], new_round: list[BodyFinding], *, survey_id: int, previous_id: int
) -> Trends:
    """``trends`` over findings already computed (both lists from ``body_findings``)."""
    before = {f.body_id: f for f in old_round}
    after = {f.body_id: f for f in new_round}
    result = Trends(survey_id, previous_id, [], [], [], [])
    for body_id in sorted(
        set(before) | set(after), key=lambda b: (after.get(b) or before[b]).body_name
    ):
        _compare(before.get(body_id), after.get(body_id), result)
    return result


def _compare(old: BodyFinding | None, new: BodyFinding | None, result: Trends) -> None:
    either = new or old
    if either is None:  # neither round has the body: nothing to compare
        return
    makers = {m.maker_id for f in (old, new) if f for m in f.makers if m.flagged}
    for maker_id in sorted(makers):
        was, now = _maker(old, maker_id), _maker(new, maker_id)
        item = TrendItem(either.body_id, either.body_name, maker_id, was, now)
        if _confirmed_use(was) and _confirmed_use(now):
            result.still_using.append(item)
        elif (
            _confirmed_use(was)
            and now is not None
            and now.polarity == "does_not_use"
            and now.confirmed
        ):
            result.replaced.append(item)
        elif _confirmed_use(was) and now is None and _named_any(new):
            result.no_longer_named.append(item)
        elif _confirmed_use(now) and not _confirmed_use(was):
            result.newly_confirmed.append(item)
