"""One rule for "replied": acknowledgements, automatic replies and our own letters answer nothing, a
person can mark any reply (not) an answer, any stored file can be the reply, and replies are dated
by the body's message (or by a person), late ones flagged, on every surface.
"""

from __future__ import annotations

import datetime as dt

from e2e_support import MailCatcher, pdf_bytes, reply_email, sent_survey
from sqlalchemy import select

from cctv_audit.foi.models import Reply, Request

CODES = ("KEN", "EDH", "CRF")


def _email(tmp_path, name, request, body, *, subject=None, date=None):
    data = reply_email(
        sender="foi@council.gov.test",
        to="alex@campaign.test",
        subject=subject or f"RE: {request['subject']}",
        in_reply_to=request["message_id"],
        body=body,
    )
    if date:
        data = data.replace(b"Date: ", b"X-Old-Date: ", 1).replace(
            b"\n", f"\nDate: {date}\n".encode(), 1
        )
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _status(cli):
    rows = {r["body_code"]: r for r in cli.json("findings", "--bodies", "--survey", "cctv-2026")}
    return {code: rows[code]["status"] for code in CODES}, rows


def test_only_answers_count_as_replied_and_a_person_can_say_otherwise(councils, tmp_path):
    with MailCatcher() as catcher:
        cli, requests = sent_survey(councils, tmp_path, catcher, codes=CODES)
    with councils.session() as session:  # the letters reached the bodies on 10 August 2026
        for request in session.scalars(select(Request)):
            request.received_on = dt.date(2026, 8, 10)
    cli(
        "ingest",
        str(
            _email(
                tmp_path,
                "ack.eml",
                requests["KEN"],
                "We acknowledge receipt of your request.",
                subject="Acknowledgement",
            )
        ),
    )
    cli(
        "ingest",
        str(
            _email(
                tmp_path,
                "edh.eml",
                requests["EDH"],
                "We operate 40 Axis cameras.",
                date="Fri, 25 Sep 2026 10:00:00 +0100",
            )
        ),
    )
    statuses, rows = _status(cli)
    assert statuses["KEN"] in ("overdue", "no_reply")  # an acknowledgement is not an answer
    assert statuses["EDH"] == "answered"
    assert (rows["EDH"]["responded_on"], rows["EDH"]["late"]) == (
        "2026-09-25",
        True,
    )  # the e-mail's own date
    status = {
        r["body_code"]: r for r in cli.json("survey", "status", "cctv-2026", "--all")["requests"]
    }
    assert status["EDH"]["replied_on"] == "2026-09-25" and status["EDH"]["late"] is True
    assert status["KEN"]["replied_on"] is None and status["KEN"]["timeliness"] in (
        "overdue",
        "long_overdue",
    )

    with councils.session() as session:
        edh = session.scalar(
            select(Reply).join(Request).where(Request.reference == requests["EDH"]["reference"])
        )
        edh_reply = edh.id
    cli(
        "replies",
        "mark",
        str(edh_reply),
        "--not-answer",
        "--reason",
        "a holding letter",
        "--by",
        "alex",
    )
    statuses, _ = _status(cli)
    assert statuses["EDH"] in ("overdue", "no_reply")
    figures = {f["key"]: f for f in cli.json("findings", "--survey", "cctv-2026")["figures"]}
    assert figures["answered"]["value"] == 0 and "uses:axis" not in figures  # its claims retired
    cli("replies", "mark", str(edh_reply), "--undo", "--by", "alex")
    assert _status(cli)[0]["EDH"] == "answered"


def test_our_own_letters_from_a_sent_folder_change_nothing(councils, tmp_path):
    with MailCatcher() as catcher:
        cli, requests = sent_survey(councils, tmp_path, catcher, codes=CODES)
        sent = [m for messages in catcher.delivered.values() for m in messages]
    before = cli.json("survey", "status", "cctv-2026")
    for number, message in enumerate(sent):
        (tmp_path / f"sent-{number}.eml").write_bytes(bytes(message))
        cli("ingest", str(tmp_path / f"sent-{number}.eml"))
    after = cli.json("survey", "status", "cctv-2026")
    assert after["counts"] == before["counts"]
    assert cli.json("replies", "queue") == []
    assert set(_status(cli)[0].values()) <= {"no_reply", "overdue"}


def test_a_posted_letter_is_matched_by_its_reference_or_attached_by_hand(councils, tmp_path):
    with MailCatcher() as catcher:
        cli, requests = sent_survey(councils, tmp_path, catcher, codes=CODES)
    letter = tmp_path / "crf-letter.pdf"
    letter.write_bytes(
        pdf_bytes(
            [
                f"Our reference: {requests['CRF']['reference']}",
                "The Council operates 12 Bosch cameras.",
            ]
        )
    )
    cli("ingest", str(letter))
    assert _status(cli)[0]["CRF"] == "answered"  # matched by the reference in its text

    scan = tmp_path / "ken-letter.pdf"
    scan.write_bytes(pdf_bytes(["Kent County Council", "We use 9 Hanwha cameras."]))
    cli("ingest", str(scan))
    [queued] = cli.json("replies", "queue")  # no reference: queued, never lost
    assert queued["file"] == "ken-letter.pdf"
    cli(
        "replies",
        "assign",
        str(queued["reply"]),
        requests["KEN"]["reference"],
        "--date",
        "2026-09-01",
    )
    statuses, rows = _status(cli)
    assert statuses["KEN"] == "answered" and rows["KEN"]["responded_on"] == "2026-09-01"
    makers = {m["maker_id"] for m in rows["KEN"]["makers"]}
    assert makers == {"hanwha"}
