"""Replies fetched over IMAP (Dovecot) are matched to the right requests; the rest wait in the queue."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import make_msgid

import pytest
from sqlalchemy import select
from test_foi_outbox import mail_settings

from cctv_audit import intake
from cctv_audit.foi import Reply, Request, RequestEvent, add_bodies, get_survey, send_survey
from cctv_audit.foi.replies import (
    ReplyHeaders,
    assign_reply,
    confirm_reply,
    is_acknowledgement,
    match_new_documents,
    suggest_requests,
    unmatched_replies,
)
from cctv_audit.registry import list_bodies


def _reply(sender: str, to: str, subject: str, text: str, in_reply_to: str | None = None) -> bytes:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, to, subject
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2])
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
    message.set_content(text)
    return bytes(message)


def _mistype(reference: str) -> str:
    """One character retyped wrongly, as FOI officers do."""
    last = reference[-1]
    return reference[:-1] + ("A" if last != "A" else "B")


@pytest.fixture
def sent(bodies_store, survey_id, smtp, imap_server):
    _, controller = smtp
    with bodies_store.session() as session:
        survey = get_survey(session, survey_id)
        survey.options = {**survey.options, "plus_addressing": True}
        add_bodies(session, survey, list_bodies(session)[:6])
    send_survey(bodies_store, survey_id, mail_settings(controller, imap_server))
    with bodies_store.session() as session:
        return {
            r.to_addr: (r.reference, r.message_id, r.id) for r in session.scalars(select(Request))
        }


def test_replies_are_matched_or_queued(bodies_store, sent, imap_server):
    (a, b, c, d, e, f) = sorted(sent)
    refusal = "We hold the information but it is exempt under section 24 and section 31 of the Act and is withheld."
    disclosed = "Please find below the information requested. We use 120 Axis cameras and no Hikvision equipment."
    replies = {
        "plus-address": _reply(
            a, f"alex+{sent[a][0].lower()}@campaign.test", "Acknowledgement", "Received."
        ),
        "subject": _reply(
            b, "alex@campaign.test", f"RE: Freedom of Information request [{sent[b][0]}]", refusal
        ),
        "in-reply-to": _reply(
            c, "alex@campaign.test", "Your FOI request", disclosed, in_reply_to=sent[c][1]
        ),
        "text": _reply(
            "case@icasework.test",
            "alex@campaign.test",
            "FOI 12345",
            f"Your reference: {sent[d][0].lower()}\nThank you.",
        ),
        "domain": _reply(
            "records@foi." + e.rpartition("@")[2], "alex@campaign.test", "FOI response", disclosed
        ),
        "stranger": _reply(
            "someone@elsewhere.test", "alex@campaign.test", "Hello", "Unrelated mail."
        ),
        "typo": _reply(
            "clerk@outsourced.test",
            "alex@campaign.test",
            f"FOI {_mistype(sent[f][0])}",
            "Attached.",
        ),
    }
    for raw in replies.values():
        imap_server.append(raw, "INBOX")
    own_letter = _reply("alex@campaign.test", f, "FOI", "our letter").replace(
        b"Message-ID: <", b"X-Old-ID: <", 1
    )
    imap_server.append(
        f"Message-ID: {sent[f][1]}\r\n".encode() + own_letter, "INBOX"
    )  # a Sent copy
    report, read = intake.fetch_replies(bodies_store, mail_settings(None, imap_server).imap)
    assert len(report.document_ids) == 8 and len(read.replies) == 8
    assert (read.matched, read.unmatched, read.own) == (5, 2, 1)
    matched = read.replies

    with bodies_store.session() as session:
        matched = [session.merge(r) for r in matched]
        assert match_new_documents(session) == []  # once only
        by_request = {r.request_id: r.matched_by for r in matched if r.request_id}
        own = [r for r in matched if r.matched_by == "own-message"]
        assert len(own) == 1 and own[0].request_id is None  # our letter: filed, never a reply
        assert by_request == {
            sent[a][2]: "token",
            sent[b][2]: "token",
            sent[c][2]: "in-reply-to",
            sent[d][2]: "token-in-text",
            sent[e][2]: "domain",
        }
        queued, typo = unmatched_replies(session)
        assert suggest_requests(session, typo.id)[0].id == sent[f][2]  # the mistyped reference
        assert suggest_requests(session, queued.id) == []
        states = {r.id: r.state for r in session.scalars(select(Request))}
        assert all(states[sent[x][2]] == "response_received" for x in (b, c, d, e))
        # "Acknowledgement" / "Received.": the answer is still owed, so the clock keeps running
        assert states[sent[a][2]] == "awaiting_response"
        last = session.scalars(
            select(RequestEvent)
            .where(RequestEvent.request_id == sent[a][2])
            .order_by(RequestEvent.id.desc())
        ).first()
        assert "acknowledgement" in last.reason and last.to_state == "awaiting_response"
        assert states[sent[f][2]] == "awaiting_response"
        proposals = {r.request_id: r.proposed_state for r in matched}
        assert proposals[sent[b][2]] == "refused"

        assert own[0].id not in {r.id for r in unmatched_replies(session)}  # nor in the queue
        assign_reply(session, queued.id, session.get(Request, sent[f][2]), actor="alex")
        request = confirm_reply(session, queued.id, actor="alex", state="not_held")
        assert request.state == "not_held" and request.responded_on is not None
        assert session.scalar(select(Reply).where(Reply.id == queued.id)).matched_by == "manual"


@pytest.mark.parametrize(
    ("subject", "text", "outcome", "expected"),
    [
        ("Automatic reply: Out of Office", "I am away until Monday.", "other", True),
        (
            "RE: FOI request",
            "We acknowledge receipt of your request, which will be answered within 20 working days.",
            "other",
            True,
        ),
        (
            "FOI 2026/0142",
            "Your request has been logged and we will respond by 3 March.",
            None,
            True,
        ),
        (
            "Acknowledgement",
            "Please find below our response. We use 40 Axis cameras.",
            "disclosed",
            False,
        ),
        ("RE: FOI request", "We do not hold this information.", "not_held", False),
        ("RE: FOI request", "Could you clarify which sites you mean?", "other", False),
    ],
)
def test_receipts_and_automatic_replies_are_not_answers(subject, text, outcome, expected):
    assert is_acknowledgement(ReplyHeaders(subject=subject, text=text), outcome) is expected
