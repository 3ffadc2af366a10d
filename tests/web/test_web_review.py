"""The web review adds and confirms: every field offered, a correction quotes a passage picked from the
reply (or is the reviewer's own, with a reason), unmentioned makers must be confirmed, links both ways."""

from __future__ import annotations

import re

from sqlalchemy import select
from webtest_support import REPLY_AXIS

from cctv_audit import findings
from cctv_audit.answers.models import AnswerRecord
from cctv_audit.findings.models import Claim

HIKVISION_SENTENCE = "The cameras are made by Axis (12 units) and the rest by Hikvision."


def _active(store, maker: str, polarity: str) -> list[Claim]:
    with store.session() as session:
        claims = list(
            session.scalars(
                select(Claim).where(
                    Claim.maker_id == maker, Claim.polarity == polarity, Claim.status == "active"
                )
            )
        )
        for claim in claims:
            claim.quotes = [(e.quote, e.start, e.end, e.note) for e in claim.evidence]
        return claims


def _correct(client, answer_id: int, field: str, value: str, **more):
    data = {"csrf_token": client.csrf, "field": field, "action": "correct", "value": value, **more}
    return client.post(f"/team/review/{answer_id}", data=data, follow_redirects=False)


def test_every_field_is_offered_and_the_first_is_the_selected_one(seeded, client_as):
    _, seed = seeded
    page = client_as("reviewer").get(f"/team/review/{seed.answer_axis}").text
    fields = re.findall(r'<article class="field ([^"]*)" data-field="(\w+)"', page)
    assert [name for _, name in fields] == list(
        findings.FIELDS
    )  # empty ones (denied, exemptions) too
    assert [name for classes, name in fields if "current" in classes.split()] == ["outcome"]
    assert "nothing extracted: correct to add" in page


def test_after_a_decision_the_next_field_in_order_is_selected(seeded, client_as):
    _, seed = seeded
    client = client_as("reviewer")
    response = client.post(
        f"/team/review/{seed.answer_axis}",
        headers={"X-Requested-With": "fetch"},
        data={"csrf_token": client.csrf, "field": "outcome", "action": "accept"},
    )
    current = re.findall(r'<article class="field ([^"]*)" data-field="(\w+)"', response.text)
    assert [name for classes, name in current if "current" in classes.split()] == ["exemptions"]
    assert 'data-field="outcome"' in response.text and "state-accept" in response.text


def test_a_correction_shows_the_passages_then_quotes_the_one_picked(seeded, client_as):
    store, seed = seeded
    client = client_as("reviewer")
    first = _correct(client, seed.answer_axis, "in_use", "Axis, Hikvision")
    assert first.status_code == 200 and not _active(store, "hikvision", "uses")  # nothing saved yet
    with store.session() as session:
        answer = session.get(AnswerRecord, seed.answer_axis)
        candidates = findings.candidate_passages(session, answer, "in_use", ["Axis", "Hikvision"])
    assert [c.quote for c in candidates] == [HIKVISION_SENTENCE]
    key = f"{candidates[0].document_id}:{candidates[0].start}:{candidates[0].end}"
    assert (
        f'<mark class="cand chosen" data-passage="{key}" data-n="1"><sup>1</sup>{HIKVISION_SENTENCE}</mark>'
        in first.text.replace("&#39;", "'")
    )
    saved = _correct(client, seed.answer_axis, "in_use", "Axis, Hikvision", pick="1", passage=key)
    assert saved.status_code == 303
    [claim] = _active(store, "hikvision", "uses")
    assert claim.origin == "review"
    assert [(q, s, e) for q, s, e, _ in claim.quotes] == [
        (HIKVISION_SENTENCE, candidates[0].start, candidates[0].end)
    ]
    assert REPLY_AXIS[candidates[0].start : candidates[0].end] == HIKVISION_SENTENCE
    page = client.get(f"/team/review/{seed.answer_axis}").text
    assert f"Quoted by reviewer: “{HIKVISION_SENTENCE}”" in page


def test_a_passage_that_does_not_support_the_value_is_refused(seeded, client_as):
    store, seed = seeded
    client = client_as("reviewer")
    response = _correct(
        client,
        seed.answer_axis,
        "in_use",
        "Axis, Hikvision",
        pick="1",
        passage="1:0:40",
        reason="x",
    )
    assert "pick one again" in response.text and not _active(store, "hikvision", "uses")


def test_a_value_of_ones_own_needs_a_reason_and_says_so(seeded, client_as):
    store, seed = seeded
    client = client_as("reviewer")
    response = _correct(client, seed.answer_axis, "in_use", "Axis, Hikvision", pick="1", passage="")
    assert "say why the value is right" in response.text and not _active(store, "hikvision", "uses")
    _correct(
        client,
        seed.answer_axis,
        "in_use",
        "Axis, Hikvision",
        pick="1",
        passage="",
        reason="phoned them",
    )
    [claim] = _active(store, "hikvision", "uses")
    assert (
        claim.quotes[0][0] is None
        and "reviewer's own value (reviewer: phoned them)" in claim.quotes[0][3]
    )
    page = client.get(f"/team/review/{seed.answer_axis}").text
    assert "The reviewer's own value (reviewer: phoned them); no passage quoted." in page


def test_denials_of_makers_the_reply_never_mentions_are_warned_and_need_confirming(
    seeded, client_as
):
    store, seed = seeded
    client = client_as("reviewer")
    typed = {"pick": "1", "passage": "", "reason": "the council said so on the phone"}
    response = _correct(client, seed.answer_axis, "denied", "Dahua, Axis, Bosch", **typed)
    assert response.status_code == 200
    assert "The reply never mentions <strong>Dahua, Bosch</strong>" in response.text
    assert 'name="confirm"' in response.text and "Not saved" in response.text
    assert not _active(store, "dahua", "does_not_use") and not _active(
        store, "axis", "does_not_use"
    )
    confirmed = _correct(
        client, seed.answer_axis, "denied", "Dahua, Axis, Bosch", confirm="1", **typed
    )
    assert (
        confirmed.status_code == 200 and "Saved, with warnings" in confirmed.text
    )  # shown after saving too
    assert "Dahua is not mentioned anywhere in the reply" in confirmed.text
    [dahua] = _active(store, "dahua", "does_not_use")
    assert "reviewer's own value" in dahua.quotes[0][3]


def test_body_history_links_to_its_review_and_the_review_to_the_body(seeded, client_as):
    _, seed = seeded
    client = client_as("reviewer")
    history = client.get("/team/bodies/AAA").text
    assert f'href="/team/review/{seed.answer_axis}"' in history
    review = client.get(f"/team/review/{seed.answer_axis}").text
    assert 'id="body-link" href="/team/bodies/AAA"' in review and 'href="/bodies/AAA"' in review


def _api_correct(client, answer_id: int, **payload):
    return client.post(
        f"/api/review/{answer_id}",
        headers={"X-CSRF-Token": client.csrf},
        json={"action": "correct", **payload},
    )


def test_the_json_api_quotes_the_passage_picked_like_the_page(seeded, client_as):
    store, seed = seeded
    client = client_as("reviewer")
    offered = client.get(
        f"/api/review/{seed.answer_axis}/passages",
        params={"field": "in_use", "value": "Axis, Hikvision"},
    )
    assert offered.status_code == 200, offered.text
    data = offered.json()
    assert data["value"] == ["Axis", "Hikvision"] and data["unmentioned"] == []
    [candidate] = data["candidates"]
    assert candidate["quote"] == HIKVISION_SENTENCE
    assert candidate["key"] == f"{candidate['document_id']}:{candidate['start']}:{candidate['end']}"
    wrong = _api_correct(
        client, seed.answer_axis, field="in_use", value=["Axis", "Hikvision"], passage="1:0:40"
    )
    assert wrong.status_code == 422 and "pick one again" in wrong.json()["detail"]
    saved = _api_correct(
        client, seed.answer_axis, field="in_use", value="Axis, Hikvision", passage=candidate["key"]
    )
    assert saved.status_code == 200, saved.text
    assert saved.json()["versions"][0]["passage"]["quote"] == HIKVISION_SENTENCE
    [claim] = _active(store, "hikvision", "uses")
    assert [(q, s, e) for q, s, e, _ in claim.quotes] == [
        (HIKVISION_SENTENCE, candidate["start"], candidate["end"])
    ]
    state = client.get(f"/api/review/{seed.answer_axis}").json()
    assert state["latest_reviews"]["in_use"]["passage"]["quote"] == HIKVISION_SENTENCE
    assert [v["field"] for v in state["history"]] == ["in_use"]


def test_the_json_api_needs_a_reason_for_ones_own_value_and_a_confirmation_for_unmentioned_makers(
    seeded, client_as
):
    store, seed = seeded
    client = client_as("reviewer")
    bare = _api_correct(client, seed.answer_axis, field="denied", value=["Dahua", "Bosch"])
    assert bare.status_code == 409 and "reason" in bare.json()["detail"]
    offered = client.get(
        f"/api/review/{seed.answer_axis}/passages",
        params={"field": "denied", "value": "Dahua, Bosch"},
    )
    assert offered.json()["unmentioned"] == ["Dahua", "Bosch"]
    unconfirmed = _api_correct(
        client, seed.answer_axis, field="denied", value=["Dahua", "Bosch"], reason="phoned them"
    )
    assert (
        unconfirmed.status_code == 409
        and "never mentions Dahua, Bosch" in unconfirmed.json()["detail"]
    )
    assert not _active(store, "dahua", "does_not_use")
    confirmed = _api_correct(
        client,
        seed.answer_axis,
        field="denied",
        value=["Dahua", "Bosch"],
        reason="phoned them",
        confirm=True,
    )
    assert confirmed.status_code == 200, confirmed.text
    body = confirmed.json()
    assert body["warnings"] == [
        f"{name} is not mentioned anywhere in the reply: check before you publish"
        for name in ("Dahua", "Bosch")
    ]
    latest = body["item"]["latest_reviews"]["denied"]
    assert (
        latest["passage"] is None and latest["reason"] == "phoned them"
    )  # the reviewer's own value
    [dahua] = _active(store, "dahua", "does_not_use")
    assert "reviewer's own value" in dahua.quotes[0][3]
