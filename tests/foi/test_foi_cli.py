"""The CLI: due-date JSON, and a survey from creation to status."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from cctv_audit.cli.main import app
from cctv_audit.registry import get_body


def run(db, *args):
    result = CliRunner().invoke(app, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_due_date_json_is_exactly_the_contract(tmp_path):
    data = json.loads(
        run(tmp_path / "x.db", "foi", "due-date", "2025-12-19", "--law", "FOISA", "--json")
    )
    assert list(data) == ["received", "law", "due", "skipped"]
    assert (
        data["received"] == "2025-12-19" and data["law"] == "FOISA" and data["due"] == "2026-01-22"
    )
    assert {"date": "2026-01-02", "reason": "bank holiday in Scotland: New Year Holiday"} in data[
        "skipped"
    ]
    assert all(set(s) == {"date", "reason"} for s in data["skipped"])


def test_survey_workflow(councils, tmp_path):
    db = councils.engine.url.database
    run(
        db,
        "survey",
        "create",
        "CCTV 2026",
        "--requester-name",
        "Alex Researcher",
        "--requester-email",
        "alex@campaign.test",
        "--welsh-note",
    )
    assert "requests added" in run(
        db, "survey", "add-bodies", "cctv-2026", "--body", "ADU", "--body", "ABE"
    )
    letter = run(db, "survey", "preview", "cctv-2026", "Aberdeen City Council")
    assert "Freedom of Information (Scotland) Act 2002" in letter
    status = json.loads(run(db, "survey", "status", "cctv-2026", "--json", "--today", "2026-01-05"))
    assert status["total"] == 2 and status["counts"]["draft"] == 2
    reference = status["requests"][0]["reference"]
    run(
        db, "requests", "set-state", reference, "withdrawn", "--reason", "duplicate", "--by", "alex"
    )
    shown = json.loads(run(db, "requests", "show", reference, "--json"))
    assert shown["state"] == "withdrawn" and shown["events"][-1]["actor"] == "alex"
    with councils.session() as session:
        get_body(session, "ADU").foi_email = "foi@adur-worthing.test"
    out = run(db, "survey", "send", "cctv-2026", "--dry-run", "--out", str(tmp_path / "o"))
    adur = next(r["reference"] for r in status["requests"] if r["body_code"] == "ADU")
    assert (
        reference != adur
    )  # Aberdeen sorts first and was withdrawn: only Adur's letter is written
    assert [p.stem for p in (tmp_path / "o").glob("*.eml")] == [adur]
    assert out.startswith("1 messages written")


def test_a_round_names_the_round_it_repeats(councils):
    db = councils.engine.url.database
    run(
        db,
        "survey",
        "create",
        "CCTV 2025",
        "--requester-name",
        "Alex",
        "--requester-email",
        "alex@campaign.test",
    )
    out = run(
        db,
        "survey",
        "create",
        "CCTV 2026",
        "--requester-name",
        "Alex",
        "--requester-email",
        "alex@campaign.test",
        "--previous",
        "cctv-2025",
    )
    assert "follows round cctv-2025" in out
    from cctv_audit.foi import get_survey

    with councils.session() as session:
        assert get_survey(session, "cctv-2026").previous_id == get_survey(session, "cctv-2025").id
    result = CliRunner().invoke(
        app,
        [
            "--db",
            str(db),
            "survey",
            "create",
            "CCTV 2027",
            "--requester-name",
            "A",
            "--requester-email",
            "a@b.test",
            "--previous",
            "no-such-round",
        ],
    )
    assert result.exit_code != 0 and "no survey 'no-such-round'" in str(
        result.exception or result.output
    )


def test_ingesting_a_reply_matches_it_to_its_request(councils, tmp_path):
    from email.message import EmailMessage

    db = councils.engine.url.database
    run(
        db,
        "survey",
        "create",
        "CCTV 2026",
        "--requester-name",
        "Alex",
        "--requester-email",
        "alex@campaign.test",
    )
    run(db, "survey", "add-bodies", "cctv-2026", "--body", "CRF")
    reference = json.loads(run(db, "survey", "status", "cctv-2026", "--json"))["requests"][0][
        "reference"
    ]
    message = EmailMessage()
    message["From"], message["To"] = "foi@cardiff.gov.test", "alex@campaign.test"
    message["Subject"] = f"RE: Freedom of Information request {reference}"
    message.set_content("The Council operates 212 CCTV cameras. 180 are manufactured by Hikvision.")
    (tmp_path / "reply.eml").write_bytes(bytes(message))
    result = CliRunner().invoke(app, ["--db", str(db), "ingest", str(tmp_path / "reply.eml")])
    assert result.exit_code == 0, result.output
    assert "1 new replies: 1 matched to requests" in result.stdout
    shown = json.loads(run(db, "requests", "show", reference, "--json"))
    assert "reply received" in shown["events"][-1]["reason"]
    [answer] = json.loads(
        run(db, "answers", "run", "--all", "--json")
    )  # re-read: same answer, claims kept
    assert answer["manufacturers_in_use"] == ["Hikvision"] and answer["counts"] == {
        "Hikvision": 180
    }
    claims = json.loads(run(db, "claims", "list", "--body", "CRF", "--json"))
    assert [(c["maker_id"], c["device_count"]) for c in claims] == [("hikvision", 180)]
