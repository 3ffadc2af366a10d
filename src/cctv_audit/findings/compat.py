"""Thin adapters over the vendors and foi packages.

Both are built in parallel with this one; until their functions land, these
adapters fall back to the minimum findings needs (a maker id from a name, the
makers the eval treats as state-linked, the statutory 20 working days), so
findings works and is tested on its own. Once the real functions exist they
are always used.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

# Only used while cctv_audit.vendors has no knowledge base: the makers the answer eval
# counts as state-linked (see the answers package's scoring rules).
_FALLBACK_STATE_LINKED = {
    "hikvision",
    "dahua",
    "uniview",
    "tiandy",
    "ezviz",
    "imou",
    "huawei",
    "kedacom",
}
_FALLBACK_MADE_BY = {"ezviz": "hikvision", "hilook": "hikvision", "imou": "dahua", "lorex": "dahua"}


@dataclass
class MakerInfo:
    """What findings needs to know about a maker."""

    id: str
    name: str
    maker_id: str
    state_linked: bool
    risk_severity: int = 0
    risk_label: str | None = None
    flags: list[tuple[str, int, str]] = field(default_factory=list)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.strip().lower()).strip("-")


def _kb():
    try:
        from cctv_audit.vendors import load_kb
    except ImportError:
        return None
    try:
        return load_kb()
    except Exception as exc:  # noqa: BLE001 - a broken KB must not stop findings; logged
        log.warning("vendors knowledge base unavailable: %s", exc)
        return None


@functools.lru_cache(maxsize=4096)
def maker_info(ref: str) -> MakerInfo:
    """Id, display name, real maker, state link and risk flags of a maker named ``ref`` (cached: treat as read-only)."""
    kb = _kb()
    if kb is not None:
        try:
            manufacturer = kb.get(ref)
        except Exception:  # noqa: BLE001 - unknown names are kept as they are written
            manufacturer = None
        if manufacturer is not None:
            return _from_kb(manufacturer)
    ident = _slug(ref)
    maker = _FALLBACK_MADE_BY.get(ident, ident)
    name = ref.strip() if ref.strip() and not ref.islower() else ident.replace("-", " ").title()
    linked = maker in _FALLBACK_STATE_LINKED
    return MakerInfo(
        ident, name, maker, linked, 3 if linked else 0, "state-linked" if linked else None
    )


def _from_kb(manufacturer) -> MakerInfo:  # noqa: ANN001 - vendors.Manufacturer
    from cctv_audit.vendors import assess, resolve_maker

    maker_id = resolve_maker(manufacturer.id)
    assessment = assess(manufacturer.id)
    flags = [(f.code, int(f.severity), f.title) for f in assessment.flags]
    return MakerInfo(
        id=manufacturer.id,
        name=manufacturer.name,
        maker_id=maker_id,
        state_linked=_linked(manufacturer.id),
        risk_severity=int(assessment.severity or 0),
        risk_label=assessment.label,
        flags=flags,
    )


def _linked(manufacturer_id: str) -> bool:
    """``vendors.is_state_linked``: the maker, its parent or its real maker has a sourced state link."""
    from cctv_audit.vendors import is_state_linked

    return bool(is_state_linked(manufacturer_id))


# --- FOI deadlines -------------------------------------------------------------------------


def request_due(request) -> dt.date | None:  # noqa: ANN001 - foi.Request
    """The statutory due date of a request (None until the body has received it)."""
    try:
        from cctv_audit.foi import request_due as foi_request_due
    except ImportError:
        foi_request_due = None
    if foi_request_due is not None:
        due = foi_request_due(request)
        return getattr(due, "due", due)
    received = request.received_on or (request.sent_at.date() if request.sent_at else None)
    return None if received is None else _twenty_working_days(received, request.law)


def request_overdue(request, due: dt.date | None, today: dt.date) -> bool:  # noqa: ANN001 - foi.Request
    """True when the body owes a reply past its deadline (foi's rules: clarification pauses the clock)."""
    try:
        from cctv_audit.foi import is_overdue
    except ImportError:
        return due is not None and today > due
    return bool(is_overdue(request, today))


def _twenty_working_days(received: dt.date, law: str | None) -> dt.date:
    import holidays

    subdiv = "SCT" if (law or "").upper() == "FOISA" else "ENG"
    closed = holidays.country_holidays(
        "GB", subdiv=subdiv, years=range(received.year, received.year + 2)
    )
    day, counted = received, 0
    while counted < 20:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day not in closed:
            counted += 1
    return day
