"""Mail settings, message building, and the SMTP and IMAP connections the outbox uses.

Settings come from a YAML file (``--mail-config`` or ``CCTV_AUDIT_MAIL_CONFIG``);
passwords are best given through environment variables named in it
(``password_env``), never stored in the database.
"""

from __future__ import annotations

import datetime as dt
import imaplib
import logging
import os
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field, ValidationError

from cctv_audit.errors import MailError
from cctv_audit.store import utcnow

log = logging.getLogger(__name__)
CONFIG_ENV = "CCTV_AUDIT_MAIL_CONFIG"


class _Server(BaseModel):
    host: str
    port: int
    security: Literal["ssl", "starttls", "none"] = "starttls"
    username: str | None = None
    password: str | None = None
    password_env: str | None = None
    timeout: float = 30.0
    #: CA bundle to trust (a company or self-hosted mail server); default: the system's.
    ca_file: str | None = None

    def tls_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self.ca_file)

    def secret(self) -> str | None:
        if self.password_env:
            return os.environ.get(self.password_env)
        return self.password


class SmtpSettings(_Server):
    port: int = 587


class ImapSettings(_Server):
    port: int = 993
    security: Literal["ssl", "starttls", "none"] = "ssl"
    sent_folder: str = "Sent"
    #: ``server``: the provider files every accepted message in Sent (Gmail, Microsoft 365);
    #: ``append``: we file the copy ourselves after the server accepts it.
    sent_copy: Literal["server", "append"] = "server"


class MailSettings(BaseModel):
    """How to send: SMTP server, optional IMAP (Sent folder), throttle and retries."""

    smtp: SmtpSettings
    imap: ImapSettings | None = None
    #: Seconds between two messages (bodies' mail systems and your provider both like it slow).
    spacing_seconds: float = Field(default=20.0, ge=0)
    max_attempts: int = Field(default=5, ge=1)
    #: First retry delay after a temporary (4xx) failure; doubles each time.
    backoff_seconds: float = Field(default=60.0, ge=0)
    #: How long one run waits for retries that are not yet due before it stops.
    max_wait_seconds: float = Field(default=600.0, ge=0)


def load_mail_settings(path: str | os.PathLike[str] | None = None) -> MailSettings:
    """Read mail settings from ``path`` or the file named by ``CCTV_AUDIT_MAIL_CONFIG``."""
    raw = path or os.environ.get(CONFIG_ENV)
    if not raw:
        raise MailError(
            f"no mail settings: pass --mail-config FILE or set {CONFIG_ENV} (see docs/foi.md)"
        )
    file = Path(raw).expanduser()
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        return MailSettings.model_validate(data)
    except OSError as exc:
        raise MailError(f"{file}: cannot read mail settings: {exc.strerror}") from exc
    except (yaml.YAMLError, ValidationError) as exc:
        raise MailError(f"{file}: invalid mail settings: {exc}") from exc


def new_message_id(from_addr: str) -> str:
    """A globally unique Message-ID in the sender's domain."""
    domain = parseaddr(from_addr)[1].rpartition("@")[2] or "cctv-audit.invalid"
    return make_msgid(idstring="cctv-audit", domain=domain)


def plus_address(address: str, tag: str) -> str:
    """``me@example.org`` + ``CCTV-7K3Q9X`` -> ``me+cctv-7k3q9x@example.org``."""
    local, _, domain = address.partition("@")
    return f"{local}+{tag.lower()}@{domain}"


def build_message(row) -> EmailMessage:
    """The RFC 5322 message for an outbox row (same bytes for sending, the Sent copy and dry runs)."""
    message = EmailMessage()
    message["From"] = row.from_addr
    message["To"] = row.to_addr
    if row.reply_to:
        message["Reply-To"] = row.reply_to
    message["Subject"] = row.subject
    message["Date"] = format_datetime((row.created_at or utcnow()).replace(tzinfo=dt.UTC))
    message["Message-ID"] = row.message_id
    if row.in_reply_to:
        message["In-Reply-To"] = row.in_reply_to
        message["References"] = row.in_reply_to
    message.set_content(row.body)
    return message


class ConnectFailed(Exception):
    """The SMTP connection or login failed before any message was handed over (so nothing was sent)."""

    def __init__(self, error: BaseException):
        super().__init__(str(error))
        self.error = error


class SmtpTransport:
    """One reused SMTP connection (TLS and login as configured)."""

    def __init__(self, settings: SmtpSettings):
        self.settings = settings
        self._client: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        context = s.tls_context()
        if s.security == "ssl":
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                s.host, s.port, timeout=s.timeout, context=context
            )
        else:
            client = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
            if s.security == "starttls":
                client.starttls(context=context)
        if s.username:
            client.login(s.username, s.secret() or "")
        return client

    def send(self, message: EmailMessage) -> None:
        """Send one message; raises smtplib/OSError exceptions for the outbox to classify."""
        if self._client is not None and not self._alive(self._client):
            self.close()  # the server dropped an idle connection: nothing of this message was sent
        if self._client is None:
            try:
                self._client = self._connect()
            except (smtplib.SMTPException, OSError) as exc:
                self.close()
                raise ConnectFailed(exc) from exc
        try:
            self._client.send_message(message)
        except BaseException:
            self.close()
            raise

    def _alive(self, client: smtplib.SMTP) -> bool:
        try:
            return client.noop()[0] == 250
        except (smtplib.SMTPException, OSError):
            return False

    def close(self) -> None:
        if self._client is not None:
            try:
                self._client.quit()
            except (smtplib.SMTPException, OSError):
                pass
            self._client = None


def _mailbox(settings: ImapSettings):
    from imap_tools import BaseMailBox, MailBox, MailBoxStartTls, MailBoxUnencrypted

    box: BaseMailBox
    if settings.security == "none":
        box = MailBoxUnencrypted(settings.host, settings.port, timeout=settings.timeout)
    else:
        kind = MailBox if settings.security == "ssl" else MailBoxStartTls
        box = kind(
            settings.host,
            settings.port,
            timeout=settings.timeout,
            ssl_context=settings.tls_context(),
        )
    return box.login(settings.username or "", settings.secret() or "")


def _imap_errors() -> tuple[type[Exception], ...]:
    """What talking to an IMAP server raises: imap_tools' own errors, imaplib's, and the socket's."""
    from imap_tools.errors import ImapToolsError

    return (ImapToolsError, imaplib.IMAP4.error, OSError)


def find_in_sent(settings: ImapSettings, message_ids: list[str]) -> set[str]:
    """Which of ``message_ids`` are in the Sent folder (searched by the Message-ID header)."""
    from imap_tools import AND, H

    found: set[str] = set()
    try:
        with _mailbox(settings) as box:
            box.folder.set(settings.sent_folder)
            for message_id in message_ids:
                if box.uids(AND(header=H("Message-ID", message_id))):
                    found.add(message_id)
    except _imap_errors() as exc:
        raise MailError(
            f"IMAP {settings.host}:{settings.port}: cannot search {settings.sent_folder!r}: {exc}"
        ) from exc
    return found


def append_to_sent(settings: ImapSettings, message: EmailMessage) -> None:
    """File a copy of a sent message in the Sent folder (for providers that do not)."""
    from imap_tools import MailMessageFlags

    try:
        with _mailbox(settings) as box:
            box.append(message.as_bytes(), settings.sent_folder, flag_set=[MailMessageFlags.SEEN])
    except _imap_errors() as exc:
        raise MailError(
            f"IMAP {settings.host}:{settings.port}: cannot file the sent copy: {exc}"
        ) from exc
