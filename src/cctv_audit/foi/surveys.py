"""Surveys (a round of the same questions to many bodies) and their requests."""

from __future__ import annotations

import datetime as dt
import logging
import re
import secrets
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cctv_audit.errors import NotFound, SurveyError
from cctv_audit.foi.letters import Letter, bundled_templates, render_request_letter, survey_kits
from cctv_audit.foi.models import Request, RequestEvent, Survey
from cctv_audit.foi.states import timeliness
from cctv_audit.registry import Body, get_body, regime_for_nation

log = logging.getLogger(__name__)

# No 0/O, 1/I/L, U: references are retyped by FOI officers and must survive it.
TOKEN_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"
TOKEN_LENGTH = 6


def _slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:64] or "survey"


def create_survey(
    session: Session,
    name: str,
    *,
    requester: dict[str, str],
    kit: str | None = "cctv-manufacturers",
    template: str | None = None,
    questions: list[str] | None = None,
    slug: str | None = None,
    reference_prefix: str = "CCTV",
    options: dict[str, Any] | None = None,
    previous: str | int | None = None,
) -> Survey:
    """Create a survey from a ready kit (default: the CCTV-manufacturer survey), overridable piece by piece.

    ``previous`` (id or slug) is the earlier round this one repeats: findings compare the two
    (bodies that replaced flagged cameras, newly confirmed, still using them).
    """
    if not requester.get("name") or not requester.get("email"):
        raise SurveyError(f"survey {name!r}: the requester needs a name and an email address")
    base: dict[str, Any] = {}
    if kit:
        kits = survey_kits()
        if kit not in kits:
            raise SurveyError(f"unknown survey kit {kit!r}; available: {', '.join(kits)}")
        base = kits[kit]
    template = template or base.get("template")
    if not template:
        raise SurveyError(
            f"survey {name!r}: give a letter template ({', '.join(bundled_templates())} or a file)"
        )
    slug = slug or _slugify(name)
    if session.scalar(select(Survey).where(Survey.slug == slug)) is not None:
        raise SurveyError(
            f"a survey with slug {slug!r} already exists; choose another name or --slug"
        )
    if not re.fullmatch(r"[A-Z][A-Z0-9]{1,11}", reference_prefix):
        raise SurveyError(
            f"reference prefix {reference_prefix!r}: use 2-12 capital letters or digits"
        )
    merged = {"subject": base.get("subject", name), **(options or {})}
    previous_id = get_survey(session, previous).id if previous is not None else None
    survey = Survey(
        slug=slug,
        name=name,
        template=template,
        requester=dict(requester),
        questions=list(questions or base.get("questions") or []),
        reference_prefix=reference_prefix,
        options=merged,
        previous_id=previous_id,
    )
    session.add(survey)
    session.flush()
    return survey


def get_survey(session: Session, ref: str | int) -> Survey:
    """A survey by id or slug."""
    text = str(ref).strip()
    survey = session.get(Survey, int(text)) if text.isascii() and text.isdigit() else None
    survey = survey or session.scalar(select(Survey).where(Survey.slug == text))
    if survey is None:
        raise NotFound(f"no survey {text!r}; list them with `cctv-audit survey list`")
    return survey


def list_surveys(session: Session) -> list[Survey]:
    return list(session.scalars(select(Survey).order_by(Survey.id)))


def new_reference(session: Session, prefix: str) -> str:
    """A fresh, unused reference token such as ``CCTV-7K3Q9X``."""
    while True:
        token = f"{prefix}-" + "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))
        if session.scalar(select(Request.id).where(Request.reference == token)) is None:
            return token


def add_bodies(session: Session, survey: Survey, bodies: Iterable[Body]) -> list[Request]:
    """Add a draft request per body (bodies already in the survey are skipped)."""
    present = set(session.scalars(select(Request.body_id).where(Request.survey_id == survey.id)))
    added = []
    for body in bodies:
        if body.id in present:
            continue
        request = Request(
            survey_id=survey.id,
            body_id=body.id,
            law=body.regime or regime_for_nation(body.nation),
            reference=new_reference(session, survey.reference_prefix),
            state="draft",
            to_addr=body.foi_email,
        )
        session.add(request)
        session.flush()
        session.add(
            RequestEvent(
                request_id=request.id,
                actor="cctv-audit",
                to_state="draft",
                reason=f"added to survey {survey.slug}",
            )
        )
        present.add(body.id)
        added.append(request)
    if added:
        log.info("survey %s: %d requests added", survey.slug, len(added))
    return added


def survey_requests(session: Session, survey: Survey) -> list[Request]:
    """The survey's requests, by body name."""
    query = (
        select(Request)
        .join(Body, Body.id == Request.body_id)
        .where(Request.survey_id == survey.id)
        .order_by(Body.name)
    )
    return list(session.scalars(query))


def get_request(session: Session, ref: str | int) -> Request:
    """A request by id or reference token (case-insensitive)."""
    text = str(ref).strip()
    request = session.get(Request, int(text)) if text.isascii() and text.isdigit() else None
    request = request or session.scalar(
        select(Request).where(func.upper(Request.reference) == text.upper())
    )
    if request is None:
        raise NotFound(f"no request {text!r}: give its id or reference (e.g. CCTV-7K3Q9X)")
    return request


def request_body(session: Session, request: Request) -> Body:
    """The body a request is addressed to."""
    body = session.get(Body, request.body_id)
    if body is None:
        raise NotFound(
            f"request {request.reference}: its body {request.body_id} is not in the registry"
        )
    return body


def preview_letter(session: Session, survey: Survey, body_ref: str | int) -> Letter:
    """The exact letter a body gets (or got): rendered from its request, or as if it were added."""
    body = get_body(session, body_ref)
    request = session.scalar(
        select(Request).where(Request.survey_id == survey.id, Request.body_id == body.id)
    )
    if request is not None and request.letter:
        return Letter(subject=request.subject or "", text=request.letter, law=request.law)
    if request is None:
        request = Request(
            reference=f"{survey.reference_prefix}-XXXXXX", law=body.regime, body_id=body.id
        )
    return render_request_letter(survey, body, request)


def request_events(session: Session, request: Request) -> list[RequestEvent]:
    query = (
        select(RequestEvent).where(RequestEvent.request_id == request.id).order_by(RequestEvent.id)
    )
    return list(session.scalars(query))


def request_to_dict(
    session: Session, request: Request, today: dt.date | None = None
) -> dict[str, Any]:
    """A JSON-ready view of a request with its computed deadline and its history (CLI, web)."""
    t = timeliness(request, today)
    body = request_body(session, request)
    return {
        "id": request.id,
        "reference": request.reference,
        "body": body.name,
        "body_code": body.code,
        "law": request.law,
        "state": request.state,
        "timeliness": t.status,
        "due": t.due,
        "long_overdue_from": t.long_overdue_from,
        "to": request.to_addr,
        "reply_to": request.reply_to,
        "subject": request.subject,
        "message_id": request.message_id,
        "received_on": request.received_on,
        "review_requested_on": request.review_requested_on,
        "last_error": request.last_error,
        "events": [
            {
                "at": e.at,
                "actor": e.actor,
                "from": e.from_state,
                "to": e.to_state,
                "reason": e.reason,
                "details": e.details,
            }
            for e in request_events(session, request)
        ],
    }
