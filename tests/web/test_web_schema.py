"""Schemathesis: generated requests against the OpenAPI schema never cause a server error.

Each operation is called anonymously (reads of public data, 401s elsewhere) and as an
admin with a valid session and CSRF token, so the write endpoints are exercised too.
"""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from webtest_support import add_team, login, seed_round

from cctv_audit.web import create_app

pytestmark = pytest.mark.slow


@pytest.fixture
def api(store):
    """(schema, admin headers) for a seeded app."""
    seed_round(store)
    add_team(store)
    app = create_app(store, secret_key="schemathesis-secret-key")
    with TestClient(app, base_url="https://testserver") as client:
        token = login(client, "admin")
        headers = {
            "X-CSRF-Token": token,
            "Cookie": f"cctv_session={client.cookies.get('cctv_session')}",
        }
    return schemathesis.openapi.from_asgi("/openapi.json", app), headers


def test_every_operation_is_in_the_schema(api):
    schema, _ = api
    labels = {result.ok().label for result in schema.get_all_operations()}
    assert {
        "GET /api/statistics",
        "POST /api/review/{answer_id}",
        "POST /api/inbox/{reply_id}/match",
    } <= labels
    assert all(label.split()[1].startswith("/api/") for label in labels)


def test_generated_requests_never_cause_a_server_error(api):
    schema, admin = api
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None
        )
        def run(case):
            case.call_and_validate(checks=[not_a_server_error])
            response = case.call_and_validate(headers=admin, checks=[not_a_server_error])
            assert response.status_code not in (401, 403), (
                f"refused an admin: {response.text[:200]}"
            )

        try:
            run()
        except Exception as exc:  # noqa: BLE001 - collect every operation's failure, then report them all
            failures.append(f"{operation.label}: {exc}")
    assert failures == []
