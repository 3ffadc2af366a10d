"""Signing in and out."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from cctv_audit.web.accounts import LoginThrottled, authenticate
from cctv_audit.web.deps import get_db
from cctv_audit.web.rendering import render
from cctv_audit.web.security import csrf_token, safe_next

router = APIRouter(include_in_schema=False)


@router.get("/login")
def login_form(request: Request, next: str = "/team"):
    """The sign-in form."""
    return render(request, "login.html", {"next": safe_next(next)})


@router.post("/login")
def login(
    request: Request,
    username: str = Form(..., max_length=200),
    password: str = Form(..., max_length=1000),
    next: str = Form("/team", max_length=2000),
    db: Session = Depends(get_db),
):
    """Check the password; on success start a fresh session (new id and CSRF token) and go on."""
    ip = request.client.host if request.client else "unknown"
    target = safe_next(next)
    try:
        who = authenticate(db, username, password, ip=ip)
    except LoginThrottled as exc:
        return render(
            request, "login.html", {"next": target, "error": str(exc), "username": username}, 429
        )
    if who is None:
        error = "Wrong user name or password."
        return render(
            request, "login.html", {"next": target, "error": error, "username": username}, 401
        )
    request.session.clear()  # no session fixation: nothing from before sign-in survives
    request.session.update({"uid": who.id, "user": who.username, "cred": who.credential})
    csrf_token(request.session)
    return RedirectResponse(target, status_code=303)


@router.post("/logout")
def logout(request: Request):
    """End the session."""
    request.session.clear()
    return RedirectResponse("/", status_code=303)
