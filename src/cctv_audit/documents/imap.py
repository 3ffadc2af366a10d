"""Fetch replies from an IMAP folder; a rerun fetches only mail that arrived since.

URLs: ``imaps://user@host[:993]/INBOX`` (TLS), ``imap+starttls://user@host[:143]/INBOX``
(STARTTLS), ``imap://user@host[:143]/INBOX`` (plain: loopback or tests only).
The password comes from the caller (the CLI reads ``CCTV_AUDIT_IMAP_PASSWORD``
or prompts), never from the stored URL.

What was read is kept per folder in the ``mailboxes`` table: the folder's
UIDVALIDITY and the last UID stored. Each message commits together with the
new last UID, so a crash never skips or repeats one. When the server changes
UIDVALIDITY the folder is read again from the start and the SHA-256 and
Message-ID checks keep duplicates out.
"""

from __future__ import annotations

import logging
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from sqlalchemy import select

from cctv_audit.documents.errors import error_code
from cctv_audit.documents.ingest import IngestFailure, Ingestor, IngestReport, record
from cctv_audit.documents.limits import Limits
from cctv_audit.documents.models import Mailbox
from cctv_audit.errors import ConfigError, MailError, NotFound
from cctv_audit.store import Store, utcnow

log = logging.getLogger(__name__)

SCHEMES = {"imaps": ("tls", 993), "imap+starttls": ("starttls", 143), "imap": ("plain", 143)}


@dataclass(frozen=True)
class ImapTarget:
    """A parsed IMAP URL (without any password)."""

    security: str
    host: str
    port: int
    user: str
    folder: str
    url: str


def parse_imap_url(url: str) -> ImapTarget:
    """Parse ``imaps://user@host:port/FOLDER``; raises :class:`ConfigError` naming what is wrong."""
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES:
        raise ConfigError(
            f"{url}: use imaps://, imap+starttls:// or imap:// (plain, loopback only)"
        )
    if not parts.hostname or not parts.username:
        raise ConfigError(f"{url}: give user and host, e.g. imaps://foi@mail.example.org/INBOX")
    security, default_port = SCHEMES[parts.scheme]
    folder = unquote(parts.path.lstrip("/")) or "INBOX"
    port = parts.port or default_port
    user = unquote(parts.username)
    clean = f"{parts.scheme}://{parts.username}@{parts.hostname}:{port}/{folder}"
    return ImapTarget(security, parts.hostname, port, user, folder, clean)


def _connect(target: ImapTarget, password: str, ssl_context: ssl.SSLContext | None):
    from imap_tools import BaseMailBox, MailBox, MailBoxStartTls, MailBoxUnencrypted

    box: BaseMailBox
    if target.security == "tls":
        box = MailBox(
            target.host, target.port, ssl_context=ssl_context or ssl.create_default_context()
        )
    elif target.security == "starttls":
        box = MailBoxStartTls(
            target.host, target.port, ssl_context=ssl_context or ssl.create_default_context()
        )
    else:
        box = MailBoxUnencrypted(target.host, target.port)
    return box.login(target.user, password, initial_folder=target.folder)


def fetch_imap(
    store: Store,
    url: str,
    password: str,
    *,
    ssl_context: ssl.SSLContext | None = None,
    limits: Limits | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> IngestReport:
    """Store every message in the folder that was not fetched before; returns the batch report."""
    from imap_tools.errors import MailboxLoginError

    target = parse_imap_url(url)
    report = IngestReport()
    try:
        with (
            _connect(target, password, ssl_context) as box,
            Ingestor(store, limits, mailbox=target.url) as ingestor,
        ):
            uidvalidity, last_uid = _state(store, target, box)
            uids = sorted(u for u in map(int, box.uids()) if u > last_uid)
            for done, uid in enumerate(uids, start=1):
                _fetch_one(store, ingestor, box, target, uidvalidity, uid, report)
                if on_progress is not None:
                    on_progress(done, len(uids))
            report.attachments = ingestor.new_children
    except MailboxLoginError as exc:
        raise MailError(
            f"{target.url}: login refused; check the user and CCTV_AUDIT_IMAP_PASSWORD"
        ) from exc
    except (OSError, ssl.SSLError) as exc:
        raise MailError(
            f"{target.url}: cannot reach the IMAP server ({exc}); check host, port and TLS"
        ) from exc
    return report


def _state(store: Store, target: ImapTarget, box) -> tuple[int, int]:
    """The folder's UIDVALIDITY and the last UID already stored (0 when UIDs were reassigned)."""
    uidvalidity = int(box.folder.status(target.folder, ["UIDVALIDITY"])["UIDVALIDITY"])
    with store.session() as session:
        state = session.scalar(select(Mailbox).where(Mailbox.url == target.url))
        if state is None:
            state = Mailbox(url=target.url, uidvalidity=uidvalidity, last_uid=0)
            session.add(state)
        elif state.uidvalidity != uidvalidity:
            log.warning("%s: UIDVALIDITY changed; reading the whole folder again", target.url)
            state.uidvalidity, state.last_uid = uidvalidity, 0
        state.last_checked = utcnow()
        return uidvalidity, state.last_uid


def _fetch_one(
    store: Store,
    ingestor: Ingestor,
    box,
    target: ImapTarget,
    uidvalidity: int,
    uid: int,
    report: IngestReport,
) -> None:
    status, data = box.client.uid("FETCH", str(uid), "(BODY.PEEK[])")
    raw = (
        next((part[1] for part in data if isinstance(part, tuple)), None)
        if status == "OK"
        else None
    )
    name = f"{target.folder} uid {uid}"
    try:
        with store.session() as session:
            if raw is not None:
                document, created = ingestor.ingest(
                    session,
                    raw,
                    f"{name}.eml",
                    origin="imap",
                    origin_ref=f"{target.url};UIDVALIDITY={uidvalidity}/;UID={uid}",
                )
                record(report, name, document, created)
            else:
                report.failed.append(
                    IngestFailure(name, f"{name}: the server returned no message", "failed")
                )
            state = session.scalar(select(Mailbox).where(Mailbox.url == target.url))
            if state is None:
                raise NotFound(
                    f"{target.url}: the mailbox's sync state is gone; fetch the folder again"
                )
            state.last_uid = max(state.last_uid, uid)
    except Exception as exc:  # noqa: BLE001 - one message must not stop the folder; it is retried next run
        log.warning("%s: %s", name, exc)
        report.failed.append(IngestFailure(name, str(exc), error_code(exc)))
