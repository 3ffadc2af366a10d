"""The transactional outbox: every email is a row first, then an SMTP attempt.

Why a request is never sent twice:

1. A request gets at most one ``request`` outbox row (checked when queueing),
   with its Message-ID fixed at that moment.
2. A row is claimed (``pending`` -> ``sending``) and committed *before* the
   SMTP transaction, with a compare-and-set so two workers cannot both claim it.
3. A row still ``sending`` when a run starts was interrupted (crash, kill,
   dropped connection after DATA). Its Message-ID is looked up in the Sent
   folder over IMAP: found means sent; not found means not sent only when the
   provider files every accepted message in Sent (``sent_copy: server``).
   Otherwise the row is *held* for a person to check: a lost certainty is
   reported, never resolved by sending again.
"""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.utils import formataddr
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from cctv_audit.errors import MailError, NotFound
from cctv_audit.foi.mail import (
    ConnectFailed,
    MailSettings,
    SmtpTransport,
    append_to_sent,
    build_message,
    find_in_sent,
    new_message_id,
    plus_address,
)
from cctv_audit.foi.models import OutboxMessage, Request, Survey
from cctv_audit.foi.states import set_state
from cctv_audit.store import Store, utcnow

log = logging.getLogger(__name__)
UK = ZoneInfo("Europe/London")
ACTOR = "outbox"
#: State a request moves to when each kind of message goes out (None: state unchanged).
STATE_ON_SENT = {
    "request": "awaiting_response",
    "internal_review": "internal_review",
    "appeal": "appeal",
    "chaser": None,
    "clarification": "awaiting_response",
}


def uk_today() -> dt.date:
    return dt.datetime.now(UK).date()


@dataclass
class SendReport:
    """What one run of the outbox did (references of the requests concerned)."""

    sent: list[str] = field(default_factory=list)
    recovered: list[str] = field(default_factory=list)
    retried: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    held: list[tuple[str, str]] = field(default_factory=list)
    remaining: int = 0


def sender_addresses(survey: Survey, reference: str) -> tuple[str, str]:
    """(From, Reply-To) for a survey's message: plus-addressed replies when the survey asks for it."""
    requester = survey.requester or {}
    email = requester["email"]
    reply_to = (
        plus_address(email, reference) if (survey.options or {}).get("plus_addressing") else email
    )
    return formataddr((requester.get("name") or "", email)), reply_to


def enqueue(
    session, request: Request, *, kind: str, subject: str, body: str, in_reply_to: str | None = None
) -> OutboxMessage:
    """Queue one message for a request, in the caller's transaction."""
    if not request.to_addr:
        raise MailError(
            f"request {request.reference}: the body has no FOI email address; "
            "set it with `cctv-audit bodies import` (foi_email column)"
        )
    survey = session.get(Survey, request.survey_id)
    from_addr, reply_to = sender_addresses(survey, request.reference)
    if kind == "request":
        request.reply_to = reply_to
    row = OutboxMessage(
        request_id=request.id,
        kind=kind,
        from_addr=from_addr,
        to_addr=request.to_addr,
        reply_to=reply_to,
        subject=subject,
        body=body,
        message_id=new_message_id(from_addr),
        in_reply_to=in_reply_to,
        status="pending",
        attempts=0,
    )
    session.add(row)
    session.flush()
    return row


def _claim(store: Store, row_id: int) -> bool:
    with store.session() as session:
        result = session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row_id, OutboxMessage.status == "pending")
            .values(status="sending", attempts=OutboxMessage.attempts + 1)
        )
        return result.rowcount == 1  # type: ignore[attr-defined]  # an UPDATE gives a CursorResult


def _next_due(store: Store, survey_id: int | None, now: dt.datetime) -> int | None:
    with store.session() as session:
        query = _scoped(select(OutboxMessage.id), survey_id).where(
            OutboxMessage.status == "pending",
            (OutboxMessage.next_attempt_at.is_(None)) | (OutboxMessage.next_attempt_at <= now),
        )
        return session.scalar(query.order_by(OutboxMessage.id).limit(1))


def _scoped(query, survey_id: int | None):
    if survey_id is None:
        return query
    return query.join(Request, Request.id == OutboxMessage.request_id).where(
        Request.survey_id == survey_id
    )


def pending_count(store: Store, survey_id: int | None = None) -> int:
    """Messages waiting in the outbox (of one survey, or all)."""
    with store.session() as session:
        query = _scoped(select(func.count(OutboxMessage.id)), survey_id)
        return session.scalar(query.where(OutboxMessage.status == "pending")) or 0


def _seconds_to_next_retry(store: Store, survey_id: int | None, now: dt.datetime) -> float | None:
    with store.session() as session:
        query = _scoped(select(func.min(OutboxMessage.next_attempt_at)), survey_id)
        when = session.scalar(query.where(OutboxMessage.status == "pending"))
    return None if when is None else max(0.0, (when - now).total_seconds())


def mark_sent(session, row: OutboxMessage, *, confirmed_by: str, on: dt.date | None = None) -> None:
    """Record a message as gone and move its request on (the request clock starts on ``on``)."""
    on = on or uk_today()
    row.status, row.sent_at, row.confirmed_by, row.last_error = "sent", utcnow(), confirmed_by, None
    request = session.get(Request, row.request_id)
    if row.kind == "request":
        request.message_id, request.sent_at, request.received_on = row.message_id, row.sent_at, on
        request.last_error = None
    state = STATE_ON_SENT.get(row.kind) or request.state
    if row.kind == "clarification":
        request.received_on = on  # a clarification restarts the clock
    set_state(
        session,
        request,
        state,
        actor=ACTOR,
        on=on,
        reason=f"{row.kind.replace('_', ' ')} sent to {row.to_addr} (confirmed by {confirmed_by})",
        details={"message_id": row.message_id, "outbox_id": row.id},
    )


def _fail(session, row: OutboxMessage, reason: str) -> None:
    row.status, row.last_error = "failed", reason
    request = session.get(Request, row.request_id)
    request.last_error = reason
    if row.kind == "request":
        set_state(
            session,
            request,
            "bounced",
            actor=ACTOR,
            reason=f"permanent SMTP failure: {reason}",
            details={"message_id": row.message_id, "outbox_id": row.id},
        )


def _reference(session, row: OutboxMessage) -> str:
    return session.get(Request, row.request_id).reference


def resolve_interrupted(
    store: Store, settings: MailSettings, report: SendReport, row_ids: list[int] | None = None
) -> None:
    """Settle rows left ``sending``: found in Sent -> sent; else retry or hold (see module docstring)."""
    with store.session() as session:
        query = select(OutboxMessage).where(OutboxMessage.status == "sending")
        if row_ids is not None:
            query = query.where(OutboxMessage.id.in_(row_ids))
        rows = list(session.scalars(query))
        if not rows:
            return
        found = (
            find_in_sent(settings.imap, [r.message_id for r in rows]) if settings.imap else set()
        )
        for row in rows:
            reference = _reference(session, row)
            if row.message_id in found:
                mark_sent(session, row, confirmed_by="sent-folder")
                report.recovered.append(reference)
            elif settings.imap and settings.imap.sent_copy == "server":
                row.status = "pending"  # the provider files what it accepts: absent means not sent
            else:
                row.status = "held"
                row.last_error = (
                    "interrupted while sending and not found in the Sent folder: check your Sent "
                    f"mail for {row.message_id}, then `cctv-audit outbox release {row.id}` "
                    f"or `cctv-audit outbox mark-sent {row.id}`"
                )
                report.held.append((reference, row.last_error))


def _classify(exc: BaseException) -> tuple[str, str]:
    """('temporary' | 'permanent' | 'fatal' | 'uncertain', reason) for an SMTP exception."""
    if isinstance(exc, ConnectFailed):
        inner = exc.error
        if isinstance(inner, smtplib.SMTPAuthenticationError):
            return "fatal", f"SMTP login refused: {inner.smtp_code} {inner.smtp_error!r}"
        return "temporary", f"cannot connect: {inner}"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _ in exc.recipients.values()]
        reason = "; ".join(
            f"{addr}: {code} {msg.decode(errors='replace')}"
            for addr, (code, msg) in exc.recipients.items()
        )
        return ("permanent" if min(codes) >= 500 else "temporary"), reason
    if isinstance(exc, smtplib.SMTPSenderRefused):
        kind = "fatal" if exc.smtp_code >= 500 else "temporary"
        return (
            kind,
            f"sender {exc.sender} refused: {exc.smtp_code} {exc.smtp_error.decode(errors='replace')}",
        )
    if isinstance(exc, smtplib.SMTPResponseException):
        text = (
            exc.smtp_error.decode(errors="replace")
            if isinstance(exc.smtp_error, bytes)
            else str(exc.smtp_error)
        )
        reason = f"{exc.smtp_code} {text}"
        return ("permanent" if exc.smtp_code >= 500 else "temporary"), reason
    return "uncertain", f"connection lost while sending: {exc!r}"


def _outbox_row(session: Session, row_id: int) -> OutboxMessage:
    row = session.get(OutboxMessage, row_id)
    if row is None:
        raise NotFound(
            f"outbox message {row_id} was deleted while sending; see `cctv-audit outbox list`"
        )
    return row


def _attempt(
    store: Store, settings: MailSettings, transport: SmtpTransport, row_id: int, report: SendReport
) -> None:
    if not _claim(store, row_id):
        return  # another worker took it
    with store.session() as session:
        row = _outbox_row(session, row_id)
        message, reference = build_message(row), _reference(session, row)
    try:
        transport.send(message)
    except (smtplib.SMTPException, OSError, ConnectFailed) as exc:
        _after_failure(store, settings, row_id, reference, exc, report)
        return
    if settings.imap and settings.imap.sent_copy == "append":
        try:
            append_to_sent(settings.imap, message)
        except MailError as exc:  # the server accepted it: it is sent, only the copy is missing
            log.warning("%s sent, but no copy filed in Sent: %s", reference, exc)
    with store.session() as session:
        mark_sent(session, _outbox_row(session, row_id), confirmed_by="smtp")
    report.sent.append(reference)
    log.info("sent %s", reference)


def _after_failure(
    store: Store,
    settings: MailSettings,
    row_id: int,
    reference: str,
    exc: BaseException,
    report: SendReport,
) -> None:
    kind, reason = _classify(exc)
    log.warning("%s: %s failure: %s", reference, kind, reason)
    if kind == "uncertain":
        resolve_interrupted(store, settings, report, [row_id])
        with store.session() as session:
            if _outbox_row(session, row_id).status != "pending":
                return  # settled: found in Sent, or held for a person
        kind = "temporary"
    with store.session() as session:
        row = _outbox_row(session, row_id)
        if kind == "fatal":
            row.status, row.attempts, row.last_error = "pending", row.attempts - 1, reason
        elif kind == "permanent" or row.attempts >= settings.max_attempts:
            error = (
                reason
                if kind == "permanent"
                else f"gave up after {row.attempts} attempts: {reason}"
            )
            _fail(session, row, error)
            report.failed.append((reference, error))
        else:
            delay = settings.backoff_seconds * 2 ** (row.attempts - 1)
            row.status, row.last_error = "pending", reason
            row.next_attempt_at = utcnow() + dt.timedelta(seconds=delay)
            report.retried.append(reference)
    if kind == "fatal":
        raise MailError(
            f"{settings.smtp.host}:{settings.smtp.port}: {reason}; nothing more was sent"
        )


def send_outbox(
    store: Store,
    settings: MailSettings,
    *,
    survey_id: int | None = None,
    limit: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
    on_progress: Callable[[str], None] | None = None,
) -> SendReport:
    """Send pending messages: throttled, retried with backoff on 4xx, stopped per message on 5xx."""
    report = SendReport()
    resolve_interrupted(store, settings, report)
    transport = SmtpTransport(settings.smtp)
    attempts = 0
    try:
        while limit is None or len(report.sent) < limit:
            row_id = _next_due(store, survey_id, utcnow())
            if row_id is None:
                wait = _seconds_to_next_retry(store, survey_id, utcnow())
                if wait is None or wait > settings.max_wait_seconds:
                    break
                sleep(wait + 0.01)
                continue
            if attempts:
                sleep(settings.spacing_seconds)
            attempts += 1
            _attempt(store, settings, transport, row_id, report)
            if on_progress:
                on_progress(str(row_id))
    finally:
        transport.close()
    with store.session() as session:
        report.remaining = session.scalar(
            _scoped(select(func.count(OutboxMessage.id)), survey_id).where(
                OutboxMessage.status == "pending"
            )
        )
    return report


def release(store: Store, row_id: int, *, sent: bool, actor: str) -> OutboxMessage:
    """Settle a held row by hand: ``sent=True`` records it as sent, ``False`` queues it again."""
    with store.session() as session:
        row = session.get(OutboxMessage, row_id)
        if row is None or row.status != "held":
            raise MailError(f"outbox message {row_id} is not held (nothing to release)")
        if sent:
            mark_sent(session, row, confirmed_by=f"person:{actor}")
        else:
            row.status, row.last_error = "pending", None
        return row
