"""One reply, one reading: an e-mail and its attachment give one answer, one claim per maker, and a
reviewer's correction holds through re-reading and publishing. Deadlines agree on every surface.

Everything runs through the CLI as a user types it: real SMTP on loopback for the letters, real
PDF/DOCX/XLSX attachments, the web app and the published site read back.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from e2e_support import (
    Cli,
    MailCatcher,
    docx_bytes,
    pdf_bytes,
    reply_email,
    sent_survey,
    xlsx_bytes,
)
from fastapi.testclient import TestClient
from sqlalchemy import select

from cctv_audit.answers.models import AnswerRecord
from cctv_audit.findings.models import Claim
from cctv_audit.foi.models import Request
from cctv_audit.registry import Body
from cctv_audit.web import create_app

LINES = [
    "Freedom of Information response",
    "The Council operates 40 CCTV cameras.",
    "30 of our cameras are manufactured by Hikvision and 10 by Axis.",
]
ATTACHMENTS = {
    "pdf": ("response.pdf", lambda: pdf_bytes(LINES), "application/pdf"),
    "docx": (
        "response.docx",
        lambda: docx_bytes(LINES),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": (
        "cameras.xlsx",
        lambda: xlsx_bytes(
            [["Manufacturer", "Number of cameras"], ["Hikvision", 30], ["Axis", 10], ["Total", 40]]
        ),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
}


def _reply(tmp_path, request, body: str, attachments=()):
    path = tmp_path / "reply.eml"
    path.write_bytes(
        reply_email(
            sender="foi@ken.gov.test",
            to="alex@campaign.test",
            subject=f"RE: {request['subject']}",
            in_reply_to=request["message_id"],
            body=body,
            attachments=list(attachments),
        )
    )
    return path


def _answers_and_claims(store):
    with store.session() as session:
        answers = session.scalars(select(AnswerRecord)).all()
        claims = session.scalars(select(Claim).where(Claim.status == "active")).all()
        return (
            [(a.id, a.document_id, a.extractor_version) for a in answers],
            sorted((c.maker_id, c.polarity, c.device_count) for c in claims),
            {e.document_id for c in claims for e in c.evidence},
        )


@pytest.mark.parametrize("kind", sorted(ATTACHMENTS))
def test_one_reply_one_answer_and_the_correction_holds(kind, councils, tmp_path, monkeypatch):
    with MailCatcher() as catcher:
        cli, requests = sent_survey(councils, tmp_path, catcher)
    name, make, media = ATTACHMENTS[kind]
    report = cli.json(
        "ingest",
        str(
            _reply(
                tmp_path,
                requests["KEN"],
                "Dear Alex,\n\nPlease find our response attached.\n\nFOI Team\n",
                [(name, make(), media)],
            )
        ),
    )
    assert report["replies"] == {"new": 1, "matched": 1, "unmatched": 0}
    answers, claims, quoted = _answers_and_claims(councils)
    assert len(answers) == 1  # the e-mail and its attachment: one reading
    assert claims == [("axis", "uses", 10), ("hikvision", "uses", 30)]  # one claim per maker
    email_id = answers[0][1]
    assert quoted and email_id not in quoted  # the passages point into the attachment itself
    [item] = cli.json("review", "list")
    assert item["answer_id"] == answers[0][0]

    cli(
        "review",
        "field",
        str(answers[0][0]),
        "in_use",
        "correct",
        "--value",
        "Axis",
        "--reason",
        "the Hikvision units are the car park's, not ours",
        "--reviewer",
        "a",
    )
    assert _answers_and_claims(councils)[1] == [("axis", "uses", 10)]

    # A newer extractor reads the same reply again: the person's correction stays in force.
    monkeypatch.setattr("cctv_audit.answers.storage.EXTRACTOR_VERSION", "rules-next")
    monkeypatch.setattr("cctv_audit.intake.service.EXTRACTOR_VERSION", "rules-next")
    cli("answers", "run")
    answers, claims, _ = _answers_and_claims(councils)
    assert [v for _, _, v in answers] == [answers[0][2], "rules-next"]
    assert {d for _, d, _ in answers} == {email_id}
    assert claims == [("axis", "uses", 10)]
    cli("answers", "run", "--all")  # idempotent: same claims, no new answers
    assert _answers_and_claims(councils)[:2] == (answers, claims)

    figures = {f["key"]: f for f in cli.json("findings", "--survey", "cctv-2026")["figures"]}
    assert figures["uses_flagged"]["value"] == 0 and "uses:hikvision" not in figures
    cli("publish", "cctv-2026", "--out", str(tmp_path / "site"))
    page = next(
        p
        for p in (tmp_path / "site").rglob("*.html")
        if "Kent County Council" in p.read_text() and "Reply due" in p.read_text()
    )
    claims_on_page = re.findall(r"<h3>([^<:]+): (uses|does not use)", page.read_text())
    assert claims_on_page == [("Axis", "uses")]  # the published page follows the correction


def test_an_attachment_only_reply_is_read(councils, tmp_path):
    with MailCatcher() as catcher:
        cli, requests = sent_survey(councils, tmp_path, catcher)
    cli(
        "ingest",
        str(
            _reply(
                tmp_path, requests["KEN"], "", [("answer.pdf", pdf_bytes(LINES), "application/pdf")]
            )
        ),
    )
    answers, claims, _ = _answers_and_claims(councils)
    assert len(answers) == 1 and claims == [("axis", "uses", 10), ("hikvision", "uses", 30)]


def test_when_the_e_mail_and_its_attachment_disagree_the_attachment_wins_and_a_person_decides(
    councils, tmp_path
):
    with MailCatcher() as catcher:
        cli, requests = sent_survey(councils, tmp_path, catcher)
    cover = "Dear Alex,\n\nIn short: the Council does not use Hikvision cameras. Our formal response is attached.\n"
    attached = ["Response", "The Council operates 12 Hikvision cameras at its depots."]
    cli(
        "ingest",
        str(
            _reply(
                tmp_path,
                requests["KEN"],
                cover,
                [("response.pdf", pdf_bytes(attached), "application/pdf")],
            )
        ),
    )
    answers, claims, _ = _answers_and_claims(councils)
    assert len(answers) == 1
    assert ("hikvision", "uses", 12) in claims and ("hikvision", "does_not_use", None) not in claims
    [item] = cli.json("review", "list")
    reasons = " ".join(item["review_reasons"])
    assert (
        "does not use Hikvision" in reasons and "12 Hikvision cameras" in reasons
    )  # both passages


def test_each_nation_shows_the_same_due_date_and_overdue_state_everywhere(councils, tmp_path):
    codes = ("KEN", "EDH", "CRF", "BFS")
    with MailCatcher() as catcher:
        cli, _ = sent_survey(councils, tmp_path, catcher, codes=codes)
    today = dt.date.today()
    # FOIA skips the English late summer holiday (31 August 2026); FOISA does not. Cardiff and
    # Belfast received theirs three days ago: not yet due, so the overdue states differ too.
    received = {
        "KEN": "2026-08-10",
        "EDH": "2026-08-10",
        "CRF": (today - dt.timedelta(days=3)).isoformat(),
        "BFS": (today - dt.timedelta(days=3)).isoformat(),
    }
    with councils.session() as session:
        for request, code in session.execute(
            select(Request, Body.code).join(Body, Body.id == Request.body_id)
        ):
            request.received_on = dt.date.fromisoformat(received[code])
    law = {"KEN": "FOIA", "EDH": "FOISA", "CRF": "FOIA", "BFS": "FOIA"}
    expected = {
        code: cli.json("foi", "due-date", received[code], "--law", law[code])["due"]
        for code in codes
    }
    assert expected["EDH"] == "2026-09-07" and expected["KEN"] == "2026-09-08"
    overdue = {code: today > dt.date.fromisoformat(expected[code]) for code in codes}
    assert overdue["CRF"] is False and overdue["BFS"] is False

    status = {
        r["body_code"]: r for r in cli.json("survey", "status", "cctv-2026", "--all")["requests"]
    }
    assert {code: status[code]["due"] for code in codes} == expected
    assert {
        code: status[code]["timeliness"] in ("overdue", "long_overdue") for code in codes
    } == overdue

    bodies = {b["body_code"]: b for b in cli.json("findings", "--bodies", "--survey", "cctv-2026")}
    assert {code: bodies[code]["due_on"] for code in codes} == expected
    assert {code: bodies[code]["status"] == "overdue" for code in codes} == overdue

    with TestClient(create_app(councils, secret_key="e2e-secret-key-for-sessions")) as client:
        pages = {code: client.get(f"/bodies/{code}").text for code in codes}
    assert {code: f"due {expected[code]}" in page for code, page in pages.items()} == dict.fromkeys(
        codes, True
    )
    assert {code: "This round: overdue" in page for code, page in pages.items()} == overdue

    cli("publish", "cctv-2026", "--out", str(tmp_path / "site"))
    site = [p.read_text() for p in (tmp_path / "site").rglob("*.html")]
    for code in codes:
        [page] = [
            t
            for t in site
            if "Reply due" in t and re.search(rf"<h1[^>]*>[^<]*{re.escape(_name(cli, code))}", t)
        ]
        assert f'datetime="{expected[code]}"' in page
        assert ('data-status="overdue"' in page) is overdue[code]


def _name(cli: Cli, code: str) -> str:
    return cli.json("bodies", "show", code)["name"]
