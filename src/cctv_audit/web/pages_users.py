"""Account administration (admin role): list, add, change role, remove."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session

from cctv_audit.errors import InputError
from cctv_audit.web import accounts
from cctv_audit.web.deps import get_db, signed_in
from cctv_audit.web.rendering import render

router = APIRouter(include_in_schema=False)


@router.get("/team/users")
def users_page(request: Request, db: Session = Depends(get_db)):
    return render(
        request, "team/users.html", {"users": accounts.list_users(db), "roles": accounts.ROLES}
    )


@router.post("/team/users")
def add_user(
    request: Request,
    username: str = Form(..., max_length=64),
    password: str = Form(..., max_length=1000),
    role: str = Form("viewer", max_length=16),
    db: Session = Depends(get_db),
):
    accounts.add_user(db, username, password, role)
    return RedirectResponse("/team/users", status_code=303)


@router.post("/team/users/{username}/role")
def set_role(
    request: Request,
    username: str,
    role: str = Form(..., max_length=16),
    db: Session = Depends(get_db),
):
    _not_self(request, username)
    accounts.set_role(db, username, role)
    return RedirectResponse("/team/users", status_code=303)


@router.post("/team/users/{username}/delete")
def remove_user(request: Request, username: str, db: Session = Depends(get_db)):
    _not_self(request, username)
    accounts.remove_user(db, username)
    return RedirectResponse("/team/users", status_code=303)


def _not_self(request: Request, username: str) -> None:
    # An admin locking themselves out from the browser is always a mistake; the CLI can still do it.
    if signed_in(request).username == username.strip().lower():
        raise InputError(
            "you cannot change or remove your own account here; ask another admin or use the CLI"
        )
