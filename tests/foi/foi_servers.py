"""Real mail servers on loopback for the foi tests: aiosmtpd (SMTP) and Dovecot (IMAP).

The SMTP handler behaves like a mail provider that files every accepted message
in the sender's Sent folder (as Gmail and Microsoft 365 do), and can be told to
fail recipients temporarily (451) or permanently (550), or to stall so a test
can kill the sending process mid-transaction.
"""

from __future__ import annotations

import email
import socket
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

# Reuse the documents package's Dovecot helper (tests/documents/dovecot_server.py).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "documents"))
from dovecot_server import DovecotServer


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class FoiImap(DovecotServer):
    """The documents package's Dovecot helper, with a Sent folder and a way to list Message-IDs."""

    host = "127.0.0.1"

    def start(self) -> None:
        super().start()
        client = self.client()
        try:
            client.create("Sent")
        finally:
            client.logout()

    def message_ids(self, folder: str) -> list[str]:
        client = self.client()
        try:
            client.select(folder)
            _, data = client.search(None, "ALL")
            ids = []
            for num in data[0].split():
                _, parts = client.fetch(num, "(BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])")
                ids.append(email.message_from_bytes(parts[0][1])["Message-ID"])
            return ids
        finally:
            client.logout()


@dataclass
class Behaviour:
    """What the SMTP server does, per recipient address (lower case)."""

    temporary_failures: dict[str, int] = field(default_factory=dict)  # address -> 451s left
    permanent_failures: set[str] = field(default_factory=set)
    stall_on_message: int | None = None  # n-th accepted message: file it, then stall before 250
    stall_in_rcpt_on_message: int | None = (
        None  # n-th transaction: stall in RCPT (nothing accepted)
    )
    stall_seconds: float = 30.0


class RecordingHandler:
    """Accepts mail, records deliveries per recipient, files a copy in the Sent folder over IMAP."""

    def __init__(self, imap: FoiImap | None, behaviour: Behaviour):
        self.imap = imap
        self.behaviour = behaviour
        self.delivered: dict[str, list[bytes]] = defaultdict(list)
        self.accepted = 0
        self.transactions = 0
        self.stalled = threading.Event()
        self.lock = threading.Lock()

    async def handle_MAIL(self, server, session, envelope, address, options):
        self.transactions += 1
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        b = self.behaviour
        key = address.lower()
        if b.stall_in_rcpt_on_message == self.transactions:
            b.stall_in_rcpt_on_message = None
            self.stalled.set()
            time.sleep(b.stall_seconds)  # noqa: ASYNC251 - block on purpose: the client is killed meanwhile
            return "451 4.3.0 stalled"
        if key in b.permanent_failures:
            return "550 5.1.1 mailbox does not exist"
        if b.temporary_failures.get(key, 0) > 0:
            b.temporary_failures[key] -= 1
            return "451 4.7.1 greylisted, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        data = envelope.original_content or envelope.content
        with self.lock:
            for rcpt in envelope.rcpt_tos:
                self.delivered[rcpt.lower()].append(data)
            self.accepted += 1
            number = self.accepted
        if self.imap is not None:
            self.imap.append(data, "Sent")
        if self.behaviour.stall_on_message == number:
            self.behaviour.stall_on_message = None
            self.stalled.set()
            time.sleep(self.behaviour.stall_seconds)  # noqa: ASYNC251 - on purpose, as above
        return "250 2.0.0 accepted"


def start_smtp(handler: RecordingHandler):
    """An aiosmtpd server on a free loopback port; returns the controller (call .stop())."""
    from aiosmtpd.controller import Controller

    controller = Controller(handler, hostname="127.0.0.1", port=free_port(), decode_data=False)
    controller.start()
    return controller
