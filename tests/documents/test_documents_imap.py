"""Fetching from a real IMAP server (dovecot on loopback): twice, without duplicates."""

from __future__ import annotations

import docfixtures as fx
import pytest
from sqlalchemy import func, select

from cctv_audit.documents import Document, Mailbox, Message
from cctv_audit.documents.imap import fetch_imap, parse_imap_url
from cctv_audit.errors import ConfigError, MailError


def counts(store) -> tuple[int, int]:
    with store.session() as session:
        return (
            session.scalar(select(func.count()).select_from(Document)),
            session.scalar(select(func.count()).select_from(Message)),
        )


def test_fetch_twice_gets_only_new_mail(store, imap_server) -> None:
    imap_server.append(
        fx.make_eml(
            message_id="<a@example.gov.uk>", attachments=[("r.csv", fx.make_csv(), "text/csv")]
        )
    )
    imap_server.append(fx.make_eml(message_id="<b@example.gov.uk>", subject="Second reply"))
    first = fetch_imap(store, imap_server.url, imap_server.password)
    assert (first.ingested, first.duplicates, first.failed, first.attachments) == (2, 0, [], 1)
    assert counts(store) == (3, 2)

    again = fetch_imap(store, imap_server.url, imap_server.password)
    assert (again.ingested, again.duplicates) == (0, 0)  # nothing new was even downloaded

    imap_server.append(fx.make_eml(message_id="<c@example.gov.uk>", subject="Third"))
    imap_server.append(
        fx.make_eml(message_id="<a@example.gov.uk>")
    )  # a resend of the first: same Message-ID
    third = fetch_imap(store, imap_server.url, imap_server.password)
    assert (third.ingested, third.duplicates) == (1, 1)
    assert counts(store) == (4, 3)
    with store.session() as session:
        state = session.scalar(select(Mailbox))
        message = session.scalar(select(Message).where(Message.message_id == "<c@example.gov.uk>"))
        document = session.get(Document, message.document_id)
    assert state.last_uid == 4 and state.url == imap_server.url
    assert message.mailbox == imap_server.url and message.subject == "Third"
    assert document.origin == "imap" and document.origin_ref.endswith(";UID=3")


def test_fetch_over_starttls(store, imap_tls_server) -> None:
    imap_tls_server.append(fx.make_eml(message_id="<tls@example.gov.uk>"))
    report = fetch_imap(
        store,
        imap_tls_server.url,
        imap_tls_server.password,
        ssl_context=imap_tls_server.ssl_context(),
    )
    assert report.ingested == 1


def test_untrusted_certificate_is_refused(store, imap_tls_server) -> None:
    with pytest.raises(MailError, match="TLS"):
        fetch_imap(store, imap_tls_server.url, imap_tls_server.password)


def test_wrong_password_names_the_fix(store, imap_server) -> None:
    with pytest.raises(MailError, match="CCTV_AUDIT_IMAP_PASSWORD"):
        fetch_imap(store, imap_server.url, "wrong")


def test_imap_urls() -> None:
    target = parse_imap_url("imaps://foi%40example.org@mail.example.org/Replies")
    assert (target.security, target.port, target.user, target.folder) == (
        "tls",
        993,
        "foi@example.org",
        "Replies",
    )
    assert ":pw" not in parse_imap_url("imaps://u:pw@h/INBOX").url
    with pytest.raises(ConfigError):
        parse_imap_url("http://example.org")
