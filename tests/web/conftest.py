"""Fixtures of the web tests: a seeded survey round, one account per role, signed-in clients."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from webtest_support import add_team, csrf_from, login, seed_round

from cctv_audit.web import create_app


@pytest.fixture
def seeded(store):
    """(store, Seed): a round with replies, answers and claims, and one user per role (named after the role)."""
    seed = seed_round(store)
    add_team(store)
    return store, seed


@pytest.fixture
def app(seeded):
    store, _ = seeded
    return create_app(store, secret_key="test-secret-key-for-sessions")


@pytest.fixture
def bare_app(store):
    """An app over a store with only the team's accounts (no survey): for tests of the plumbing."""
    add_team(store)
    return create_app(store, secret_key="test-secret-key-for-sessions")


@pytest.fixture
def client(bare_app):
    """An anonymous client of ``bare_app`` (HTTPS, so the Secure session cookie is sent back)."""
    with TestClient(bare_app, base_url="https://testserver") as test_client:
        yield test_client


@pytest.fixture
def client_as(app):
    """``client_as(role)``: a new client signed in as that role (None: anonymous), with ``.csrf``."""
    clients = []

    def make(role: str | None) -> TestClient:
        test_client = TestClient(app, base_url="https://testserver")
        clients.append(test_client)
        # Anonymous clients get the token of their (anonymous) session from the sign-in form.
        test_client.csrf = (
            login(test_client, role) if role else csrf_from(test_client.get("/login").text)
        )
        return test_client

    yield make
    for test_client in clients:
        test_client.close()
