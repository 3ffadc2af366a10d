"""Sending a survey: queue each unsent request's letter in the outbox, then run the outbox (or write .eml files)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from cctv_audit.foi.letters import render_request_letter
from cctv_audit.foi.mail import MailSettings, build_message
from cctv_audit.foi.models import OutboxMessage, Request, Survey
from cctv_audit.foi.outbox import SendReport, enqueue, pending_count, send_outbox
from cctv_audit.foi.surveys import get_request, get_survey, request_body, survey_requests
from cctv_audit.store import Store

log = logging.getLogger(__name__)


@dataclass
class QueueReport:
    """Requests queued now, and those that could not be (no address)."""

    queued: list[str] = field(default_factory=list)
    no_address: list[str] = field(default_factory=list)


def _unqueued(session: Session, survey: Survey) -> list[Request]:
    queued = set(
        session.scalars(
            select(OutboxMessage.request_id)
            .join(Request, Request.id == OutboxMessage.request_id)
            .where(Request.survey_id == survey.id, OutboxMessage.kind == "request")
        )
    )
    return [
        r for r in survey_requests(session, survey) if r.state == "draft" and r.id not in queued
    ]


def queue_survey(session: Session, survey: Survey, *, limit: int | None = None) -> QueueReport:
    """Render and queue the letter of every draft request not yet queued (at most ``limit``)."""
    report = QueueReport()
    for request in _unqueued(session, survey):
        if limit is not None and len(report.queued) >= limit:
            break
        body = request_body(session, request)
        if not request.to_addr:
            request.to_addr = body.foi_email
        if not request.to_addr:
            report.no_address.append(request.reference)
            continue
        letter = render_request_letter(survey, body, request)
        request.subject, request.letter = letter.subject, letter.text
        enqueue(session, request, kind="request", subject=letter.subject, body=letter.text)
        report.queued.append(request.reference)
    return report


@dataclass(frozen=True)
class SendPlan:
    """What a send is about to do: ``letters`` messages, ``spacing_seconds`` apart (mail settings)."""

    letters: int
    spacing_seconds: float

    @property
    def seconds(self) -> float:
        """Letters × spacing: the run's length, give or take the servers' own time."""
        return self.letters * self.spacing_seconds

    def describe(self) -> str:
        """ "32 letters, one every 20 s: about 11 min" (said before a long run starts)."""
        letters = f"{self.letters} letter{'' if self.letters == 1 else 's'}"
        if not self.spacing_seconds:
            return f"{letters}, no spacing between them: a few seconds"
        return f"{letters}, one every {self.spacing_seconds:g} s: about {_duration(self.seconds)}"


def _duration(seconds: float) -> str:
    if seconds < 60:
        return f"{round(seconds)} s"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60} min" if minutes % 60 else f"{minutes // 60} h"


def send_survey(
    store: Store,
    survey_id: int,
    settings: MailSettings,
    *,
    limit: int | None = None,
    on_progress: Callable[[str], None] | None = None,
    on_start: Callable[[SendPlan], None] | None = None,
    sleep: Callable[[float], None] | None = None,
) -> tuple[QueueReport, SendReport]:
    """Queue the survey's unsent letters, then send the survey's outbox.

    ``on_start`` hears the plan (how many letters, how long) once they are queued, before the
    first is sent.
    """
    with store.session() as session:
        queued = queue_survey(session, get_survey(session, survey_id), limit=limit)
    if on_start is not None:
        waiting = pending_count(store, survey_id)
        on_start(
            SendPlan(waiting if limit is None else min(limit, waiting), settings.spacing_seconds)
        )
    extra = {"sleep": sleep} if sleep else {}
    report = send_outbox(
        store, settings, survey_id=survey_id, limit=limit, on_progress=on_progress, **extra
    )
    return queued, report


def write_dry_run(
    session: Session, survey: Survey, directory: Path, *, limit: int | None = None
) -> tuple[list[Path], list[str]]:
    """Write the messages a send would make as ``<reference>.eml`` files; the database is left unchanged.

    Returns the files and the references of requests that have no address to send to.
    """
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    with session.begin_nested() as savepoint:
        no_address = queue_survey(session, survey, limit=limit).no_address
        rows = session.scalars(
            select(OutboxMessage)
            .join(Request, Request.id == OutboxMessage.request_id)
            .where(Request.survey_id == survey.id, OutboxMessage.status == "pending")
        )
        for row in rows:
            reference = get_request(session, row.request_id).reference
            path = directory / f"{reference}.eml"
            path.write_bytes(bytes(build_message(row)))
            written.append(path)
        savepoint.rollback()
    return written, no_address
