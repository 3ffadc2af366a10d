"""The survey path on the server database too: send through the outbox, match replies, status."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage

from foi_world import REQUESTER, body_records
from sqlalchemy import select
from test_foi_outbox import mail_settings

from cctv_audit import intake
from cctv_audit.documents import ingest_paths
from cctv_audit.foi import Request, add_bodies, create_survey, send_survey, survey_status
from cctv_audit.registry import list_bodies, upsert_bodies


def test_send_match_and_status_on_sqlite_and_postgresql(any_store, smtp, tmp_path):
    handler, controller = smtp
    with any_store.session() as session:
        upsert_bodies(session, body_records(8))
        survey = create_survey(session, "CCTV 2026", requester=REQUESTER)
        add_bodies(session, survey, list_bodies(session))
        survey_id = survey.id
    _, report = send_survey(any_store, survey_id, mail_settings(controller))
    _, again = send_survey(any_store, survey_id, mail_settings(controller))
    assert len(report.sent) == 8 and again.sent == []
    assert sorted(len(messages) for messages in handler.delivered.values()) == [1] * 8

    with any_store.session() as session:
        request = session.scalars(select(Request).order_by(Request.id)).first()
        reference, sender = request.reference, request.to_addr
    reply = EmailMessage()
    reply["From"], reply["To"] = sender, "alex@campaign.test"
    reply["Subject"] = f"RE: Freedom of Information request [{reference}]"
    reply.set_content(
        "We operate 30 CCTV cameras, all made by Axis. We do not use Hikvision or Dahua."
    )
    (tmp_path / "reply.eml").write_bytes(bytes(reply))
    ingest_paths(any_store, [tmp_path / "reply.eml"])
    with any_store.session() as session:
        [matched] = intake.match_new(session).replies
        assert matched.request_id is not None and matched.proposed_state == "successful"
        status = survey_status(session, survey_id, today=dt.date.today() + dt.timedelta(days=60))
        assert status.total == 8 and status.counts["response_received"] == 1
        assert (
            status.counts["overdue"] + status.counts["long_overdue"] == 7
        )  # computed, never stored
