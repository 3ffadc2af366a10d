"""Sending through the outbox to a real SMTP server (aiosmtpd) with a real Sent folder (Dovecot)."""

from __future__ import annotations

import email
from email import policy

import pytest
from foi_servers import Behaviour, RecordingHandler, start_smtp
from sqlalchemy import select

from cctv_audit.foi import (
    MailSettings,
    OutboxMessage,
    Request,
    SendPlan,
    add_bodies,
    get_survey,
    queue_survey,
    send_outbox,
    send_survey,
    write_dry_run,
)
from cctv_audit.foi.outbox import release
from cctv_audit.registry import list_bodies


def mail_settings(controller, imap=None, **extra) -> MailSettings:
    data = {
        "smtp": {
            "host": "127.0.0.1",
            "port": controller.port if controller else 25,
            "security": "none",
        },
        "spacing_seconds": 0,
        "backoff_seconds": 0.05,
        "max_wait_seconds": 5,
        "max_attempts": 4,
    }
    if imap is not None:
        data["imap"] = {
            "host": imap.host,
            "port": imap.port,
            "security": "none",
            "username": imap.user,
            "password": imap.password,
            "sent_folder": "Sent",
            "sent_copy": "server",
        }
    data.update(extra)
    return MailSettings.model_validate(data)


def add_all(store, survey_id: int) -> None:
    with store.session() as session:
        add_bodies(session, get_survey(session, survey_id), list_bodies(session))


@pytest.mark.slow
def test_fifty_bodies_each_get_exactly_one_request_despite_failures(
    bodies_store, survey_id, smtp, imap_server
):
    handler, controller = smtp
    handler.behaviour.temporary_failures = {"foi@council003.test": 2, "foi@council017.test": 1}
    handler.behaviour.permanent_failures = {"foi@council020.test"}
    add_all(bodies_store, survey_id)
    settings = mail_settings(controller, imap_server)

    queued, report = send_survey(bodies_store, survey_id, settings)

    assert len(queued.queued) == 50
    assert len(report.sent) == 49 and report.remaining == 0
    assert len(report.failed) == 1 and "550" in report.failed[0][1]
    assert sorted(set(report.retried)) == sorted(
        set(report.retried)
    )  # both greylisted bodies retried
    assert len(report.retried) == 3
    delivered = {addr: len(msgs) for addr, msgs in handler.delivered.items()}
    assert len(delivered) == 49 and set(delivered.values()) == {1}
    assert "foi@council020.test" not in delivered
    with bodies_store.session() as session:
        bounced = session.scalar(select(Request).where(Request.state == "bounced"))
        assert bounced.to_addr == "foi@council020.test" and "550" in bounced.last_error
        waiting = session.scalars(select(Request).where(Request.state == "awaiting_response")).all()
        assert len(waiting) == 49 and all(r.received_on and r.message_id for r in waiting)
    assert len(imap_server.message_ids("Sent")) == 49

    _, again = send_survey(bodies_store, survey_id, settings)  # a second run sends nothing
    assert again.sent == [] and sum(len(m) for m in handler.delivered.values()) == 49


def test_message_carries_reference_reply_address_and_law(bodies_store, survey_id, smtp):
    handler, controller = smtp
    with bodies_store.session() as session:
        survey = get_survey(session, survey_id)
        survey.options = {**survey.options, "plus_addressing": True}
        add_bodies(session, survey, list_bodies(session, nation="Scotland")[:1])
    send_survey(bodies_store, survey_id, mail_settings(controller))
    [raw] = [m for msgs in handler.delivered.values() for m in msgs]
    message = email.message_from_bytes(raw, policy=policy.default)
    with bodies_store.session() as session:
        request = session.scalars(select(Request)).one()
    assert f"[{request.reference}]" in message["Subject"]
    assert message["Subject"].startswith("Freedom of Information (Scotland) request")
    assert message["Reply-To"] == f"alex+{request.reference.lower()}@campaign.test"
    assert message["Message-ID"] == request.message_id
    assert "Freedom of Information (Scotland) Act 2002" in message.get_content()


def test_interrupted_send_found_in_sent_folder_is_not_resent(
    bodies_store, survey_id, smtp, imap_server
):
    handler, controller = smtp
    add_all(bodies_store, survey_id)
    with bodies_store.session() as session:
        queue_survey(session, get_survey(session, survey_id), limit=2)
        first, second = session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()
        first.status = second.status = "sending"  # as a crash leaves them
        first_raw = f"Message-ID: {first.message_id}\r\nSubject: x\r\n\r\nbody\r\n".encode()
    imap_server.append(first_raw, "Sent")

    report = send_outbox(bodies_store, mail_settings(controller, imap_server), survey_id=survey_id)

    with bodies_store.session() as session:
        rows = session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)).all()
        assert [r.status for r in rows] == ["sent", "sent"]
        assert rows[0].confirmed_by == "sent-folder" and rows[1].confirmed_by == "smtp"
    assert len(report.recovered) == 1 and len(report.sent) == 1
    assert sum(len(m) for m in handler.delivered.values()) == 1  # only the second went through SMTP


def test_interrupted_send_without_imap_is_held_not_resent(bodies_store, survey_id, smtp):
    handler, controller = smtp
    add_all(bodies_store, survey_id)
    with bodies_store.session() as session:
        queue_survey(session, get_survey(session, survey_id), limit=1)
        row = session.scalars(select(OutboxMessage)).one()
        row.status = "sending"
        row_id = row.id
    report = send_outbox(bodies_store, mail_settings(controller), survey_id=survey_id)
    assert report.sent == [] and len(report.held) == 1 and "Sent" in report.held[0][1]
    assert not handler.delivered
    release(bodies_store, row_id, sent=False, actor="alex")
    report = send_outbox(bodies_store, mail_settings(controller), survey_id=survey_id)
    assert len(report.sent) == 1


def test_append_mode_files_the_copy_itself(bodies_store, survey_id, imap_server):
    handler = RecordingHandler(None, Behaviour())  # this provider keeps no copy
    controller = start_smtp(handler)
    try:
        add_all(bodies_store, survey_id)
        settings = mail_settings(controller, imap_server)
        settings.imap.sent_copy = "append"
        _, report = send_survey(bodies_store, survey_id, settings, limit=3)
    finally:
        controller.stop()
    assert len(report.sent) == 3
    with bodies_store.session() as session:
        ids = set(
            session.scalars(select(OutboxMessage.message_id).where(OutboxMessage.status == "sent"))
        )
    assert set(imap_server.message_ids("Sent")) == ids


def test_dry_run_writes_eml_files_and_changes_nothing(bodies_store, survey_id, tmp_path):
    add_all(bodies_store, survey_id)
    with bodies_store.session() as session:
        paths, no_address = write_dry_run(
            session, get_survey(session, survey_id), tmp_path / "out", limit=5
        )
    assert no_address == []
    assert len(paths) == 5
    message = email.message_from_bytes(paths[0].read_bytes(), policy=policy.default)
    assert message["To"].endswith(".test") and "[CCTV-" in message["Subject"]
    with bodies_store.session() as session:
        assert session.scalars(select(OutboxMessage)).all() == []
        assert {r.state for r in session.scalars(select(Request))} == {"draft"}
        assert all(r.letter is None for r in session.scalars(select(Request)))


def test_sent_folder_lookup_over_starttls(tmp_path):
    from foi_servers import FoiImap

    from cctv_audit.foi.mail import ImapSettings, find_in_sent

    with FoiImap(tmp_path, tls=True) as server:
        server.append(b"Message-ID: <one@campaign.test>\r\nSubject: x\r\n\r\nbody\r\n", "Sent")
        settings = ImapSettings(
            host="127.0.0.1",
            port=server.port,
            security="starttls",
            username=server.user,
            password=server.password,
            ca_file=str(server.root / "cert.pem"),
        )
        assert find_in_sent(settings, ["<one@campaign.test>", "<two@campaign.test>"]) == {
            "<one@campaign.test>"
        }


def test_idle_connection_dropped_by_the_server_is_reopened_not_held(bodies_store, survey_id):
    from aiosmtpd.controller import Controller
    from foi_servers import free_port

    handler = RecordingHandler(None, Behaviour())
    controller = Controller(
        handler, hostname="127.0.0.1", port=free_port(), server_kwargs={"timeout": 0.2}
    )
    controller.start()
    try:
        with bodies_store.session() as session:
            add_bodies(session, get_survey(session, survey_id), list_bodies(session)[:3])
        _, report = send_survey(
            bodies_store, survey_id, mail_settings(controller, spacing_seconds=0.5)
        )
    finally:
        controller.stop()
    assert len(report.sent) == 3 and report.held == [] and len(handler.delivered) == 3


def test_a_send_says_how_long_it_will_take_before_the_first_letter(bodies_store, survey_id, smtp):
    handler, controller = smtp
    with bodies_store.session() as session:
        add_bodies(session, get_survey(session, survey_id), list_bodies(session)[:3])
    heard, slept = [], []

    def on_start(plan: SendPlan) -> None:
        heard.append(
            (plan.letters, plan.describe(), sum(len(m) for m in handler.delivered.values()))
        )

    send_survey(
        bodies_store,
        survey_id,
        mail_settings(controller, spacing_seconds=20),
        on_start=on_start,
        sleep=slept.append,
    )
    assert heard == [
        (3, "3 letters, one every 20 s: about 1 min", 0)
    ]  # heard before anything was sent
    assert slept == [20, 20] and sum(len(m) for m in handler.delivered.values()) == 3
    assert SendPlan(32, 20).describe() == "32 letters, one every 20 s: about 11 min"
    assert SendPlan(400, 20).describe() == "400 letters, one every 20 s: about 2 h 13 min"
    assert SendPlan(1, 0).describe() == "1 letter, no spacing between them: a few seconds"
