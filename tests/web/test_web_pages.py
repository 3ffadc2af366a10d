"""The team and public pages do their jobs (through the library functions behind them)."""

from __future__ import annotations

import re

from markupsafe import escape
from sqlalchemy import select

from cctv_audit.foi.models import Reply


def test_dashboard_and_survey_page_show_progress_and_overdue_with_due_dates(seeded, client_as):
    _, seed = seeded
    client = client_as("viewer")
    dashboard = client.get("/team").text
    assert "CCTV makers 2026" in dashboard and "1 unmatched reply" in dashboard
    page = client.get(f"/team/surveys/{seed.survey_id}").text
    overdue = page.split("<h2>Overdue")[1].split("</table>")[0]
    assert "Gamma London Borough Council" in overdue and "CCTV-CCC01" in overdue
    assert re.search(r"2026-02-\d\d", overdue), "the due date is shown"
    assert "Queue chasers" not in page  # viewers cannot send chasers


def test_editor_queues_chasers_for_overdue_requests(seeded, client_as):
    store, seed = seeded
    client = client_as("editor")
    response = client.post(
        f"/team/surveys/{seed.survey_id}/chasers",
        data={"csrf_token": client.csrf},
        follow_redirects=False,
    )
    assert response.status_code == 303 and response.headers["location"].endswith("?sent=1")
    from cctv_audit.foi import OutboxMessage

    with store.session() as session:
        queued = session.scalars(select(OutboxMessage).where(OutboxMessage.kind == "chaser")).all()
    assert len(queued) == 1


def test_inbox_suggests_the_request_and_matches_in_one_click(seeded, client_as):
    store, seed = seeded
    client = client_as("reviewer")
    inbox = client.get("/team/inbox").text
    assert "Match to Gamma London Borough Council" in inbox  # suggested from the sender's domain
    assert "&lt;b&gt;Re: your request&lt;/b&gt;" in inbox  # the subject is untrusted too
    ccc = seed.request_ids[2]
    response = client.post(
        f"/team/inbox/{seed.unmatched_reply}/match",
        data={"csrf_token": client.csrf, "request_id": str(ccc)},
        follow_redirects=False,
    )
    assert response.status_code == 303
    with store.session() as session:
        reply = session.get(Reply, seed.unmatched_reply)
        assert (reply.request_id, reply.matched_by) == (ccc, "manual")
    assert "Every reply is matched" in client.get("/team/inbox").text
    history = client.get("/team/bodies/CCC").text
    assert "stray.eml" in history and "manual" in history


def test_body_history_lists_every_request_event_and_reply(seeded, client_as):
    client = client_as("viewer")
    page = client.get("/team/bodies/AAA").text
    assert "CCTV-AAA01" in page and "reply-aaa.txt" in page and "response received" in page


def test_review_page_shows_reply_beside_answer_with_spans_highlighted(seeded, client_as):
    _, seed = seeded
    page = client_as("reviewer").get(f"/team/review/{seed.answer_axis}").text
    assert '<mark id="ev-0" class="ev ev-in_use" data-field="in_use">Axis</mark>' in page
    assert '<mark id="ev-1" class="ev ev-count" data-field="count">12 units</mark>' in page
    assert 'data-field="in_use"' in page and "0.55" in page


def test_plain_form_review_without_script_redirects_to_the_next_item(seeded, client_as):
    _, seed = seeded
    client = client_as("reviewer")
    form = {"csrf_token": client.csrf, "field": "*", "action": "accept"}
    response = client.post(f"/team/review/{seed.answer_evil}", data=form, follow_redirects=False)
    assert (
        response.status_code == 303
        and response.headers["location"] == f"/team/review/{seed.answer_axis}"
    )
    client.post(f"/team/review/{seed.answer_axis}", data=form)
    assert "Nothing left to review" in client.get("/team/review").text


def test_correction_reaches_public_statistics_and_api(seeded, client_as):
    _, seed = seeded
    public = client_as(None)
    before = {f["key"]: f["value"] for f in public.get("/api/statistics").json()["figures"]}
    assert before["uses_flagged"] == 0 and "uses:hikvision" not in before
    reviewer = client_as("reviewer")
    response = reviewer.post(
        f"/api/review/{seed.answer_axis}",
        headers={"X-CSRF-Token": reviewer.csrf},
        json={
            "field": "in_use",
            "action": "correct",
            "value": ["Axis", "Hikvision"],
            "reason": "named in para 2",
        },
    )
    assert response.status_code == 200, response.text
    after = {f["key"]: f["value"] for f in public.get("/api/statistics").json()["figures"]}
    assert after["uses_flagged"] == 1 and after["uses:hikvision"] == 1
    body = public.get("/api/bodies/AAA").json()
    assert {c["maker_id"] for c in body["claims"]} >= {"hikvision"}
    assert "Hikvision" in public.get("/findings").text


def test_correction_needs_a_reason(seeded, client_as):
    _, seed = seeded
    reviewer = client_as("reviewer")
    response = reviewer.post(
        f"/api/review/{seed.answer_axis}",
        headers={"X-CSRF-Token": reviewer.csrf},
        json={"field": "in_use", "action": "correct", "value": ["Hikvision"]},
    )
    assert response.status_code == 409 and "reason" in response.json()["detail"]


def test_counts_typed_in_the_form_are_parsed_as_the_terminal_parses_them():
    from cctv_audit.findings import parse_field_value
    from cctv_audit.web.forms import show_value

    assert parse_field_value("counts", "Hikvision: 12, Axis=3") == {"Hikvision": 12, "Axis": 3}
    assert parse_field_value("in_use", " Axis, Hikvision ,") == ["Axis", "Hikvision"]
    assert parse_field_value("total_cameras", "") is None
    assert parse_field_value("counts", show_value({"Hikvision": 12})) == {"Hikvision": 12}


def test_public_pages_render(seeded, client_as):
    client = client_as(None)
    for url in (
        "/",
        "/findings",
        "/findings?status=overdue",
        "/bodies?q=alpha",
        "/bodies/AAA",
        "/map",
        "/manufacturers",
        "/manufacturers/hikvision",
        "/api",
        "/api/manufacturers",
    ):
        assert client.get(url).status_code == 200, url
    svg = client.get("/map.svg")
    assert svg.headers["content-type"].startswith("image/svg+xml") and "<svg" in svg.text
    assert client.get("/bodies/NOPE-XYZ").status_code == 404
    assert (
        client.get("/api/bodies/%20").status_code == 404
    )  # found by schemathesis: a blank name crashed
    assert client.get("/api/bodies/NOPE-XYZ").json()["detail"].startswith("no public body")


def test_admin_manages_users_from_the_browser(seeded, client_as):
    client = client_as("admin")
    form = {"csrf_token": client.csrf}
    client.post(
        "/team/users",
        data={**form, "username": "newbie", "password": "long-enough-pw", "role": "viewer"},
    )
    client.post("/team/users/newbie/role", data={**form, "role": "editor"})
    assert re.search(
        r"newbie</td>.*?<option selected>editor", client.get("/team/users").text, re.DOTALL
    )
    assert client.post("/team/users/admin/delete", data=form).status_code == 422  # not yourself
    client.post("/team/users/newbie/delete", data=form)
    assert "newbie" not in client.get("/team/users").text


def test_anonymous_page_cache_follows_writes_here_at_once_and_elsewhere_within_the_ttl(seeded):
    import time

    from fastapi.testclient import TestClient
    from webtest_support import login

    from cctv_audit.findings import review_field
    from cctv_audit.web import create_app

    store, seed = seeded
    app = create_app(store, secret_key="cache-test-secret-key", page_cache_ttl=0.3)
    reader = TestClient(app, base_url="https://testserver")

    def hikvision() -> list[dict]:
        return reader.get("/api/statistics").json()["figures"]

    assert "set-cookie" not in reader.get("/").headers and not reader.cookies
    assert not any(f["key"] == "uses:hikvision" for f in hikvision())
    with TestClient(app, base_url="https://testserver") as reviewer:
        token = login(reviewer, "reviewer")
        reviewer.post(
            f"/api/review/{seed.answer_axis}",
            headers={"X-CSRF-Token": token},
            json={
                "field": "in_use",
                "action": "correct",
                "value": ["Hikvision"],
                "reason": "para 2",
            },
        )
    assert any(f["key"] == "uses:hikvision" and f["value"] == 1 for f in hikvision())  # at once
    with store.session() as session:  # a change made outside the server (e.g. the CLI)
        review_field(
            session,
            seed.answer_evil,
            "in_use",
            "correct",
            after=["Hikvision"],
            reason="x",
            reviewer="cli",
        )
    time.sleep(0.4)
    assert any(f["key"] == "uses:hikvision" and f["value"] == 2 for f in hikvision())


def test_review_panel_shows_who_changed_what_and_why(seeded, client_as):
    _, seed = seeded
    client = client_as("reviewer")
    client.post(
        f"/team/review/{seed.answer_axis}",
        data={
            "csrf_token": client.csrf,
            "field": "total_cameras",
            "action": "correct",
            "value": "41",
            "reason": "<i>recount</i>",
            "pick": "1",
            "passage": "",
        },
    )
    panel = client.get(f"/team/review/{seed.answer_axis}/panel").text
    assert "Review history (1)" in panel and "reviewer · correct total cameras (v1)" in panel
    assert "40 → 41" in panel and "&lt;i&gt;recount&lt;/i&gt;" in panel


def test_front_page_says_what_each_figure_counts_and_what_flagged_means(seeded, client_as):
    from cctv_audit.web import services

    store, _ = seeded
    with store.session() as session:
        stats = services.statistics(session, services.resolve_round(session, None))
    page = client_as(None).get("/").text
    assert 'id="flagged-definition"' in page and "state" in stats.flagged_definition
    for figure in stats.figures:
        if figure.definition:
            assert str(escape(figure.definition)) in page, figure.key
