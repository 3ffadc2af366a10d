"""`cctv-audit serve` and `cctv-audit users ...`: the web app and its accounts."""

from __future__ import annotations

import typer

from cctv_audit.cli.common import (
    console,
    get_store,
    info,
    print_json,
    print_table,
    say_next_if_empty,
)

users_app = typer.Typer(
    help="Accounts of the web app (roles: viewer < reviewer < editor < admin).",
    no_args_is_help=True,
)

ROLE_HELP = "viewer (read team pages), reviewer (+ review and match replies), editor (+ send chasers), admin (+ users)."


def _password(password: str | None) -> str:
    if password:
        return password
    return typer.prompt("Password", hide_input=True, confirmation_prompt=True)


@users_app.command("add")
def add_cmd(
    username: str = typer.Argument(..., help="Login name (letters, digits, '.', '_', '-')."),
    role: str = typer.Option("viewer", "--role", help=ROLE_HELP),
    name: str = typer.Option(None, "--name", help="Display name."),
    password: str = typer.Option(
        None,
        "--password",
        envvar="CCTV_AUDIT_NEW_PASSWORD",
        help="Password (prompted when omitted; 10+ characters).",
    ),
) -> None:
    """Create an account."""
    from cctv_audit.web import add_user

    secret = _password(password)
    with get_store().session() as session:
        user = add_user(session, username, secret, role, display_name=name)
        console.print(f"added {user.username} ({user.role})")


@users_app.command("remove")
def remove_cmd(username: str = typer.Argument(..., help="Login name.")) -> None:
    """Delete an account (its open sessions stop working)."""
    from cctv_audit.web import remove_user

    with get_store().session() as session:
        remove_user(session, username)
    console.print(f"removed {username}")


@users_app.command("set-role")
def set_role_cmd(
    username: str = typer.Argument(..., help="Login name."),
    role: str = typer.Argument(..., help=ROLE_HELP),
) -> None:
    """Change a user's role (takes effect on their next request)."""
    from cctv_audit.web import set_role

    with get_store().session() as session:
        user = set_role(session, username, role)
        console.print(f"{user.username} is now {user.role}")


@users_app.command("set-password")
def set_password_cmd(
    username: str = typer.Argument(..., help="Login name."),
    password: str = typer.Option(
        None,
        "--password",
        envvar="CCTV_AUDIT_NEW_PASSWORD",
        help="New password (prompted when omitted).",
    ),
) -> None:
    """Replace a user's password."""
    from cctv_audit.web import set_password

    secret = _password(password)
    with get_store().session() as session:
        set_password(session, username, secret)
    console.print(f"password of {username} changed")


@users_app.command("list")
def list_cmd(as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """List accounts."""
    from cctv_audit.web import list_users

    with get_store().session() as session:
        rows = [
            {
                "username": u.username,
                "name": u.display_name,
                "role": u.role,
                "created_at": u.created_at.isoformat(timespec="seconds"),
                "last_login_at": u.last_login_at.isoformat(timespec="seconds")
                if u.last_login_at
                else None,
            }
            for u in list_users(session)
        ]
    say_next_if_empty(
        rows, "no accounts yet: `cctv-audit users add NAME --role admin` creates the first"
    )
    if as_json:
        print_json(rows)
        return
    print_table(
        f"{len(rows)} user{'' if len(rows) == 1 else 's'}",
        ["user", "name", "role", "created", "last sign-in"],
        [
            (r["username"], r["name"], r["role"], r["created_at"], r["last_login_at"] or "never")
            for r in rows
        ],
    )


def serve(
    host: str = typer.Option(
        "127.0.0.1", help="Address to listen on (use a reverse proxy with TLS for the internet)."
    ),
    port: int = typer.Option(8000, help="Port."),
    workers: int = typer.Option(1, help="Worker processes."),
    insecure_cookies: bool = typer.Option(
        False,
        "--insecure-cookies",
        help="Send the session cookie over plain HTTP (development without TLS only).",
    ),
) -> None:
    """Run the web app: public findings, team pages (sign-in) and the JSON API."""
    import os

    import uvicorn

    store = get_store()
    os.environ["CCTV_AUDIT_DB"] = store.url
    os.environ["CCTV_AUDIT_DATA"] = str(store.data_dir)
    os.environ["CCTV_AUDIT_WEB_SECURE"] = "0" if insecure_cookies else "1"
    info(
        f"serving {store.display_url} on http://{host}:{port} ({workers} worker{'s' if workers > 1 else ''})"
    )
    uvicorn.run(
        "cctv_audit.web.app:app_from_environment",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        log_level="warning",
        access_log=False,
    )


def register(app: typer.Typer) -> None:
    app.add_typer(users_app, name="users")
    app.command("serve")(serve)
