"""Statutory deadlines: 20 working days, counted the way each law defines a working day.

- FOIA 2000 s.10(6): a working day is any day other than a Saturday, a Sunday,
  Christmas Day, Good Friday, or a day which is a bank holiday in **any part**
  of the United Kingdom (so Scottish and Northern Irish bank holidays stop an
  English clock too).
- FOISA 2002 s.73: any day other than a Saturday, a Sunday, Christmas Day, or a
  bank holiday **in Scotland** (2 January and St Andrew's Day count; Easter
  Monday does not).

Day 1 is the first working day after the day of receipt (receipt on a
non-working day gives the same result: the next working day is day 1). The
EIR and the EISR share the calendars of FOIA and FOISA respectively.

Holiday data comes from the maintained ``holidays`` package (UK subdivisions
ENG, WLS, NIR, SCT, with substitute days and one-off proclamations); the
reference table in ``tests/foi/test_foi_deadlines.py`` pins it to hand-checked
dates.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from cctv_audit.errors import SurveyError

FOIA = "FOIA"
FOISA = "FOISA"
#: Response time in working days (FOIA s.10(1), FOISA s.10(1)).
RESPONSE_DAYS = 20
#: After this many working days a request is "long overdue" (WhatDoTheyKnow's convention:
#: even the longest usual public-interest extension has passed).
LONG_OVERDUE_DAYS = 40
#: Internal review: FOISA s.21(1) 20 working days (statutory); FOIA s.45 Code of Practice
#: expects 20 and allows 40 at most.
REVIEW_DAYS = 20
REVIEW_MAX_DAYS = {FOIA: 40, FOISA: 20}

_LAW_ALIASES = {"FOIA": FOIA, "EIR": FOIA, "FOISA": FOISA, "EISR": FOISA}
_SUBDIVISIONS = {FOIA: ("ENG", "WLS", "NIR", "SCT"), FOISA: ("SCT",)}
_PLACE_NAMES = {"ENG": "England", "WLS": "Wales", "NIR": "Northern Ireland", "SCT": "Scotland"}


def normalise_law(law: str) -> str:
    """``FOIA`` or ``FOISA`` from a law name (EIR counts like FOIA, EISR like FOISA)."""
    key = (law or "").strip().upper()
    if key not in _LAW_ALIASES:
        raise SurveyError(
            f"unknown law {law!r}: use FOIA (England, Wales, NI, UK-wide) or FOISA (Scotland)"
        )
    return _LAW_ALIASES[key]


@dataclass(frozen=True)
class SkippedDay:
    """A day that did not count, and why."""

    date: dt.date
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"date": self.date.isoformat(), "reason": self.reason}


@dataclass(frozen=True)
class DueDate:
    """A deadline with its working: the days it skipped between receipt and the due date."""

    received: dt.date
    law: str
    working_days: int
    due: dt.date
    skipped: tuple[SkippedDay, ...]

    def to_dict(self) -> dict:
        return {
            "received": self.received.isoformat(),
            "law": self.law,
            "working_days": self.working_days,
            "due": self.due.isoformat(),
            "skipped": [s.to_dict() for s in self.skipped],
        }


@functools.lru_cache(maxsize=64)
def _bank_holidays(subdivision: str, year: int) -> dict[dt.date, str]:
    import holidays

    return dict(holidays.UK(subdiv=subdivision, years=year).items())


@functools.lru_cache(maxsize=32768)
def non_working_reason(day: dt.date, law: str) -> str | None:
    """Why ``day`` is not a working day under ``law``, or None when it is one."""
    law = normalise_law(law)
    if day.weekday() >= 5:
        return day.strftime("%A")
    if (day.month, day.day) == (12, 25):
        return "Christmas Day"  # named by both Acts, whatever the holiday data says
    places: dict[str, list[str]] = {}
    for subdivision in _SUBDIVISIONS[law]:
        name = _bank_holidays(subdivision, day.year).get(day)
        if name:
            places.setdefault(name, []).append(_PLACE_NAMES[subdivision])
    if not places:
        return None
    if any(name == "Good Friday" for name in places):
        return "Good Friday"
    return "; ".join(
        f"bank holiday in {_join_places(where)}: {name}" for name, where in places.items()
    )


def _join_places(places: list[str]) -> str:
    if len(places) == len(_PLACE_NAMES):
        return "every part of the UK"
    if {"England", "Wales"} <= set(places):
        places = ["England and Wales", *(p for p in places if p not in {"England", "Wales"})]
    return places[0] if len(places) == 1 else ", ".join(places[:-1]) + " and " + places[-1]


def is_working_day(day: dt.date, law: str) -> bool:
    """True when ``day`` counts towards a deadline under ``law``."""
    return non_working_reason(day, law) is None


def due_date(received: dt.date | str, law: str, working_days: int = RESPONSE_DAYS) -> DueDate:
    """The day a reply is due: ``working_days`` working days after ``received``, with the days skipped.

    >>> due_date(dt.date(2025, 12, 19), "FOISA").due
    datetime.date(2026, 1, 22)
    """
    received = _as_date(received)
    law = normalise_law(law)
    if working_days < 1:
        raise SurveyError(f"working days must be at least 1, not {working_days}")
    day, counted, skipped = received, 0, []
    while counted < working_days:
        day += dt.timedelta(days=1)
        reason = non_working_reason(day, law)
        if reason is None:
            counted += 1
        else:
            skipped.append(SkippedDay(day, reason))
    return DueDate(received, law, working_days, day, tuple(skipped))


def working_days_elapsed(received: dt.date, today: dt.date, law: str) -> int:
    """Working days from the day after ``received`` up to and including ``today`` (0 if not later)."""
    count, day = 0, received
    while day < today:
        day += dt.timedelta(days=1)
        count += is_working_day(day, law)
    return count


def review_due(requested: dt.date, law: str) -> tuple[DueDate, DueDate]:
    """Internal review deadlines: (expected, latest). Both 20 working days under FOISA; 20 and 40 under FOIA."""
    law = normalise_law(law)
    return due_date(requested, law, REVIEW_DAYS), due_date(requested, law, REVIEW_MAX_DAYS[law])


def _as_date(value: dt.date | str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise SurveyError(f"{value!r} is not a date: write it as YYYY-MM-DD") from exc
