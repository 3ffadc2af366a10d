"""The review queue: reply text beside the extracted answer; accept, correct or reject each field.

The page works without JavaScript (plain forms, full reloads); ``static/app.js``
adds keyboard shortcuts and swaps in the ``/panel`` fragment so the next item
loads without a page reload.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from cctv_audit.web import forms, services
from cctv_audit.web.deps import get_db, identity_of
from cctv_audit.web.rendering import render

router = APIRouter(include_in_schema=False)


def _context(db: Session, item, skip: set[int]) -> dict:
    document = services.document_for(db, item.document_id) if item else None
    return {
        "item": item,
        "document": document,
        "spans": services.item_spans(item) if item else [],
        "outcomes": services.OUTCOMES,
        "show_value": forms.show_value,
        "skip": ",".join(str(s) for s in sorted(skip)),
        "remaining": services.queue_size(db) if item else 0,
        "history": services.review_history(db, item.answer_id) if item else [],
    }


@router.get("/team/review")
def queue(request: Request, skip: str = "", db: Session = Depends(get_db)):
    """The next answer to review (lowest confidence first)."""
    skipped = forms.parse_skip(skip)
    item = services.next_review_item(db, skip=skipped)
    return render(request, "team/review.html", _context(db, item, skipped))


@router.get("/team/review/{answer_id}")
def one(request: Request, answer_id: int, skip: str = "", db: Session = Depends(get_db)):
    """A given answer in the review page (links from documents and bodies)."""
    item = services.review_item(db, answer_id)
    return render(request, "team/review.html", _context(db, item, forms.parse_skip(skip)))


@router.get("/team/review/{answer_id}/panel")
def panel(request: Request, answer_id: int, skip: str = "", db: Session = Depends(get_db)):
    """Only the review panel of an answer: what the page's script swaps in."""
    item = services.review_item(db, answer_id)
    return render(request, "team/review_panel.html", _context(db, item, forms.parse_skip(skip)))


@router.post("/team/review/{answer_id}")
def decide(
    request: Request,
    answer_id: int,
    field: str = Form(..., max_length=32),
    action: str = Form(..., max_length=16),
    value: str = Form("", max_length=5000),
    reason: str = Form("", max_length=2000),
    skip: str = Form("", max_length=2000),
    db: Session = Depends(get_db),
):
    """Record one decision (or ``field=*``: accept every field not yet reviewed), then show what is next.

    Script requests (``X-Requested-With: fetch``) get the next panel; plain forms are redirected.
    """
    services.review(db, answer_id, field, action, value=value, reason=reason, reviewer=identity_of(request).username)
    skipped = forms.parse_skip(skip)
    item = services.review_item(db, answer_id)
    if not services.is_pending(item):
        item = services.next_review_item(db, skip=skipped)
    if request.headers.get("x-requested-with") != "fetch":
        target = f"/team/review/{item.answer_id}" if item else "/team/review"
        return RedirectResponse(target + (f"?skip={skip}" if skip else ""), status_code=303)
    return render(request, "team/review_panel.html", _context(db, item, skipped))
