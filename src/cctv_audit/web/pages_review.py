"""The review queue: reply text beside the extracted answer; accept, correct or reject each field.

Every field is offered, empty ones too (a maker the extractor missed is added by correcting an
empty field). A correction takes two steps: the typed value first, then the reply is shown with
the passages that could support it highlighted, and the reviewer picks the one to quote (or
none: the value is their own, and the reason is required). A maker the reply never mentions is
a warning the reviewer must confirm before anything is saved.

The page works without JavaScript (plain forms, full reloads); ``static/app.js``
adds keyboard shortcuts and swaps in the ``/panel`` fragment so the next item
loads without a page reload.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from cctv_audit import answers
from cctv_audit.errors import InputError
from cctv_audit.web import forms, services
from cctv_audit.web.deps import get_db, signed_in
from cctv_audit.web.rendering import render

router = APIRouter(include_in_schema=False)


def _context(
    db: Session, item, skip: set[int], *, selected: str | None = None, fix=None, **extra
) -> dict:
    document = services.document_for(db, item.document_id) if item else None
    names = [f.field for f in item.fields] if item else []
    # What is drawn as selected is what the keys act on: the server marks it, the script reads it.
    return {
        "item": item,
        "document": document,
        "body": services.body_of(db, item.body_id) if item else None,
        "spans": services.item_spans(item) if item else [],
        "outcomes": answers.OUTCOMES,
        "show_value": forms.show_value,
        "skip": ",".join(str(s) for s in sorted(skip)),
        "remaining": services.queue_size(db) if item else 0,
        "history": services.review_history(db, item.answer_id) if item else [],
        "latest": services.latest_reviews(db, item.answer_id) if item else {},
        "selected": (fix.field if fix else selected)
        if (fix or selected in names)
        else (names[0] if names else None),
        "fix": fix,
        "passage_key": services.passage_key,
        "chosen": extra.pop("chosen", None),
        "reason": extra.pop("reason", ""),
        "problem": extra.pop("problem", None),
        "saved_warnings": extra.pop("saved_warnings", []),
        **extra,
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


def _show(request: Request, context: dict):
    """The panel for script requests, the whole page for plain forms."""
    fetch = request.headers.get("x-requested-with") == "fetch"
    return render(request, "team/review_panel.html" if fetch else "team/review.html", context)


@router.post("/team/review/{answer_id}")
def decide(
    request: Request,
    answer_id: int,
    field: str = Form(..., max_length=32),
    action: str = Form(..., max_length=16),
    value: str = Form("", max_length=5000),
    reason: str = Form("", max_length=2000),
    skip: str = Form("", max_length=2000),
    pick: str = Form("", max_length=4),
    passage: str = Form("", max_length=64),
    confirm: str = Form("", max_length=4),
    db: Session = Depends(get_db),
):
    """Record one decision (or ``field=*``: accept every field not yet reviewed), then show what is next.

    ``correct`` without ``pick=1`` saves nothing: it shows the passages for the typed value. With
    ``pick=1`` it saves the value quoting ``passage`` (``document:start:end``; empty: the
    reviewer's own value, which needs a reason). Makers the reply never mentions need ``confirm=1``.
    Script requests (``X-Requested-With: fetch``) get the next panel; plain forms are redirected.
    """
    skipped = forms.parse_skip(skip)
    saved_warnings: list[str] = []
    if action == "correct":
        fix = services.correction(db, answer_id, field, value)
        item = services.review_item(db, answer_id)
        again: dict[str, Any] = {"fix": fix, "chosen": passage, "reason": reason}
        if pick != "1":  # step one: show the passages that could support the value
            chosen = services.passage_key(fix.candidates[0]) if fix.candidates else ""
            return _show(request, _context(db, item, skipped, **{**again, "chosen": chosen}))
        try:
            quoted = services.picked_passage(fix, passage)
        except InputError as error:
            return _show(request, _context(db, item, skipped, **again, problem=str(error)))
        if quoted is None and not reason.strip():
            return _show(
                request,
                _context(
                    db,
                    item,
                    skipped,
                    **again,
                    problem="No passage quoted: say why the value is right (your reason).",
                ),
            )
        if fix.unmentioned and confirm != "1":
            return _show(
                request,
                _context(
                    db,
                    item,
                    skipped,
                    **again,
                    confirm_needed=True,
                    problem="Not saved: the reply never mentions "
                    + ", ".join(fix.unmentioned)
                    + ". Check the text, then confirm.",
                ),
            )
        version = services.review_correction(
            db, answer_id, fix, passage=quoted, reason=reason, reviewer=signed_in(request).username
        )
        saved_warnings = version.warnings
    else:
        services.review(
            db,
            answer_id,
            field,
            action,
            value=value,
            reason=reason,
            reviewer=signed_in(request).username,
        )
    item = services.review_item(db, answer_id)
    selected = services.field_after(item, field)
    if not services.is_pending(item) and not saved_warnings:
        item, selected = services.next_review_item(db, skip=skipped), None
    if request.headers.get("x-requested-with") != "fetch" and not saved_warnings:
        target = f"/team/review/{item.answer_id}" if item else "/team/review"
        return RedirectResponse(target + (f"?skip={skip}" if skip else ""), status_code=303)
    return _show(
        request, _context(db, item, skipped, selected=selected, saved_warnings=saved_warnings)
    )
