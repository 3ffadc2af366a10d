"""Team pages (sign-in required): dashboard, survey status, inbox, body history, documents."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from cctv_audit import documents, foi
from cctv_audit.web import queries, services
from cctv_audit.web.deps import get_db, signed_in
from cctv_audit.web.rendering import render

router = APIRouter(include_in_schema=False)


@router.get("/team")
def dashboard(request: Request, db: Session = Depends(get_db)):
    """Every survey round with its progress."""
    rounds = [(s, services.survey_status(db, s.id)) for s in queries.surveys(db)]
    return render(
        request, "team/dashboard.html", {"rounds": rounds, "inbox": len(queries.inbox_rows(db))}
    )


@router.get("/team/surveys/{survey_id}")
def survey_page(request: Request, survey_id: int, db: Session = Depends(get_db)):
    """One round: progress, due and overdue requests with their due dates."""
    survey = foi.get_survey(db, survey_id)
    status = services.survey_status(db, survey_id)
    return render(
        request,
        "team/survey.html",
        {"survey": survey, "status": status, "sent": request.query_params.get("sent")},
    )


@router.post("/team/surveys/{survey_id}/chasers")
def send_chasers(request: Request, survey_id: int, db: Session = Depends(get_db)):
    """Queue chasers for every overdue request of the round."""
    foi.get_survey(db, survey_id)
    result = services.send_chasers(db, survey_id, actor=signed_in(request).username)
    return RedirectResponse(f"/team/surveys/{survey_id}?sent={result['queued']}", status_code=303)


@router.get("/team/inbox")
def inbox(request: Request, db: Session = Depends(get_db)):
    """Replies no request claimed, each with suggested requests to match it to in one click."""
    rows = [(row, services.suggest_requests(db, row)) for row in queries.inbox_rows(db)]
    return render(request, "team/inbox.html", {"rows": rows, "requests": queries.open_requests(db)})


@router.post("/team/inbox/{reply_id}/match")
def match(
    request: Request, reply_id: int, request_id: int = Form(...), db: Session = Depends(get_db)
):
    """Tie a reply to a request (recorded as a manual match by the signed-in user)."""
    services.match_reply(db, reply_id, request_id, actor=signed_in(request).username)
    return RedirectResponse("/team/inbox", status_code=303)


@router.get("/team/bodies/{code}")
def body_history(request: Request, code: str, db: Session = Depends(get_db)):
    """A body's full request history: every round, event, reply and extraction."""
    body = services.find_body(db, code)
    history = queries.body_history(db, body.id)
    due = {item.request.id: services.request_due(item.request) for item in history}
    reviews = services.review_links(
        db, [document.id for item in history for _, document in item.replies]
    )
    return render(
        request,
        "team/body.html",
        {"body": body, "history": history, "due": due, "reviews": reviews},
    )


@router.get("/team/documents/{document_id}")
def document_page(request: Request, document_id: int, db: Session = Depends(get_db)):
    """A reply document's text (escaped) with the extracted evidence highlighted."""
    document = documents.get_document(db, document_id)
    answers = queries.answers_of(db, document_id)
    context = {
        "document": document,
        "message": queries.message_of(db, document_id),
        "answers": answers,
        "spans": answers[0].evidence if answers else [],
        "html": services.original_html(request.app.state.store, document),
    }
    return render(request, "team/document.html", context)
