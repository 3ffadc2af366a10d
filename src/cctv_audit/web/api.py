"""The JSON API: the same data as the pages. Reads of findings are public; team data and writes need a role.

Writes need a signed-in session and the ``X-CSRF-Token`` header (the token is
in ``GET /api/me``). Every route's role is in ``web.policy.POLICY``.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.encoders import jsonable_encoder
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from cctv_audit import foi
from cctv_audit.registry import body_to_dict, list_bodies
from cctv_audit.web import accounts, queries, services
from cctv_audit.web.deps import get_db, identity_of, signed_in
from cctv_audit.web.pages_public import ROUND, cached, round_data
from cctv_audit.web.security import csrf_token

router = APIRouter(prefix="/api")


def to_json(value: Any) -> Any:
    """Library data classes (and pydantic models) as JSON-ready values, dates as ISO text."""
    return jsonable_encoder(value)


class Me(BaseModel):
    username: str | None = Field(default=None, description="Signed-in user, or null.")
    role: str | None = None
    csrf_token: str | None = Field(default=None, description="Send it as X-CSRF-Token on writes.")


class MatchIn(BaseModel):
    request_id: int = Field(..., ge=1, le=2**31 - 1, description="The request this reply answers.")


ReviewField = Literal["outcome", "exemptions", "in_use", "denied", "counts", "total_cameras"]


class ReviewIn(BaseModel):
    field: Literal[ReviewField, "*"]
    action: Literal["accept", "correct", "reject"]
    value: Any = Field(
        None,
        description="The corrected value (for 'correct'): a string typed as in the review "
        "page ('Hikvision=12, Axis=3'), a list, a mapping or a number.",
    )
    reason: str = Field(
        "", max_length=2000, description="Why; required for a correction that quotes no passage."
    )
    passage: str | None = Field(
        None,
        max_length=64,
        pattern=r"^\d+:\d+:\d+$",
        description="For 'correct': the passage to quote, the 'key' of a candidate from "
        "GET /api/review/{answer_id}/passages. Omitted: the value is the reviewer's own (reason needed).",
    )
    confirm: bool = Field(
        False, description="For 'correct': save makers the reply never mentions (after checking)."
    )


@router.get("/statistics", summary="Headline figures of a round, each with its base")
def api_statistics(
    request: Request, survey: str | None = ROUND, db: Session = Depends(get_db)
) -> dict:
    _, stats, _ = round_data(request, db, survey)
    return to_json(stats)


@router.get("/findings", summary="One finding per body asked in a round")
def api_findings(
    request: Request, survey: str | None = ROUND, db: Session = Depends(get_db)
) -> list[dict]:
    survey_id, _, findings = round_data(request, db, survey)
    return cached(request, db, ("findings-json", survey_id), lambda: to_json(findings))


@router.get("/bodies", summary="Public bodies, filtered")
def api_bodies(
    q: str | None = Query(None, max_length=100),
    nation: str | None = Query(None, max_length=32),
    db: Session = Depends(get_db),
) -> list[dict]:
    return [body_to_dict(b) for b in list_bodies(db, search=q, nation=nation)]


@router.get("/bodies/{code}", summary="A body with its finding this round and its confirmed claims")
def api_body(
    request: Request, code: str, survey: str | None = ROUND, db: Session = Depends(get_db)
) -> dict:
    body = services.find_body(db, code)
    _, _, findings = round_data(request, db, survey)
    finding = next((f for f in findings if f.body_id == body.id), None)
    claims = [c for c in services.body_claims(db, body.id) if c.confirmed]
    return {"body": body_to_dict(body), "finding": to_json(finding), "claims": to_json(claims)}


@router.get("/manufacturers", summary="Makers in the knowledge base")
def api_manufacturers() -> list[dict]:
    kb = services.knowledge_base()
    return to_json(list(kb.manufacturers.values()))


@router.get("/manufacturers/{ref}", summary="One maker with its risk assessment")
def api_manufacturer(ref: str = Path(..., max_length=100)) -> dict:
    maker, assessment = services.manufacturer(ref)
    return {"manufacturer": to_json(maker), "assessment": to_json(assessment)}


@router.get("/me", summary="Who is signed in, and the CSRF token for writes", response_model=Me)
def api_me(request: Request) -> Me:
    who = identity_of(request)
    if who is None:
        return Me()
    return Me(username=who.username, role=who.role, csrf_token=csrf_token(request.session))


@router.get("/surveys", summary="Survey rounds with their progress")
def api_surveys(db: Session = Depends(get_db)) -> list[dict]:
    counts = queries.request_counts(db)
    return [
        {
            "id": s.id,
            "slug": s.slug,
            "name": s.name,
            "requests": counts.get(s.id, 0),
            "created_at": s.created_at.isoformat(),
        }
        for s in queries.surveys(db)
    ]


@router.get("/surveys/{survey_id}", summary="Progress, due and overdue requests of a round")
def api_survey(
    survey_id: int = Path(..., ge=1, le=2**31 - 1), db: Session = Depends(get_db)
) -> dict:
    foi.get_survey(db, survey_id)
    return to_json(services.survey_status(db, survey_id))


@router.post("/surveys/{survey_id}/chasers", summary="Queue chasers for overdue requests")
def api_chasers(
    request: Request, survey_id: int = Path(..., ge=1, le=2**31 - 1), db: Session = Depends(get_db)
) -> dict:
    foi.get_survey(db, survey_id)
    return services.send_chasers(db, survey_id, actor=signed_in(request).username)


@router.get("/inbox", summary="Replies not matched to a request")
def api_inbox(db: Session = Depends(get_db)) -> list[dict]:
    return [
        {
            "reply_id": row.reply.id,
            "document_id": row.document.id,
            "filename": row.document.filename,
            "from": row.message.from_addr if row.message else None,
            "subject": row.message.subject if row.message else None,
            "received_at": row.reply.received_at.isoformat() if row.reply.received_at else None,
        }
        for row in queries.inbox_rows(db)
    ]


@router.post("/inbox/{reply_id}/match", summary="Match a reply to a request")
def api_match(
    request: Request,
    payload: MatchIn,
    reply_id: int = Path(..., ge=1, le=2**31 - 1),
    db: Session = Depends(get_db),
) -> dict:
    services.match_reply(db, reply_id, payload.request_id, actor=signed_in(request).username)
    return {"reply_id": reply_id, "request_id": payload.request_id}


@router.get("/review", summary="Answers waiting for review, lowest confidence first")
def api_review_queue(
    survey: int | None = Query(None, ge=1, le=2**31 - 1),
    limit: int = Query(50, ge=1, le=500),
    db: Session = Depends(get_db),
) -> list[dict]:
    return to_json(services.review_queue(db, survey_id=survey, limit=limit))


def _review_state(db: Session, answer_id: int) -> dict:
    """An answer as the review page shows it: its fields, each field's latest review (the passage a
    correction quotes, or none: the reviewer's own value and reason) and the whole history."""
    return {
        **to_json(services.review_item(db, answer_id)),
        "latest_reviews": to_json(services.latest_reviews(db, answer_id)),
        "history": to_json(services.review_history(db, answer_id)),
    }


@router.get("/review/{answer_id}", summary="One answer's fields, review state and evidence")
def api_review_item(
    answer_id: int = Path(..., ge=1, le=2**31 - 1), db: Session = Depends(get_db)
) -> dict:
    return _review_state(db, answer_id)


@router.get(
    "/review/{answer_id}/passages",
    summary="Passages of the reply that could support a corrected value",
)
def api_review_passages(
    answer_id: int = Path(..., ge=1, le=2**31 - 1),
    field: ReviewField = Query(...),
    value: str = Query("", max_length=5000, description="The value as typed in the review page."),
    db: Session = Depends(get_db),
) -> dict:
    """The review page's first step of a correction: the candidates to quote (pass one's ``key`` as
    ``passage``) and the makers the reply never mentions (saving them needs ``confirm``)."""
    fix = services.correction(db, answer_id, field, value)
    return {
        "field": fix.field,
        "value": to_json(fix.value),
        "candidates": [{"key": services.passage_key(p), **p.to_dict()} for p in fix.candidates],
        "unmentioned": fix.unmentioned,
    }


@router.post(
    "/review/{answer_id}", summary="Accept, correct or reject a field (or accept all: field '*')"
)
def api_review(
    request: Request,
    payload: ReviewIn,
    answer_id: int = Path(..., ge=1, le=2**31 - 1),
    db: Session = Depends(get_db),
) -> dict:
    """A correction quotes ``passage`` or is the reviewer's own value (``reason`` required); makers the
    reply never mentions need ``confirm``. ``warnings`` repeats what the text check found."""
    reviewer = signed_in(request).username
    if payload.action == "correct" and payload.field != "*":
        versions = [
            services.correct_quoting(
                db,
                answer_id,
                payload.field,
                payload.value,
                passage=payload.passage,
                confirm=payload.confirm,
                reason=payload.reason,
                reviewer=reviewer,
            )
        ]
    else:
        versions = services.review_typed(
            db,
            answer_id,
            payload.field,
            payload.action,
            after=payload.value,
            reason=payload.reason,
            reviewer=reviewer,
        )
    return {
        "versions": to_json(versions),
        "warnings": [w for v in versions for w in v.warnings],
        "item": _review_state(db, answer_id),
    }


@router.get("/users", summary="Accounts (admin)")
def api_users(db: Session = Depends(get_db)) -> list[dict]:
    return [
        {
            "username": u.username,
            "role": u.role,
            "last_login_at": u.last_login_at.isoformat() if u.last_login_at else None,
        }
        for u in accounts.list_users(db)
    ]
