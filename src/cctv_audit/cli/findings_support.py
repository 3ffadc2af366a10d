"""Shared helpers of the findings command groups (`findings`, `review`, `claims`, `disclosures`).

Parsing options and formatting findings data classes for the terminal only; the logic lives in
``cctv_audit.findings``. This module registers no commands.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
from typing import Any, overload

import typer

SURVEY_HELP = "Survey round (id or slug); without it, every claim from any source."
TODAY_HELP = "Judge overdue requests as of this date (YYYY-MM-DD) (default: today)."
FLAGGED_HELP = (
    "What counts as a flagged maker: state_linked (default: a sourced link to the Chinese state) "
    "or serious_risk (also any knowledge-base risk of severity 3+)."
)


def parse_date(value: str | None, option: str) -> dt.date | None:
    """``YYYY-MM-DD`` or None; a bad date is a usage error naming the option."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date like 2026-03-01", param_hint=option
        ) from None


def required_date(value: str, option: str) -> dt.date:
    """``YYYY-MM-DD`` for an option that must be given (an empty value is a usage error too)."""
    day = parse_date(value, option)
    if day is None:
        raise typer.BadParameter("give a date like 2026-03-01", param_hint=option)
    return day


@overload
def survey_id(session, ref: str) -> int: ...
@overload
def survey_id(session, ref: None) -> None: ...
def survey_id(session, ref: str | None) -> int | None:  # Session
    """The id of survey ``ref`` (id or slug), None when not given."""
    from cctv_audit.findings import get_survey

    return None if ref is None else get_survey(session, ref).id


def default_reviewer() -> str:
    return os.environ.get("CCTV_AUDIT_REVIEWER") or getpass.getuser()


def show_value(value: Any) -> str:
    """A reviewed field's value in one line: lists and counts joined, None as "(none)"."""
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items()) or "(none)"
    if isinstance(value, list):
        return ", ".join(map(str, value)) or "(none)"
    return "(none)" if value is None else str(value)


def makers_text(makers: list) -> str:
    """ "Hikvision (56) !, no Dahua": ``?`` unconfirmed, ``!`` flagged (the findings library decides)."""
    parts = []
    for m in makers:
        count = f" ({m.device_count})" if m.device_count is not None else ""
        mark = "" if m.confirmed else "?"
        verb = {"uses": "", "does_not_use": "no ", "conflict": "conflict "}[m.polarity]
        flag = " !" if m.flagged else ""
        parts.append(f"{verb}{m.name}{count}{mark}{flag}")
    return ", ".join(parts)


def evidence_text(e) -> str:  # EvidenceView
    """One evidence row: a document span with its quote, an audit record, or a URL with its date."""
    if e.kind == "document":
        where = f"[{e.start}:{e.end}]" if e.start is not None else "(whole document)"
        quote = f' "{e.quote}"' if e.quote else ""
        return f"document {e.document_id} {where}{quote}"
    if e.kind == "observation":
        return f"{e.observation_kind or 'observation'} {e.observation_id}" + (
            f' "{e.quote}"' if e.quote else ""
        )
    return e.url + (f" ({e.published_on.isoformat()})" if e.published_on else "")
