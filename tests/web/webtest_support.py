"""Test data and helpers of the web tests: a seeded survey round, one account per role, sign-in."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from dataclasses import dataclass

from fastapi.testclient import TestClient

from cctv_audit.answers.models import AnswerRecord
from cctv_audit.documents.models import Document, Message
from cctv_audit.documents.originals import save_original
from cctv_audit.foi.models import Reply, Request, Survey
from cctv_audit.registry import Body
from cctv_audit.web import ROLES, User
from cctv_audit.web.accounts import hash_password

PASSWORDS = {role: f"{role}-password-1" for role in ROLES}

EVIL = (
    '<script>alert("xss")</script> Dear requester, '
    '<img src=x onerror="alert(2)"> <a href="javascript:alert(3)">click here</a> '
    '<div onmouseover="alert(4)">hover</div> We use Dahua cameras.'
)

REPLY_AXIS = (
    "Dear Sir or Madam,\n\nThank you for your request CCTV-AAA01.\n\n"
    "1. The council operates 40 public space CCTV cameras.\n"
    "2. The cameras are made by Axis (12 units) and the rest by Hikvision.\n\n"
    "Yours faithfully,\nInformation Governance"
)


@dataclass
class Seed:
    survey_id: int
    body_codes: list[str]
    request_ids: list[int]
    answer_axis: int
    answer_evil: int
    unmatched_reply: int
    evil_document: int
    html_document: int


def _body(code: str, name: str, gss: str) -> Body:
    return Body(
        code=code,
        name=name,
        short_name=name.split()[0],
        nation="England",
        region="London",
        body_type="LBO",
        body_type_name="London borough",
        regime="FOIA",
        gss_code=gss,
        email_domains=[f"{code.lower()}.gov.uk"],
        alt_names=[],
        source="test",
    )


def _document(
    session,
    store,
    text: str,
    filename: str,
    media_type: str = "text/plain",
    raw: bytes | None = None,
) -> Document:
    data = raw if raw is not None else text.encode()
    sha = hashlib.sha256(data).hexdigest()
    save_original(store.data_dir, data, sha)  # where the documents package keeps originals
    document = Document(
        sha256=sha,
        filename=filename,
        media_type=media_type,
        size=len(data),
        origin="email",
        status="extracted",
        text=text,
        tables=[],
        pages=1,
    )
    session.add(document)
    session.flush()
    return document


def _answer(
    session, document: Document, in_use: list[str], spans: list[tuple[str, str]], **extra
) -> AnswerRecord:
    evidence = []
    for field, quote in spans:
        start = document.text.index(quote)
        evidence.append(
            {
                "field": field,
                "value": quote,
                "start": start,
                "end": start + len(quote),
                "quote": quote,
                "document_id": document.id,
            }
        )
    values = {
        "outcome": "disclosed",
        "exemptions": [],
        "manufacturers_in_use": in_use,
        "manufacturers_denied": [],
        "counts": {},
        "total_cameras": None,
        "confidence": {"outcome": 0.9, "in_use": 0.55},
        "min_confidence": 0.55,
        "needs_review": True,
    }
    values.update(extra)
    answer = AnswerRecord(
        document_id=document.id, extractor_version="test-1", evidence=evidence, **values
    )
    session.add(answer)
    session.flush()
    return answer


def seed_round(store) -> Seed:
    """Three London boroughs asked; one answered (Axis extracted, Hikvision missed), one hostile reply, one overdue."""
    from cctv_audit.findings import claims_from_answer

    with store.session() as session:
        bodies = [
            _body("AAA", "Alpha London Borough Council", "E09000001"),
            _body("BBB", "Beta London Borough Council", "E09000002"),
            _body("CCC", "Gamma London Borough Council", "E09000003"),
        ]
        session.add_all(bodies)
        survey = Survey(
            slug="cctv-2026",
            name="CCTV makers 2026",
            questions=["Which makers?"],
            template="cctv-manufacturers",
            requester={"name": "A Campaigner", "email": "a@example.org"},
        )
        session.add(survey)
        session.flush()
        sent = dt.datetime(2026, 1, 5, 9, 0)
        requests = [
            Request(
                survey_id=survey.id,
                body_id=b.id,
                reference=f"CCTV-{b.code}01",
                law="FOIA",
                state="awaiting_response",
                to_addr=f"foi@{b.code.lower()}.gov.uk",
                sent_at=sent,
                received_on=sent.date(),
            )
            for b in bodies
        ]
        session.add_all(requests)
        session.flush()
        axis_doc = _document(session, store, REPLY_AXIS, "reply-aaa.txt")
        evil_doc = _document(session, store, EVIL, "reply-bbb.html", "text/html", raw=EVIL.encode())
        stray = _document(session, store, "Please find our response attached. " + EVIL, "stray.eml")
        session.add(
            Message(
                document_id=stray.id, from_addr="foi@ccc.gov.uk", subject="<b>Re: your request</b>"
            )
        )
        for document, request in ((axis_doc, requests[0]), (evil_doc, requests[1])):
            session.add(
                Reply(
                    document_id=document.id,
                    request_id=request.id,
                    matched_by="token",
                    received_at=dt.datetime(2026, 1, 20, 10, 0),
                )
            )
            request.state = "response_received"
        unmatched = Reply(
            document_id=stray.id, request_id=None, received_at=dt.datetime(2026, 1, 21, 10, 0)
        )
        session.add(unmatched)
        session.flush()
        answer_axis = _answer(
            session,
            axis_doc,
            ["Axis"],
            [("in_use", "Axis"), ("count", "12 units")],
            counts={"Axis": 12},
            total_cameras=40,
        )
        answer_evil = _answer(
            session, evil_doc, ["Dahua"], [("in_use", "Dahua")], min_confidence=0.4
        )
        for answer in (answer_axis, answer_evil):
            claims_from_answer(session, answer)
        return Seed(
            survey.id,
            [b.code for b in bodies],
            [r.id for r in requests],
            answer_axis.id,
            answer_evil.id,
            unmatched.id,
            evil_doc.id,
            evil_doc.id,
        )


@functools.cache
def _hash(password: str) -> str:
    return hash_password(password)


def add_team(store) -> None:
    """One user per role, named after it (hashes computed once per test process: argon2 is slow on purpose)."""
    with store.session() as session:
        for role in ROLES:
            session.add(
                User(
                    username=role,
                    display_name=role.title(),
                    password_hash=_hash(PASSWORDS[role]),
                    role=role,
                )
            )


def csrf_from(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "no CSRF token in the page"
    return match.group(1)


def login(client: TestClient, role: str) -> str:
    """Sign ``client`` in as the user named ``role``; returns the session's CSRF token."""
    token = csrf_from(client.get("/login").text)
    response = client.post(
        "/login",
        data={"username": role, "password": PASSWORDS[role], "csrf_token": token},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text[:500]
    return client.get("/api/me").json()["csrf_token"]


class LiveServer:
    """Uvicorn serving an app on 127.0.0.1, port chosen by the OS, in a background thread."""

    def __init__(self, app):
        import uvicorn

        self.server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning")
        )
        self.thread = None

    def __enter__(self) -> str:
        import threading
        import time

        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        host, port = self.server.servers[0].sockets[0].getsockname()[:2]
        return f"http://{host}:{port}"

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
