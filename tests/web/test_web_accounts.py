"""Accounts: argon2 hashes, roles, throttled sign-in, and the `users` CLI."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from cctv_audit.errors import InputError, NotFound
from cctv_audit.web import (
    LoginThrottled,
    add_user,
    authenticate,
    get_user,
    has_role,
    list_users,
    remove_user,
    set_password,
    set_role,
)


def test_passwords_are_stored_as_argon2id_hashes(store):
    with store.session() as session:
        user = add_user(session, "Alice", "correct horse battery", "reviewer")
        assert user.username == "alice"
        assert (
            user.password_hash.startswith("$argon2id$")
            and "correct horse" not in user.password_hash
        )


def test_authenticate_checks_the_password_and_records_attempts(store):
    with store.session() as session:
        add_user(session, "bob", "correct horse battery", "editor")
        assert authenticate(session, "bob", "wrong password!", ip="127.0.0.1") is None
        assert authenticate(session, "nobody", "wrong password!", ip="127.0.0.1") is None
        who = authenticate(session, "BOB", "correct horse battery", ip="127.0.0.1")
        assert (who.username, who.role) == ("bob", "editor")
        assert get_user(session, "bob").last_login_at is not None


def test_too_many_failures_block_even_the_right_password(store):
    with store.session() as session:
        add_user(session, "carol", "correct horse battery")
        for _ in range(5):
            authenticate(session, "carol", "guess guess guess", ip="10.0.0.1")
        with pytest.raises(LoginThrottled):
            authenticate(session, "carol", "correct horse battery", ip="10.0.0.2")


def test_roles_are_ordered():
    assert has_role("admin", "reviewer") and has_role("reviewer", "reviewer")
    assert not has_role("viewer", "reviewer") and not has_role(None, "viewer")
    assert has_role(None, None)


@pytest.mark.parametrize(
    "name, password, role",
    [
        ("a", "long enough pw", "viewer"),  # name too short
        ("bad name", "long enough pw", "viewer"),  # space
        ("dave", "short", "viewer"),  # password too short
        ("dave", "long enough pw", "superuser"),  # unknown role
    ],
)
def test_invalid_accounts_are_refused_with_a_reason(store, name, password, role):
    with store.session() as session, pytest.raises(InputError):
        add_user(session, name, password, role)


def test_role_password_and_removal(store):
    with store.session() as session:
        add_user(session, "erin", "correct horse battery")
        with pytest.raises(InputError, match="already exists"):
            add_user(session, "erin", "correct horse battery")
        assert set_role(session, "erin", "admin").role == "admin"
        set_password(session, "erin", "another long password")
        assert authenticate(session, "erin", "another long password", ip="::1") is not None
        remove_user(session, "erin")
        assert list_users(session) == []
        with pytest.raises(NotFound):
            remove_user(session, "erin")


def test_users_cli(tmp_path, monkeypatch):
    import typer

    from cctv_audit.cli import web as web_cli
    from cctv_audit.cli.common import STATE

    app = typer.Typer()
    app.callback()(lambda: None)
    web_cli.register(app)
    monkeypatch.setattr(STATE, "db", str(tmp_path / "cli.db"))
    monkeypatch.setattr(STATE, "_store", None)
    runner = CliRunner()
    added = runner.invoke(
        app, ["users", "add", "frank", "--role", "reviewer", "--password", "correct horse battery"]
    )
    assert added.exit_code == 0, added.output
    assert runner.invoke(app, ["users", "set-role", "frank", "editor"]).exit_code == 0
    listed = runner.invoke(app, ["users", "list", "--json"])
    assert [(u["username"], u["role"]) for u in json.loads(listed.stdout)] == [("frank", "editor")]
    assert runner.invoke(app, ["users", "remove", "frank"]).exit_code == 0
    assert json.loads(runner.invoke(app, ["users", "list", "--json"]).stdout) == []
    STATE.store().dispose()
