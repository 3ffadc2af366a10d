"""The app on both databases: SQLite (default) and PostgreSQL (teams)."""

from __future__ import annotations

from fastapi.testclient import TestClient
from webtest_support import add_team, csrf_from, login, seed_round

from cctv_audit.web import create_app


def test_team_and_public_flow_on_each_database(any_store):
    seed = seed_round(any_store)
    add_team(any_store)
    app = create_app(any_store, secret_key="database-test-secret-key")
    with TestClient(app, base_url="https://testserver") as client:
        for url in ("/", "/findings", "/map.svg", "/bodies/AAA", "/manufacturers", "/api/findings"):
            assert client.get(url).status_code == 200, url
        token = login(client, "reviewer")
        for url in (
            "/team",
            f"/team/surveys/{seed.survey_id}",
            "/team/inbox",
            "/team/review",
            "/team/bodies/BBB",
        ):
            assert client.get(url).status_code == 200, url
        response = client.post(
            f"/api/review/{seed.answer_axis}",
            headers={"X-CSRF-Token": token},
            json={
                "field": "in_use",
                "action": "correct",
                "value": ["Axis", "Hikvision"],
                "reason": "para 2",
            },
        )
        assert response.status_code == 200, response.text
        figures = {f["key"]: f["value"] for f in client.get("/api/statistics").json()["figures"]}
        assert figures["uses:hikvision"] == 1
        match = client.post(
            f"/team/inbox/{seed.unmatched_reply}/match",
            data={"csrf_token": token, "request_id": str(seed.request_ids[2])},
            follow_redirects=False,
        )
        assert match.status_code == 303
        client.post("/logout", data={"csrf_token": token})
        wrong = client.post(
            "/login",
            data={
                "username": "reviewer",
                "password": "nope-nope-nope",
                "csrf_token": csrf_from(client.get("/login").text),
            },
        )
        assert wrong.status_code == 401
