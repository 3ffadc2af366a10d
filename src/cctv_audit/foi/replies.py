"""Replies: tie ingested documents (emails) to requests, queue what cannot be tied, propose a state.

Matching, strongest evidence first: the reference token in a recipient address
(plus-addressing) or the subject; ``In-Reply-To``/``References`` naming a
message we sent; the token in the text; the sender's domain among the body's
known email domains (only when that leaves exactly one open request). What
cannot be matched waits in the unmatched queue (``replies.request_id`` NULL).

Matching only files the reply. Reading it (one answer per reply, its claims) is the
intake step's job (``cctv_audit.intake``), which then hands the outcome back through
:func:`apply_outcome`: a waiting request moves to ``response_received``
(WhatDoTheyKnow's "awaiting classification") unless the reply is only an
acknowledgement, and the state the outcome suggests is kept as ``proposed_state``
for a person to confirm. This package never calls answers or findings.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from email.utils import getaddresses, parseaddr

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cctv_audit.documents import fetch_imap
from cctv_audit.documents.models import Document, Message
from cctv_audit.errors import NotFound, SurveyError
from cctv_audit.foi.models import OutboxMessage, Reply, Request
from cctv_audit.foi.states import CLOSED, OUTCOME_TO_STATE, WAITING, set_state
from cctv_audit.foi.surveys import get_request
from cctv_audit.registry import Body

log = logging.getLogger(__name__)
TOKEN = re.compile(r"(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9]{1,11}-[A-Za-z0-9]{6})(?![A-Za-z0-9])")
ACTOR = "reply-matcher"


@dataclass
class ReplyHeaders:
    """What matching needs from an email."""

    message_id: str | None = None
    in_reply_to: str | None = None
    references: list[str] = field(default_factory=list)
    from_addr: str | None = None
    to_addrs: list[str] = field(default_factory=list)
    subject: str = ""
    text: str = ""


def headers_of(session: Session, document) -> ReplyHeaders | None:
    """Headers of an ingested email document (from the documents package's ``messages`` table)."""
    message = session.scalar(select(Message).where(Message.document_id == document.id))
    if message is None:
        return None
    return ReplyHeaders(
        message_id=message.message_id,
        in_reply_to=message.in_reply_to,
        references=list(message.references or []),
        from_addr=message.from_addr,
        to_addrs=list(message.to_addrs or []),
        subject=message.subject or "",
        text=document.text or "",
    )


def _by_token(session: Session, texts: list[str]) -> Request | None:
    for text in texts:
        for token in TOKEN.findall(text or ""):
            request = session.scalar(
                select(Request).where(func.upper(Request.reference) == token.upper())
            )
            if request is not None:
                return request
    return None


def _by_message_id(session: Session, ids: list[str]) -> Request | None:
    ids = [i.strip() for i in ids if i and i.strip()]
    if not ids:
        return None
    request_id = session.scalar(
        select(OutboxMessage.request_id).where(OutboxMessage.message_id.in_(ids))
    )
    if request_id is None:
        request_id = session.scalar(select(Request.id).where(Request.message_id.in_(ids)))
    return session.get(Request, request_id) if request_id else None


def _by_domain(session: Session, from_addr: str | None) -> Request | None:
    domain = parseaddr(from_addr or "")[1].rpartition("@")[2].lower()
    if not domain:
        return None
    matches = []
    for body in session.scalars(select(Body)):
        known = {d.lower() for d in body.email_domains or []}
        if body.foi_email:
            known.add(body.foi_email.rpartition("@")[2].lower())
        if any(domain == d or domain.endswith("." + d) for d in known):
            matches.append(body.id)
    if not matches:
        return None
    candidates = session.scalars(
        select(Request).where(Request.body_id.in_(matches), Request.received_on.is_not(None))
    ).all()
    open_ones = [r for r in candidates if r.state not in CLOSED]
    return open_ones[0] if len(open_ones) == 1 else None


def match_headers(session: Session, headers: ReplyHeaders) -> tuple[Request | None, str | None]:
    """The request an email answers, and how it was matched (``token``, ``in-reply-to``...)."""
    addresses = [addr for _, addr in getaddresses(headers.to_addrs)]
    steps = [
        ("token", lambda: _by_token(session, [*addresses, headers.subject])),
        ("in-reply-to", lambda: _by_message_id(session, [headers.in_reply_to or ""])),
        ("references", lambda: _by_message_id(session, headers.references)),
        ("token-in-text", lambda: _by_token(session, [headers.text[:20000]])),
        ("domain", lambda: _by_domain(session, headers.from_addr)),
    ]
    for how, find in steps:
        request = find()
        if request is not None:
            return request, how
    return None, None


def _own_message(session: Session, headers: ReplyHeaders) -> Request | None:
    """The request whose letter this is, when the email is one we sent (found by its Message-ID)."""
    if not headers.message_id:
        return None
    return _by_message_id(session, [headers.message_id])


def record_reply(session: Session, document, headers: ReplyHeaders | None = None) -> Reply:
    """Match a document to a request (or queue it) once. Reading it is intake's job."""
    existing = session.scalar(select(Reply).where(Reply.document_id == document.id))
    if existing is not None:
        return existing
    headers = headers or headers_of(session, document) or ReplyHeaders(text=document.text or "")
    own = _own_message(session, headers)
    # Our own letter (a Sent folder was ingested) is filed against no request: it answers nothing,
    # so no status, figure or queue may ever count it.
    request, how = (None, "own-message") if own is not None else match_headers(session, headers)
    reply = Reply(
        document_id=document.id,
        request_id=request.id if request else None,
        matched_by=how,
        received_at=_sent_at(session, document),
    )
    session.add(reply)
    session.flush()
    if request is None and own is None:
        log.info("document %s: no request matched; left in the unmatched queue", document.id)
    return reply


def is_own_message(reply: Reply) -> bool:
    """True for a letter we sent (a Sent folder was ingested): filed, but never a reply."""
    return reply.matched_by == "own-message"


def is_answer(reply: Reply) -> bool:
    """The one rule for "replied", used by survey status, findings, the web app and the site.

    A reply answers its request when it is matched to it, is not one of our own letters and is
    not an acknowledgement or automatic reply, unless a person said otherwise (``mark_reply``).
    """
    if reply.request_id is None or is_own_message(reply):
        return False
    if reply.answer_override is not None:
        return reply.answer_override
    return not reply.automatic


def answering_replies(session: Session, request: Request) -> list[Reply]:
    """The replies that answer a request, oldest first (by the date the body sent them)."""
    replies = session.scalars(
        select(Reply).where(Reply.request_id == request.id).order_by(Reply.id)
    )
    return sorted(
        (r for r in replies if is_answer(r)), key=lambda r: (r.received_at or dt.datetime.max, r.id)
    )


def mark_reply(
    session: Session, reply_id: int, answer: bool | None, *, actor: str, reason: str | None = None
) -> Reply:
    """A person says a reply is an answer (True), is not one (False), or leaves it to the rule (None).

    The request follows: with no answering reply left it waits again (the clock runs on), and a
    first answering reply moves it to ``response_received``.
    """
    reply = get_reply(session, reply_id)
    if reply.request_id is None:
        raise SurveyError(f"reply {reply_id} is not matched to a request; assign it first")
    if answer is False and not reason:
        raise SurveyError(f"say why reply {reply_id} is not an answer (reason)")
    reply.answer_override, reply.override_by, reply.override_reason = answer, actor, reason
    session.flush()
    request = get_request(session, reply.request_id)
    answered = bool(answering_replies(session, request))
    details = {"reply_id": reply.id, "answer": answer}
    if not answered and request.state == "response_received":
        set_state(
            session,
            request,
            "awaiting_response",
            actor=actor,
            details=details,
            reason=f"reply {reply.id} is not an answer ({reason}): the answer is still owed",
        )
    elif answered and request.state in WAITING:
        set_state(
            session,
            request,
            "response_received",
            actor=actor,
            details=details,
            reason=f"reply {reply.id} is an answer{f' ({reason})' if reason else ''}",
        )
    return reply


def set_reply_date(session: Session, reply_id: int, when: dt.date | str, *, actor: str) -> Reply:
    """The date the body sent a reply, given by a person (a posted letter, a portal download)."""
    reply = get_reply(session, reply_id)
    day = dt.date.fromisoformat(when) if isinstance(when, str) else when
    reply.received_at = dt.datetime.combine(day, dt.time())
    log.info("reply %s dated %s by %s", reply_id, day, actor)
    session.flush()
    return reply


def _sent_at(session: Session, document) -> dt.datetime | None:  # documents.Document
    """The date the message was sent (its Date header), which is when the body replied."""
    return session.scalar(select(Message.sent_at).where(Message.document_id == document.id))


# Automatic replies and receipts say the letter arrived, not what the body holds. They must not stop
# the clock: a request "answered" by an out-of-office would never show as overdue.
_AUTOMATIC_SUBJECT = re.compile(
    r"^\s*(?:automatic reply|auto[- ]?(?:reply|response)|autoreply|out of (?:the )?office|"
    r"acknowledge?ment|receipt of)\b",
    re.IGNORECASE,
)
_RECEIPT_TEXT = re.compile(
    r"acknowledge (?:the )?receipt|(?:we|I) (?:have|has) received your (?:request|e-?mail|correspondence)|"
    r"(?:is|has been) (?:logged|received)\b[^.]{0,80}\b(?:respond|reply)|out of (?:the )?office|"
    r"automatic(?:ally generated)? (?:reply|response)",
    re.IGNORECASE,
)


def is_acknowledgement(headers: ReplyHeaders, outcome: str | None) -> bool:
    """True for an automatic reply or a receipt that answers nothing (the extracted outcome says so)."""
    if outcome not in (None, "other"):
        return False  # an answer, whatever its subject line says
    return bool(
        _AUTOMATIC_SUBJECT.match(headers.subject or "") or _RECEIPT_TEXT.search(headers.text[:5000])
    )


def apply_outcome(
    session: Session, reply: Reply, outcome: str | None, *, actor: str = ACTOR
) -> None:
    """Move the reply's request on from what the reply was read to say (``outcome``: None if unread).

    A waiting request becomes ``response_received`` unless the reply is only an acknowledgement
    or automatic reply; the state the outcome suggests is proposed, for a person to confirm.
    """
    if reply.request_id is None:
        return
    request = get_request(session, reply.request_id)
    document = _reply_document(session, reply)
    headers = headers_of(session, document) or ReplyHeaders(text=document.text or "")
    details = {"document_id": document.id, "reply_id": reply.id}
    waiting = request.state in WAITING or request.state == "clarification_requested"
    reply.automatic = is_acknowledgement(headers, outcome)
    if not is_answer(reply):  # an acknowledgement, or a person said it is no answer
        if waiting and reply.automatic:
            set_state(
                session,
                request,
                request.state,
                actor=actor,
                details=details,
                reason=f"acknowledgement or automatic reply (document {document.id}): "
                "the answer is still owed",
            )
        return
    set_state(
        session,
        request,
        "response_received" if waiting else request.state,
        actor=actor,
        reason=f"reply received (document {document.id}, matched by {reply.matched_by})",
        details=details,
    )
    reply.proposed_state = OUTCOME_TO_STATE.get(outcome) if outcome else None
    if reply.proposed_state:
        log.info("request %s: reply suggests %s", request.reference, reply.proposed_state)


def reply_documents(session: Session, reply: Reply) -> list:
    """The parts of a reply in reading order: its document, then every attachment (nested ones too)."""
    top = _reply_document(session, reply)
    parts, frontier = [top], [top.id]
    while frontier:
        children = list(
            session.scalars(
                select(Document).where(Document.parent_id.in_(frontier)).order_by(Document.id)
            )
        )
        parts += children
        frontier = [c.id for c in children]
    return parts


def reply_of_document(session: Session, document) -> Reply | None:  # documents.Document
    """The reply a document is part of (walking up from an attachment to its e-mail), if any."""
    while document is not None:
        reply = session.scalar(select(Reply).where(Reply.document_id == document.id))
        if reply is not None:
            return reply
        document = session.get(Document, document.parent_id) if document.parent_id else None
    return None


def request_for_document(session: Session, document) -> Request | None:
    """The request a document replies to (through the reply it is part of), if matched."""
    reply = reply_of_document(session, document)
    if reply is None or reply.request_id is None:
        return None
    return session.get(Request, reply.request_id)


def match_new_documents(session: Session) -> list[Reply]:
    """File every stored top-level document that is not a reply yet: e-mails, and files too.

    A posted letter or a portal download ingested as a PDF is matched by the reference in its
    text, else it waits in the unmatched queue with suggestions, like an e-mail.
    """
    done = select(Reply.document_id)
    query = (
        select(Document)
        .where(Document.parent_id.is_(None), Document.id.not_in(done))
        .order_by(Document.id)
    )
    return [record_reply(session, document) for document in session.scalars(query).all()]


def attach_document(
    session: Session, document_id: int, request: Request | int | str, *, actor: str
) -> Reply:
    """Tie any stored document to a request by hand (a reply row is made when it has none)."""
    document = session.get(Document, document_id)
    if document is None:
        raise NotFound(f"no document {document_id}; see `cctv-audit documents list`")
    if document.parent_id is not None:
        raise SurveyError(
            f"document {document_id} is an attachment of document {document.parent_id}: "
            "attach the message it came in instead"
        )
    reply = session.scalar(select(Reply).where(Reply.document_id == document.id))
    if reply is None:
        reply = Reply(document_id=document.id, received_at=_sent_at(session, document))
        session.add(reply)
        session.flush()
    return assign_reply(session, reply.id, request, actor=actor)


def unmatched_replies(session: Session) -> list[Reply]:
    """The queue: replies no request was found for."""
    query = select(Reply).where(
        Reply.request_id.is_(None), Reply.matched_by.is_distinct_from("own-message")
    )
    return list(session.scalars(query.order_by(Reply.id)))


def _reply_document(session: Session, reply: Reply) -> Document:
    document = session.get(Document, reply.document_id)
    if document is None:
        raise NotFound(f"reply {reply.id}: its document {reply.document_id} is not stored")
    return document


def get_reply(session: Session, reply_id: int) -> Reply:
    reply = session.get(Reply, reply_id)
    if reply is None:
        raise NotFound(
            f"no reply {reply_id}; see `cctv-audit replies queue` (for a stored document, "
            "`cctv-audit replies attach DOCUMENT REQUEST`)"
        )
    return reply


def assign_reply(
    session: Session, reply_id: int, request: Request | int | str, *, actor: str
) -> Reply:
    """Tie a queued reply to a request (object, id or reference) by hand; intake reads it next."""
    if not isinstance(request, Request):
        request = get_request(session, request)
    reply = get_reply(session, reply_id)
    reply.request_id, reply.matched_by = request.id, "manual"
    session.flush()
    return reply


def suggest_requests(session: Session, reply_id: int, *, limit: int = 5) -> list[Request]:
    """Likely requests for an unmatched reply, best first: a mistyped reference, the sender's domain,
    or the body's name in the text."""
    from rapidfuzz import fuzz

    reply = get_reply(session, reply_id)
    document = _reply_document(session, reply)
    headers = headers_of(session, document) or ReplyHeaders(text=document.text or "")
    text = f"{headers.subject}\n{headers.text[:20000]}"
    tokens = [t.upper() for t in TOKEN.findall(text)]
    domain = parseaddr(headers.from_addr or "")[1].rpartition("@")[2].lower()
    scores: dict[int, float] = {}
    for request, body in session.execute(
        select(Request, Body)
        .join(Body, Body.id == Request.body_id)
        .where(Request.received_on.is_not(None))
    ):
        score = max((fuzz.ratio(t, request.reference) for t in tokens), default=0.0)
        known = {d.lower() for d in body.email_domains or []}
        if domain and any(domain == d or domain.endswith("." + d) for d in known):
            score = max(score, 70.0)
        if body.name.lower() in text.lower():
            score = max(score, 60.0)
        if score >= 60:
            scores[request.id] = score - (10 if request.state in CLOSED else 0)
    best = sorted(scores, key=lambda rid: -scores[rid])[:limit]
    return [get_request(session, rid) for rid in best]


def confirm_reply(
    session: Session,
    reply_id: int,
    *,
    actor: str,
    state: str | None = None,
    reason: str | None = None,
) -> Request:
    """A person confirms (or corrects) the state a reply suggests for its request."""
    reply = get_reply(session, reply_id)
    if reply.request_id is None:
        raise SurveyError(f"reply {reply_id} is not matched to a request; assign it first")
    state = state or reply.proposed_state
    if not state:
        raise SurveyError(f"reply {reply_id} has no proposed state; give one with --state")
    request = get_request(session, reply.request_id)
    set_state(
        session,
        request,
        state,
        actor=actor,
        reason=reason or f"confirmed from reply {reply_id}",
        details={"reply_id": reply_id, "proposed_state": reply.proposed_state},
    )
    return request


def fetch_mail(store, settings, *, folder: str = "INBOX"):
    """Fetch new mail from the IMAP mailbox in ``settings`` (documents.fetch_imap); returns its report.

    Matching and reading the new mail is intake's job (``intake.fetch_replies``).
    """
    from urllib.parse import quote

    scheme = {"ssl": "imaps", "starttls": "imap+starttls", "none": "imap"}[settings.security]
    url = f"{scheme}://{quote(settings.username or '', safe='')}@{settings.host}:{settings.port}/{quote(folder)}"
    context = settings.tls_context() if settings.security != "none" else None
    return fetch_imap(store, url, settings.secret() or "", ssl_context=context)
