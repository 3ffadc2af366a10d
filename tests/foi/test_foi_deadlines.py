"""Statutory deadlines against a reference table worked out by hand.

Every date below was worked out from the calendar and the bank-holiday rules
(Banking and Financial Dealings Act 1971 Sch. 1, royal proclamations, the St
Andrew's Day Bank Holiday (Scotland) Act 2007), not copied from the
``holidays`` package, so the package is checked, not trusted.
"""

from __future__ import annotations

import datetime as dt

import pytest

from cctv_audit.errors import SurveyError
from cctv_audit.foi.deadlines import (
    due_date,
    is_working_day,
    non_working_reason,
    review_due,
    working_days_elapsed,
)

D = dt.date.fromisoformat

# (date, not a working day under FOIA, not a working day under FOISA, why)
HOLIDAY_TABLE = [
    ("2022-09-19", True, True, "State funeral of Queen Elizabeth II (one-off, whole UK)"),
    ("2023-01-02", True, True, "E&W/NI: New Year substitute; Scotland: 2 January"),
    ("2023-01-03", True, True, "Scotland: New Year's Day substitute (1 Jan was a Sunday)"),
    ("2023-03-17", True, False, "St Patrick's Day, NI only"),
    ("2023-04-07", True, True, "Good Friday"),
    ("2023-04-10", True, False, "Easter Monday: not a Scottish bank holiday"),
    ("2023-05-01", True, True, "Early May bank holiday"),
    ("2023-05-08", True, True, "Coronation of King Charles III (one-off, whole UK)"),
    ("2023-05-29", True, True, "Spring bank holiday"),
    ("2023-07-12", True, False, "Battle of the Boyne, NI only"),
    ("2023-08-07", True, True, "Scotland's summer bank holiday (first Monday of August)"),
    ("2023-08-28", True, False, "Summer bank holiday, E&W and NI (last Monday of August)"),
    ("2023-11-30", True, True, "St Andrew's Day (Thursday)"),
    ("2023-12-25", True, True, "Christmas Day"),
    ("2023-12-26", True, True, "Boxing Day"),
    ("2024-01-01", True, True, "New Year's Day"),
    ("2024-01-02", True, True, "2 January, Scotland (so FOIA too)"),
    ("2024-03-18", True, False, "St Patrick's Day substitute (17th a Sunday), NI only"),
    ("2024-03-29", True, True, "Good Friday"),
    ("2024-04-01", True, False, "Easter Monday"),
    ("2024-07-12", True, False, "Battle of the Boyne (Friday)"),
    ("2024-08-05", True, True, "Scotland's summer bank holiday"),
    ("2024-08-26", True, False, "Summer bank holiday E&W/NI"),
    ("2024-12-02", True, True, "St Andrew's Day substitute (30 Nov a Saturday)"),
    ("2025-01-02", True, True, "2 January, Scotland"),
    ("2025-03-17", True, False, "St Patrick's Day (Monday)"),
    ("2025-04-18", True, True, "Good Friday"),
    ("2025-04-21", True, False, "Easter Monday"),
    ("2025-07-14", True, False, "Battle of the Boyne substitute (12th a Saturday)"),
    ("2025-08-04", True, True, "Scotland's summer bank holiday"),
    ("2025-08-25", True, False, "Summer bank holiday E&W/NI"),
    ("2025-12-01", True, True, "St Andrew's Day substitute (30 Nov a Sunday)"),
    ("2025-12-25", True, True, "Christmas Day"),
    ("2025-12-26", True, True, "Boxing Day"),
    ("2026-01-02", True, True, "2 January, Scotland (Friday)"),
    ("2026-03-17", True, False, "St Patrick's Day (Tuesday)"),
    ("2026-04-03", True, True, "Good Friday"),
    ("2026-04-06", True, False, "Easter Monday"),
    ("2026-07-13", True, False, "Battle of the Boyne substitute (12th a Sunday)"),
    ("2026-08-03", True, True, "Scotland's summer bank holiday"),
    ("2026-08-31", True, False, "Summer bank holiday E&W/NI"),
    ("2026-11-30", True, True, "St Andrew's Day (Monday)"),
    ("2026-12-25", True, True, "Christmas Day (Friday)"),
    ("2026-12-28", True, True, "Boxing Day substitute (26th a Saturday)"),
    # Ordinary working days next to holidays: the table must also say "no".
    ("2023-07-11", False, False, "Tuesday before the Twelfth"),
    ("2024-12-27", False, False, "Friday after Boxing Day"),
    ("2025-12-24", False, False, "Christmas Eve is a working day"),
    ("2026-04-07", False, False, "Tuesday after Easter Monday"),
    ("2025-12-02", False, False, "Tuesday after the St Andrew's Day substitute"),
]


@pytest.mark.parametrize(("day", "foia", "foisa", "why"), HOLIDAY_TABLE)
def test_reference_table(day: str, foia: bool, foisa: bool, why: str) -> None:
    assert is_working_day(D(day), "FOIA") is not foia, why
    assert is_working_day(D(day), "FOISA") is not foisa, why


def test_reference_table_is_big_enough() -> None:
    holidays_2023_2026 = [row for row in HOLIDAY_TABLE if row[0] >= "2023" and (row[1] or row[2])]
    assert len(holidays_2023_2026) >= 30


# (received, law, due): each counted by hand on a calendar, day 1 = first working day after receipt.
DUE_TABLE = [
    ("2025-12-19", "FOISA", "2026-01-22"),  # Christmas, Boxing Day, 1 and 2 January
    ("2025-12-19", "FOIA", "2026-01-22"),  # 2 January is a Scottish bank holiday: FOIA skips it too
    ("2025-04-17", "FOIA", "2025-05-20"),  # Good Friday, Easter Monday, early May
    ("2025-04-17", "FOISA", "2025-05-19"),  # Easter Monday counts in Scotland
    ("2025-11-28", "FOISA", "2025-12-31"),  # St Andrew's substitute, Christmas, Boxing Day
    ("2025-11-28", "FOIA", "2025-12-31"),  # ...and FOIA skips the Scottish substitute as well
    ("2025-07-10", "FOIA", "2025-08-11"),  # Twelfth substitute (NI) and 4 August (Scotland)
    ("2025-07-10", "FOISA", "2025-08-08"),  # only 4 August
    ("2023-04-28", "FOIA", "2023-05-31"),  # early May, Coronation, spring bank holiday
    ("2023-04-28", "FOISA", "2023-05-31"),
    ("2022-09-09", "FOIA", "2022-10-10"),  # the late Queen's funeral
    ("2022-09-09", "FOISA", "2022-10-10"),
    ("2026-03-16", "FOIA", "2026-04-16"),  # St Patrick's Day, Good Friday, Easter Monday
    ("2026-03-16", "FOISA", "2026-04-14"),  # only Good Friday
    ("2024-11-30", "FOISA", "2025-01-03"),  # received on a Saturday; 2 Dec substitute; 1-2 Jan
    ("2024-11-30", "FOIA", "2025-01-03"),
]


@pytest.mark.parametrize(("received", "law", "due"), DUE_TABLE)
def test_due_dates(received: str, law: str, due: str) -> None:
    assert due_date(D(received), law).due == D(due)


def test_due_date_explains_each_skipped_day() -> None:
    result = due_date("2025-12-19", "FOISA")
    assert [s.date.isoformat() for s in result.skipped] == [
        "2025-12-20",
        "2025-12-21",
        "2025-12-25",
        "2025-12-26",
        "2025-12-27",
        "2025-12-28",
        "2026-01-01",
        "2026-01-02",
        "2026-01-03",
        "2026-01-04",
        "2026-01-10",
        "2026-01-11",
        "2026-01-17",
        "2026-01-18",
    ]
    reasons = {s.date.isoformat(): s.reason for s in result.skipped}
    assert reasons["2025-12-20"] == "Saturday"
    assert reasons["2025-12-25"] == "Christmas Day"
    assert "Scotland" in reasons["2026-01-02"]
    data = result.to_dict()
    assert (
        data["received"] == "2025-12-19" and data["law"] == "FOISA" and data["due"] == "2026-01-22"
    )


def test_foia_reason_names_the_nation() -> None:
    assert "Northern Ireland" in non_working_reason(D("2025-03-17"), "FOIA")
    assert "Scotland" in non_working_reason(D("2025-12-01"), "FOIA")
    assert non_working_reason(D("2025-04-18"), "FOIA") == "Good Friday"
    assert non_working_reason(D("2025-04-21"), "FOISA") is None


def test_received_on_a_holiday_starts_on_the_next_working_day() -> None:
    # Received on Good Friday 2025: day 1 is Tuesday 22 April (FOIA) / Monday 21 April (FOISA).
    assert due_date("2025-04-18", "FOIA", 1).due == D("2025-04-22")
    assert due_date("2025-04-18", "FOISA", 1).due == D("2025-04-21")


def test_long_overdue_and_reviews() -> None:
    assert due_date("2025-04-17", "FOIA", 40).due == D("2025-06-18")
    expected, latest = review_due(D("2025-04-17"), "FOIA")
    assert (expected.due, latest.due) == (D("2025-05-20"), D("2025-06-18"))
    expected, latest = review_due(D("2025-04-17"), "FOISA")
    assert expected.due == latest.due == D("2025-05-19")


def test_working_days_elapsed_matches_due_date() -> None:
    for received, law, due in DUE_TABLE:
        assert working_days_elapsed(D(received), D(due), law) == 20
        assert working_days_elapsed(D(received), D(due) - dt.timedelta(days=1), law) < 20


def test_bad_law_and_date_are_explained() -> None:
    with pytest.raises(SurveyError, match="FOISA"):
        due_date("2025-01-01", "GDPR")
    with pytest.raises(SurveyError, match="YYYY-MM-DD"):
        due_date("01/02/2025", "FOIA")
