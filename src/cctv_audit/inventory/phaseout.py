"""The phase-out programme: flagged devices in priority order, dated status changes, progress."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cctv_audit import vendors
from cctv_audit.errors import InputError, NotFound
from cctv_audit.inventory.models import Asset, PhaseoutEvent
from cctv_audit.inventory.summary import body_assets, maker_name

STATUSES = ("to_replace", "ordered", "replaced", "decommissioned")
DONE = frozenset({"replaced", "decommissioned"})


def _has_risk(asset: Asset, *words: str) -> bool:
    # Audit risk codes are short identifiers (e.g. "cloud_p2p", "cve-2021-36260"): match by keyword.
    return any(word in code.lower() for code in asset.risks or [] for word in words)


@dataclass
class PlanItem:
    rank: int
    asset: Asset
    maker: str
    status: str
    status_on: dt.date | None
    reasons: list[str]


def flagged_assets(session: Session, body_id: int) -> list[Asset]:
    return [
        a
        for a in body_assets(session, body_id)
        if a.maker_id and vendors.is_state_linked(a.maker_id)
    ]


def _priority(asset: Asset, today: dt.date) -> tuple:
    age = (today - asset.install_date).days if asset.install_date else -1
    return (
        not asset.sensitive_site,
        not _has_risk(asset, "cloud", "p2p", "relay"),
        not _has_risk(asset, "cve", "firmware", "vulnerab"),
        -age,
        asset.id,
    )


def _reasons(asset: Asset, today: dt.date) -> list[str]:
    reasons = [
        f"made by {maker_name(asset.maker_id or '')} (flagged maker)"
    ]  # flagged: has a maker
    if asset.sensitive_site:
        reasons.append("sensitive site")
    if _has_risk(asset, "cloud", "p2p", "relay"):
        reasons.append("cloud relay enabled")
    if _has_risk(asset, "cve", "firmware", "vulnerab"):
        reasons.append("vulnerable firmware")
    if asset.install_date:
        reasons.append(
            f"installed {asset.install_date.isoformat()} ({(today - asset.install_date).days // 365} years)"
        )
    return reasons


def latest_events(
    session: Session, asset_ids: list[int], on: dt.date | None = None
) -> dict[int, PhaseoutEvent]:
    """The latest status event per asset, as it stood on ``on`` (default: all events)."""
    query = (
        select(PhaseoutEvent)
        .where(PhaseoutEvent.asset_id.in_(asset_ids))
        .order_by(PhaseoutEvent.on, PhaseoutEvent.id)
    )
    if on is not None:
        query = query.where(PhaseoutEvent.on <= on)
    latest: dict[int, PhaseoutEvent] = {}
    for event in session.scalars(query):
        latest[event.asset_id] = event
    return latest


def plan(session: Session, body_id: int, today: dt.date | None = None) -> list[PlanItem]:
    """Flagged devices in replacement order: sensitive sites, cloud relay, vulnerable firmware, then age."""
    today = today or dt.date.today()
    assets = sorted(flagged_assets(session, body_id), key=lambda a: _priority(a, today))
    events = latest_events(session, [a.id for a in assets])
    items = []
    for rank, asset in enumerate(assets, start=1):
        event = events.get(asset.id)
        items.append(
            PlanItem(
                rank,
                asset,
                maker_name(asset.maker_id or ""),
                event.status if event else "to_replace",
                event.on if event else None,
                _reasons(asset, today),
            )
        )
    return items


def set_status(
    session: Session,
    asset_id: int,
    status: str,
    on: dt.date,
    *,
    replacement_maker: str | None = None,
    note: str | None = None,
    actor: str | None = None,
) -> PhaseoutEvent:
    """Record a dated status change of a flagged asset (events are kept, never overwritten)."""
    if status not in STATUSES:
        raise InputError(f"status {status!r} is not one of {', '.join(STATUSES)}")
    asset = session.get(Asset, asset_id)
    if asset is None:
        raise NotFound(f"no asset {asset_id}; see `cctv-audit phaseout plan`")
    previous = latest_events(session, [asset_id]).get(asset_id)
    if previous is not None and on < previous.on:
        raise InputError(
            f"asset {asset_id}: {on} is before its last change ({previous.status} on {previous.on})"
        )
    if status == "replaced" and replacement_maker:
        replacement_maker = vendors.load_kb().get(replacement_maker).id
    event = PhaseoutEvent(
        asset_id=asset_id,
        status=status,
        on=on,
        replacement_maker=replacement_maker,
        note=note,
        actor=actor,
    )
    session.add(event)
    session.flush()
    return event


@dataclass
class ProgressPoint:
    on: dt.date
    counts: Counter

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def done(self) -> int:
        return sum(self.counts[s] for s in DONE)

    @property
    def percent_done(self) -> float:
        return round(100 * self.done / self.total, 1) if self.total else 0.0


def status_on(session: Session, body_id: int, on: dt.date | None = None) -> ProgressPoint:
    """How many flagged devices stood in each status on a date (default: today)."""
    on = on or dt.date.today()
    assets = flagged_assets(session, body_id)
    events = latest_events(session, [a.id for a in assets], on=on)
    counts = Counter({s: 0 for s in STATUSES})
    for asset in assets:
        event = events.get(asset.id)
        counts[event.status if event else "to_replace"] += 1
    return ProgressPoint(on, counts)


def month_ends(start: dt.date, end: dt.date) -> list[dt.date]:
    points, year, month = [], start.year, start.month
    while True:
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        last = nxt - dt.timedelta(days=1)
        points.append(min(last, end))
        if last >= end:
            return points
        year, month = nxt.year, nxt.month


def progress(session: Session, body_id: int, until: dt.date | None = None) -> list[ProgressPoint]:
    """Status counts at the end of every month from the first status change to ``until``."""
    assets = flagged_assets(session, body_id)
    firsts = session.scalars(
        select(PhaseoutEvent.on)
        .where(PhaseoutEvent.asset_id.in_([a.id for a in assets]))
        .order_by(PhaseoutEvent.on)
    ).all()
    if not firsts:
        return [status_on(session, body_id, until)]
    until = until or max(firsts)
    return [status_on(session, body_id, day) for day in month_ends(firsts[0], until)]
