"""Helpers of the end-to-end tests: the CLI in-process, a recording SMTP server, reply files.

Everything here is real: an aiosmtpd server on loopback, Dovecot (the documents package's
test helper) for the inbox, PDF/DOCX/XLSX files written by reportlab, python-docx and
openpyxl. The reply texts are written for these tests.
"""

from __future__ import annotations

import email
import email.policy
import io
import json
import re
import socket
import sys
import threading
from collections import defaultdict
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Any

from sqlalchemy import select
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "documents"))
from dovecot_server import DovecotServer

from cctv_audit.cli.common import STATE
from cctv_audit.cli.main import app

__all__ = [
    "Cli",
    "DovecotServer",
    "MailCatcher",
    "docx_bytes",
    "pdf_bytes",
    "reply_email",
    "xlsx_bytes",
]


class Cli:
    """``cctv-audit --db DB ...`` run in-process, as a user would type it."""

    def __init__(self, db: str, env: dict[str, str] | None = None) -> None:
        self.db, self.env = db, env or {}
        self.runner = CliRunner()

    def __call__(self, *args: str, ok: bool = True, env: dict[str, str] | None = None):
        STATE._store = None  # the CLI caches its store per process; each test has its own database
        try:
            result = self.runner.invoke(
                app, ["--db", self.db, "-q", *args], env={**self.env, **(env or {})}
            )
        finally:
            if STATE._store is not None:
                STATE._store.dispose()
            STATE._store = None
        if ok:
            assert result.exit_code == 0, (
                f"cctv-audit {' '.join(args)} failed:\n{result.output}\n{result.exception!r}"
            )
        return result

    def json(self, *args: str) -> Any:
        return json.loads(self(*args, "--json").stdout)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class MailCatcher:
    """An aiosmtpd server on loopback that keeps every message per recipient."""

    def __init__(self) -> None:
        self.delivered: dict[str, list[email.message.Message]] = defaultdict(list)
        self.lock = threading.Lock()
        self.controller = None

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(
            envelope.original_content or envelope.content, policy=email.policy.default
        )
        with self.lock:
            for rcpt in envelope.rcpt_tos:
                self.delivered[rcpt.lower()].append(message)
        return "250 2.0.0 accepted"

    def __enter__(self) -> MailCatcher:
        from aiosmtpd.controller import Controller

        self.controller = Controller(self, hostname="127.0.0.1", port=free_port())
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()

    @property
    def port(self) -> int:
        return self.controller.port

    def config(self, path: Path) -> Path:
        path.write_text(
            f"smtp: {{host: 127.0.0.1, port: {self.port}, security: none}}\n"
            "spacing_seconds: 0\nbackoff_seconds: 0.05\nmax_attempts: 3\nmax_wait_seconds: 5\n"
        )
        return path


def reply_email(
    *,
    sender: str,
    to: str,
    subject: str,
    body: str,
    in_reply_to: str | None = None,
    attachments: list[tuple[str, bytes, str]] = (),
) -> bytes:
    """A reply as a council's mail system sends it (attachments: (filename, bytes, media type))."""
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, to, subject
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2])
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = in_reply_to
    message.set_content(body)
    for filename, data, media_type in attachments:
        maintype, subtype = media_type.split("/", 1)
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return bytes(message)


def pdf_bytes(lines: list[str]) -> bytes:
    """A one-page PDF with a text layer, one line per entry (reportlab)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    y = 800
    for line in lines:
        pdf.drawString(56, y, line)
        y -= 18
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(rows: list[list[Any]], sheet: str = "CCTV") -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------- the survey world

REQUESTER = "alex@campaign.test"

#: code -> (name, nation, body_type, body_type_name, region, gss_code); FOI address foi@<code>.gov.test
BODIES = {
    "MAN": (
        "Manchester City Council",
        "England",
        "MD",
        "Metropolitan district",
        "North West",
        "E08000003",
    ),
    "LDS": (
        "Leeds City Council",
        "England",
        "MD",
        "Metropolitan district",
        "Yorkshire and The Humber",
        "E08000035",
    ),
    "KEN": ("Kent County Council", "England", "CTY", "County", "South East", "E10000016"),
    "EDH": (
        "City of Edinburgh Council",
        "Scotland",
        "SCO",
        "Scottish unitary authority",
        "Scotland",
        "S12000036",
    ),
    "GLG": (
        "Glasgow City Council",
        "Scotland",
        "SCO",
        "Scottish unitary authority",
        "Scotland",
        "S12000049",
    ),
    "CRF": (
        "City of Cardiff Council",
        "Wales",
        "WPA",
        "Welsh unitary authority",
        "Wales",
        "W06000015",
    ),
    "SWA": (
        "City and County of Swansea Council",
        "Wales",
        "WPA",
        "Welsh unitary authority",
        "Wales",
        "W06000011",
    ),
    "BFS": (
        "Belfast City Council",
        "Northern Ireland",
        "NID",
        "NI district",
        "Northern Ireland",
        "N09000003",
    ),
}


def foi_address(code: str) -> str:
    return f"foi@{code.lower()}.gov.test"


def import_foi_addresses(cli: Cli, tmp_path: Path) -> None:
    lines = ["code,name,nation,region,body_type,body_type_name,gss_code,foi_email"]
    for code, (name, nation, btype, btype_name, region, gss) in BODIES.items():
        lines.append(
            f'{code},"{name}",{nation},{region},{btype},{btype_name},{gss},{foi_address(code)}'
        )
    path = tmp_path / "foi-addresses.csv"
    path.write_text("\n".join(lines) + "\n")
    cli("bodies", "import", str(path))


def create_and_preview(cli: Cli, slug: str, name: str, codes: list[str]) -> None:
    cli(
        "survey",
        "create",
        name,
        "--slug",
        slug,
        "--requester-name",
        "Alex Researcher",
        "--requester-email",
        REQUESTER,
        "--organisation",
        "Open CCTV Project",
    )
    cli("survey", "add-bodies", slug, *[a for c in codes for a in ("--body", c)])


def sent_requests(catcher: MailCatcher) -> dict[str, dict]:
    """Per body code: the one request it received (reference, subject, Message-ID, text)."""
    result = {}
    for code in BODIES:
        messages = catcher.delivered.get(foi_address(code), [])
        if not messages:
            continue
        assert len(messages) == 1, f"{code} received {len(messages)} requests"
        message = messages[0]
        subject = str(message["Subject"])
        match = re.search(r"\[(CCTV-[A-Z0-9]+)\]", subject)
        assert match, f"no reference in subject {subject!r}"
        text = (
            message.get_body(("plain",)).get_content()
            if message.is_multipart()
            else message.get_content()
        )
        result[code] = {
            "reference": match.group(1),
            "subject": subject,
            "message_id": message["Message-ID"],
            "text": text,
        }
    return result


def answers_by_body(store, survey_slug: str) -> dict[str, list]:
    """Each body's reply answers (AnswerRecord rows), through replies -> documents -> answers."""
    from cctv_audit.answers.models import AnswerRecord
    from cctv_audit.foi import Reply, Request, Survey
    from cctv_audit.registry import Body

    with store.session() as session:
        survey = session.scalar(select(Survey).where(Survey.slug == survey_slug))
        rows = session.execute(
            select(Body.code, AnswerRecord)
            .join(Request, Request.body_id == Body.id)
            .join(Reply, Reply.request_id == Request.id)
            .join(AnswerRecord, AnswerRecord.document_id == Reply.document_id)
            .where(Request.survey_id == survey.id)
        ).all()
        result: dict[str, list] = {}
        for code, record in rows:
            session.expunge(record)
            result.setdefault(code, []).append(record)
        return result


def sent_survey(
    councils, tmp_path: Path, catcher: MailCatcher, codes=("KEN",)
) -> tuple[Cli, dict[str, dict]]:
    """``codes`` asked with the ready survey "cctv-2026" through real SMTP: (cli, requests per code)."""
    cli = Cli(str(councils.url))
    import_foi_addresses(cli, tmp_path)
    create_and_preview(cli, "cctv-2026", "CCTV makers 2026", list(codes))
    cli("survey", "send", "cctv-2026", "--mail-config", str(catcher.config(tmp_path / "mail.yaml")))
    return cli, sent_requests(catcher)
