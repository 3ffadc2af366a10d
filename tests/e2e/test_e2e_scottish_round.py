"""Issue 16's round, end to end: the 32 Scottish councils asked through the README's commands.

Letters go out over SMTP on loopback; 11 answers come from a real IMAP inbox (Dovecot) with an
acknowledgement and an out-of-office among them, the other 9 are ingested as files (plain and HTML
e-mails, DOCX, XLSX, a text PDF, and a bare PDF with only the reference in its text). Our own 32
letters are fetched from the Sent folder by mistake and change nothing. After a person reviews
what the extractor was unsure of, every published figure, and the bases campaigners quote, are
asserted against the answer key below.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

import pytest
from e2e_support import (
    REQUESTER,
    Cli,
    DovecotServer,
    MailCatcher,
    answers_by_body,
    docx_bytes,
    pdf_bytes,
    reply_email,
    xlsx_bytes,
)

from cctv_audit.cli.common import console

SCOTTISH = [
    "ABD",
    "ABE",
    "AGB",
    "ANS",
    "CLK",
    "DGY",
    "DND",
    "EAY",
    "EDH",
    "EDU",
    "ELN",
    "ELS",
    "ERW",
    "FAL",
    "FIF",
    "GLG",
    "HLD",
    "IVC",
    "MLN",
    "MRY",
    "NAY",
    "NLK",
    "ORK",
    "PKN",
    "RFW",
    "SAY",
    "SCB",
    "SLK",
    "STG",
    "WDU",
    "WLN",
    "ZET",
]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Key:
    """What a council's reply says, as a person reading it would record it."""

    route: str  # "imap" (fetched from the inbox) or "file" (ingested from a folder)
    status: str  # answered, refused, not_held
    in_use: dict[str, int | None] = field(default_factory=dict)
    denied: tuple[str, ...] = ()
    exemptions: tuple[str, ...] = ()


#: The answer key: 20 councils answer; the other 12 are silent (ELS only acknowledges, ERW is out of office).
KEY = {
    "ABE": Key("imap", "answered", {"Hikvision": 24, "Axis": 6}),
    "ABD": Key("imap", "answered", {"Bosch": None}, ("Dahua", "Hikvision")),
    "AGB": Key("imap", "answered", {"Axis": 30}),  # an HTML e-mail
    "ANS": Key("imap", "refused", exemptions=("FOISA s31", "FOISA s35")),  # a DOCX decision notice
    "CLK": Key("imap", "answered", {"Dahua": 12, "Hanwha": 4}),  # an XLSX sheet
    "DGY": Key("imap", "answered", {"Hikvision": 15}),
    "DND": Key(
        "imap", "refused", exemptions=("FOISA s35",)
    ),  # gives a camera count, withholds the makers
    "EAY": Key("imap", "not_held", exemptions=("FOISA s17",)),
    "EDH": Key("imap", "answered", {"Axis": None}, ("Dahua", "Hikvision")),
    "EDU": Key("imap", "answered", {"Hikvision": 10}),
    "ELN": Key("imap", "answered"),  # the number of cameras, no maker
    "FAL": Key("file", "answered", {"Dahua": 8}),
    "FIF": Key(
        "file", "answered", {"Hikvision": 60, "Axis": 20}, ("Dahua",)
    ),  # a text PDF attached
    "GLG": Key("file", "answered", {"Bosch": 25}),  # a DOCX attached
    "HLD": Key("file", "answered", {"Hikvision": 18, "Axis": 9}),  # an XLSX attached
    "IVC": Key("file", "answered", {"Bosch": 12}),  # a bare PDF, the reference in its text
    "MLN": Key("file", "answered", {"Hanwha": 14}),  # an HTML e-mail
    "MRY": Key("file", "answered", {"Hanwha": None}, ("Dahua", "Hikvision")),
    "NAY": Key("file", "answered", {"Hikvision": 22}),
    "NLK": Key("file", "answered", {"Axis": 16}),
}
SILENT = [code for code in SCOTTISH if code not in KEY]
#: Edinburgh's answer is dated a week after the letters went (the others the same day).
EDINBURGH_DAY = dt.date.today() + dt.timedelta(days=7)
STATE_LINKED = {"Hikvision", "Dahua"}


def _users(maker: str) -> set[str]:
    return {code for code, key in KEY.items() if maker in key.in_use}


def _expected_figures() -> dict[str, tuple[int, int | None]]:
    """Every published figure, tallied from the answer key alone."""
    replied = len(KEY)
    named = {code for code, key in KEY.items() if key.in_use}
    flagged = {code for code, key in KEY.items() if STATE_LINKED & set(key.in_use)}
    figures = {
        "asked": (32, None),
        "replied": (replied, 32),
        "overdue": (len(SILENT), 32),
        "no_reply": (0, 32),
        "answered": (sum(k.status == "answered" for k in KEY.values()), 32),
        "refused": (sum(k.status == "refused" for k in KEY.values()), 32),
        "not_held": (sum(k.status == "not_held" for k in KEY.values()), 32),
        "unclear": (0, 32),
        "answered_no_makers": (
            sum(k.status == "answered" and not k.in_use for k in KEY.values()),
            replied,
        ),
        "named_manufacturers": (len(named), replied),
        "makers_unknown": (32 - len(named), 32),
        "awaiting_review": (0, 32),
        "makers_known_without_reply": (0, 32),
        "uses_flagged": (len(flagged), len(named)),
        "replied_uses_flagged": (len(flagged), replied),
        "devices_flagged": (
            sum(n or 0 for k in KEY.values() for m, n in k.in_use.items() if m in STATE_LINKED),
            len(flagged),
        ),
    }
    for maker in sorted({m for k in KEY.values() for m in k.in_use}):
        slug = maker.lower()
        figures[f"uses:{slug}"] = (len(_users(maker)), len(named))
        figures[f"replied_uses:{slug}"] = (len(_users(maker)), replied)
        if maker in STATE_LINKED:
            figures[f"devices:{slug}"] = (
                sum(KEY[c].in_use[maker] or 0 for c in _users(maker)),
                len(_users(maker)),
            )
    for maker in sorted({m for k in KEY.values() for m in k.denied}):
        figures[f"denies:{maker.lower()}"] = (sum(maker in k.denied for k in KEY.values()), replied)
    return figures


# --------------------------------------------------------------------------- the replies


def _email(
    code: str, req: dict, body: str, *, attachments=(), html_body: str | None = None
) -> bytes:
    if html_body is None:
        return reply_email(
            sender=f"foi@{code.lower()}.gov.test",
            to=REQUESTER,
            subject=f"RE: {req['subject']}",
            in_reply_to=req["message_id"],
            body=f"Dear Alex,\n\n{body}\n\nInformation Team\n",
            attachments=list(attachments),
        )
    message = EmailMessage()  # a council whose mail system sends HTML only
    message["From"], message["To"] = f"foi@{code.lower()}.gov.test", REQUESTER
    message["Subject"], message["Date"] = f"RE: {req['subject']}", formatdate(usegmt=True)
    message["Message-ID"], message["In-Reply-To"] = (
        make_msgid(domain=f"{code.lower()}.gov.test"),
        req["message_id"],
    )
    message.set_content(
        f"<html><body><p>Dear Alex,</p><p>{html_body}</p><p>Information Team</p></body></html>",
        subtype="html",
    )
    return bytes(message)


def _dated(message: bytes, day: dt.date) -> bytes:
    """The message as sent on ``day`` (its Date header), at 10:00 UK time."""
    stamp = formatdate(
        dt.datetime.combine(day, dt.time(10)).timestamp(), localtime=False, usegmt=True
    )
    return re.sub(rb"\nDate: [^\n]*\n", f"\nDate: {stamp}\n".encode(), message, count=1)


def _refusal_docx(req: dict) -> bytes:
    return docx_bytes(
        [
            f"Freedom of Information (Scotland) Act 2002 request {req['reference']}",
            "Angus Council holds information within the scope of your request.",
            (
                "The council considers that this information is exempt under section 31(1) (national security) and "
                "section 35(1)(a) (the prevention or detection of crime) of the Freedom of Information (Scotland) Act "
                "2002, and it is withheld."
            ),
            "The public interest favours maintaining both exemptions.",
            "You may ask for a review within 40 working days.",
        ]
    )


def _fife_pdf(req: dict) -> bytes:
    return pdf_bytes(
        [
            "Fife Council - Information Governance",
            f"Freedom of Information (Scotland) Act 2002 request {req['reference']}",
            "",
            "You asked:",
            "1. Which manufacturers made the CCTV cameras the council operates, and how many of each?",
            "2. Is any of your CCTV equipment made by Hikvision or Dahua?",
            "",
            "Our response:",
            "1. Hikvision 60 cameras, Axis 20 cameras.",
            "2. Yes, the Hikvision cameras listed above. No Dahua equipment is used by the council.",
        ]
    )


def _sheet(rows: list[tuple[str, int]]) -> bytes:
    return xlsx_bytes(
        [["Manufacturer", "Device type", "Quantity"], *[[m, "Camera", n] for m, n in rows]]
    )


NOT_HELD = (
    "In terms of section 17 of the Freedom of Information (Scotland) Act 2002, the Council does not hold "
    "the information you requested. Public space CCTV is operated by a separate organisation."
)
WITHHELD = (
    "The Council operates 50 public space CCTV cameras. Information about their manufacturers is exempt "
    "under section 35(1)(a) of the Freedom of Information (Scotland) Act 2002 and is withheld."
)


def _inbox(req: dict[str, dict]) -> list[bytes]:
    """What arrives in the inbox: 11 answers, an acknowledgement and an out-of-office."""
    ack = reply_email(
        sender="foi@els.gov.test",
        to=REQUESTER,
        subject=f"Acknowledgement: {req['ELS']['subject']}",
        in_reply_to=req["ELS"]["message_id"],
        body="We acknowledge receipt of your request, which has been logged; we will respond "
        "within 20 working days.\n",
    )
    away = reply_email(
        sender="foi@erw.gov.test",
        to=REQUESTER,
        subject=f"Automatic reply: {req['ERW']['subject']}",
        in_reply_to=req["ERW"]["message_id"],
        body="I am out of the office until Monday with no access to e-mail.\n",
    )
    away = away.replace(b"\nSubject:", b"\nAuto-Submitted: auto-replied\nSubject:", 1)
    return [
        _email("ABE", req["ABE"], "We operate 24 Hikvision cameras and 6 Axis cameras."),
        _email(
            "ABD", req["ABD"], "We do not use Hikvision or Dahua equipment; our cameras are Bosch."
        ),
        _email("AGB", req["AGB"], "", html_body="We operate 30 Axis cameras."),
        _email(
            "ANS",
            req["ANS"],
            "Please see the attached decision notice.",
            attachments=[("Decision notice.docx", _refusal_docx(req["ANS"]), DOCX)],
        ),
        _email(
            "CLK",
            req["CLK"],
            "The information you requested is in the attached spreadsheet.",
            attachments=[("CCTV equipment.xlsx", _sheet([("Dahua", 12), ("Hanwha", 4)]), XLSX)],
        ),
        _email("DGY", req["DGY"], "We operate 15 Hikvision cameras."),
        _email("DND", req["DND"], WITHHELD),
        _email("EAY", req["EAY"], NOT_HELD),
        _dated(
            _email(
                "EDH",
                req["EDH"],
                "We do not use Hikvision or Dahua equipment; our cameras are Axis.",
            ),
            EDINBURGH_DAY,
        ),
        _email("EDU", req["EDU"], "We operate 10 Hikvision cameras."),
        _email("ELN", req["ELN"], "The council operates 36 public space CCTV cameras."),
        ack,
        away,
    ]


def _files(req: dict[str, dict], folder: Path) -> None:
    """Replies saved from other mailboxes and a posted letter, to ingest as files."""
    folder.mkdir()
    emails = {
        "FAL": _email("FAL", req["FAL"], "We operate 8 Dahua cameras."),
        "FIF": _email(
            "FIF",
            req["FIF"],
            "Please find our response attached.",
            attachments=[("FOI response.pdf", _fife_pdf(req["FIF"]), "application/pdf")],
        ),
        "GLG": _email(
            "GLG",
            req["GLG"],
            "Please see the attached letter.",
            attachments=[("Response.docx", docx_bytes(["We operate 25 Bosch cameras."]), DOCX)],
        ),
        "HLD": _email(
            "HLD",
            req["HLD"],
            "The information you requested is in the attached spreadsheet.",
            attachments=[("Cameras.xlsx", _sheet([("Hikvision", 18), ("Axis", 9)]), XLSX)],
        ),
        "MLN": _email("MLN", req["MLN"], "", html_body="We operate 14 Hanwha cameras."),
        "MRY": _email(
            "MRY", req["MRY"], "We do not use Hikvision or Dahua equipment; our cameras are Hanwha."
        ),
        "NAY": _email("NAY", req["NAY"], "We operate 22 Hikvision cameras."),
        "NLK": _email("NLK", req["NLK"], "We operate 16 Axis cameras."),
    }
    for code, data in emails.items():
        (folder / f"{code.lower()}-reply.eml").write_bytes(data)
    (folder / "scan-0412.pdf").write_bytes(
        pdf_bytes(
            [f"Our reference: {req['IVC']['reference']}", "The Council operates 12 Bosch cameras."]
        )
    )


# --------------------------------------------------------------------------- the round


@pytest.fixture
def world(councils, tmp_path):
    with MailCatcher() as catcher, DovecotServer(tmp_path / "imap") as imap:
        cli = Cli(str(councils.url), env={"CCTV_AUDIT_IMAP_PASSWORD": imap.password})
        yield councils, cli, catcher, imap


def _mail_config(path: Path, catcher: MailCatcher, imap: DovecotServer) -> Path:
    path.write_text(
        f"smtp: {{host: 127.0.0.1, port: {catcher.port}, security: none}}\n"
        f"imap: {{host: 127.0.0.1, port: {imap.port}, security: none, username: {imap.user}, "
        "password_env: CCTV_AUDIT_IMAP_PASSWORD}\n"
        "spacing_seconds: 0\nbackoff_seconds: 0.05\nmax_attempts: 3\nmax_wait_seconds: 5\n"
    )
    return path


def _letters(catcher: MailCatcher) -> dict[str, dict]:
    result = {}
    for code in SCOTTISH:
        [message] = catcher.delivered[f"foi@{code.lower()}.gov.test"]
        subject = str(message["Subject"])
        result[code] = {
            "reference": re.search(r"\[(CCTV-[A-Z0-9]+)\]", subject).group(1),
            "subject": subject,
            "message_id": message["Message-ID"],
            "raw": bytes(message),
        }
    return result


def test_the_scottish_round_publishes_the_figures_of_its_answer_key(world, tmp_path):
    store, cli, catcher, imap = world
    later = (
        dt.date.today() + dt.timedelta(days=45)
    ).isoformat()  # past every deadline, not yet long overdue
    # -- the README's round: FOI addresses, survey, letters
    addresses = tmp_path / "addresses.csv"
    addresses.write_text(
        "code,foi_email\n" + "".join(f"{c},foi@{c.lower()}.gov.test\n" for c in SCOTTISH)
    )
    cli("bodies", "import", str(addresses))
    assert {b["source"] for b in cli.json("bodies", "list", "--nation", "Scotland")} == {
        "mysociety-register"
    }
    cli(
        "survey",
        "create",
        "CCTV makers in Scottish councils",
        "--slug",
        "scot-2026",
        "--requester-name",
        "Alex Researcher",
        "--requester-email",
        REQUESTER,
        "--organisation",
        "Open CCTV Project",
    )
    cli("survey", "add-bodies", "scot-2026", "--nation", "Scotland")
    config = _mail_config(tmp_path / "mail.yaml", catcher, imap)
    sent = cli("survey", "send", "scot-2026", "--mail-config", str(config)).stdout
    assert (
        "32 letters, no spacing between them" in sent and "sent 32," in sent and "failed 0" in sent
    )
    assert "sent 0," in cli("survey", "send", "scot-2026", "--mail-config", str(config)).stdout
    letters = _letters(catcher)
    assert all(
        letter["subject"].startswith("Freedom of Information (Scotland) request:")
        for letter in letters.values()
    )

    # -- replies: the inbox over IMAP, the rest from files
    for message in _inbox(letters):
        imap.append(message)
    fetched = cli("replies", "fetch", "--mail-config", str(config)).stdout
    assert fetched.startswith("13 new emails")
    _files(letters, tmp_path / "replies")
    report = cli.json("ingest", str(tmp_path / "replies"))
    assert report["failed"] == [] and report["replies"]["unmatched"] == 0, report
    assert cli.json("replies", "queue") == []
    posted = _reply_of(
        store, letters["IVC"]["reference"]
    )  # a posted letter has no e-mail date: a person gives it
    cli("replies", "date", str(posted), dt.date.today().isoformat(), "--by", "amy")

    # -- our own letters, fetched from the Sent folder by mistake, change nothing
    before = (
        cli.json("survey", "status", "scot-2026", "--today", later),
        cli.json("findings", "--survey", "scot-2026", "--today", later),
    )
    client = imap.client()
    client.create("Sent")
    client.logout()
    for letter in letters.values():
        imap.append(letter["raw"], "Sent")
    own = cli("replies", "fetch", "--folder", "Sent", "--mail-config", str(config)).stdout
    assert own.startswith("32 new emails")
    assert (
        cli.json("survey", "status", "scot-2026", "--today", later),
        cli.json("findings", "--survey", "scot-2026", "--today", later),
    ) == before
    assert cli.json("replies", "queue") == []

    # -- each answer extracted as the key says; a person confirms what the extractor was unsure of
    answers = answers_by_body(store, "scot-2026")
    assert sorted(answers) == sorted([*KEY, "ELS", "ERW"])
    check_answers({code: rows[-1] for code, rows in answers.items() if code in KEY})
    review(cli)

    # -- the figures, their bases and their definitions
    stats = {
        f["key"]: f
        for f in cli.json("findings", "--survey", "scot-2026", "--today", later)["figures"]
    }
    expected = _expected_figures()
    assert {k: (f["value"], f["base"]) for k, f in stats.items()} == expected
    assert stats["named_manufacturers"]["sentence"] == (
        "Of the 20 bodies that replied, at least 16 named the manufacturers they use (80.0%)"
    )
    assert (
        stats["replied_uses:hikvision"]["sentence"]
        == "At least 6 of 20 bodies that replied use Hikvision (30.0%)"
    )
    assert (
        stats["uses:hikvision"]["sentence"]
        == "At least 6 of 16 bodies that named manufacturers use Hikvision (37.5%)"
    )
    assert all(
        "Base:" in stats[k]["definition"]
        for k in (
            "replied",
            "named_manufacturers",
            "replied_uses:hikvision",
            "denies:dahua",
            "uses:hikvision",
        )
    )
    exemptions = {r["name"]: r["value"] for r in stats["refused"]["breakdowns"]["exemption"]}
    assert exemptions == {"FOISA s31": 1, "FOISA s35": 2}
    check_bodies(cli, later)
    check_status(cli, letters, later)
    check_published(cli, store, tmp_path / "site", stats, later)


def _reply_of(store, reference: str) -> int:
    from sqlalchemy import select

    from cctv_audit.foi import Reply, Request

    with store.session() as session:
        return session.scalar(
            select(Reply.id)
            .join(Request, Reply.request_id == Request.id)
            .where(Request.reference == reference)
        )


def check_answers(answers: dict[str, object]) -> None:
    problems = []
    for code, key in KEY.items():
        got = answers[code]
        seen = (
            sorted(got.manufacturers_in_use),
            sorted(got.manufacturers_denied),
            {m: n for m, n in got.counts.items()},
        )
        wanted = (
            sorted(key.in_use),
            sorted(key.denied),
            {m: n for m, n in key.in_use.items() if n is not None},
        )
        if seen != wanted:
            problems.append(f"{code}: got {seen}, expected {wanted} ({got.outcome})")
    assert not problems, "\n".join(problems)


def review(cli: Cli) -> None:
    """A reviewer checks every answer still in the queue against its reply and accepts what is right."""
    for item in cli.json("review", "list"):
        for state in item["fields"]:
            if state["review"] == "extracted" and (state["value"] or state["field"] == "outcome"):
                cli(
                    "review",
                    "field",
                    str(item["answer_id"]),
                    state["field"],
                    "accept",
                    "--reviewer",
                    "amy",
                )
    assert cli.json("review", "list") == []


def check_bodies(cli: Cli, later: str) -> None:
    rows = {
        r["body_code"]: r
        for r in cli.json("findings", "--bodies", "--survey", "scot-2026", "--today", later)
    }
    assert {code: rows[code]["status"] for code in KEY} == {
        code: key.status for code, key in KEY.items()
    }
    assert {rows[code]["status"] for code in SILENT} == {
        "overdue"
    }  # the acknowledgement and out-of-office too
    assert sorted(rows["DND"]["exemptions"]) == ["FOISA s35"]
    assert all(rows[code]["responded_on"] for code in KEY) and not any(
        rows[c]["responded_on"] for c in SILENT
    )
    assert (rows["EDH"]["responded_on"], rows["EDH"]["late"]) == (EDINBURGH_DAY.isoformat(), False)
    assert (
        rows["IVC"]["responded_on"] == dt.date.today().isoformat()
    )  # the posted letter, dated by a person


def check_status(cli: Cli, letters: dict[str, dict], later: str) -> None:
    status = cli.json("survey", "status", "scot-2026", "--today", later, "--all")
    timeliness = {r["body_code"]: r["timeliness"] for r in status["requests"]}
    assert {timeliness[c] for c in SILENT} == {"overdue"} and status["counts"]["overdue"] == len(
        SILENT
    )
    replied_on = {r["body_code"]: r["replied_on"] for r in status["requests"]}
    today = dt.date.today().isoformat()
    assert (
        replied_on["EDH"] == EDINBURGH_DAY.isoformat() and replied_on["ELS"] is None
    )  # an acknowledgement: none
    # The CLI's Rich console reads COLUMNS once, when first imported; in a shared test process it may
    # already be narrow, so widen it for this display check.
    width = console.width
    console.width = 300
    try:
        table = cli("survey", "status", "scot-2026", "--today", later, "--all").stdout
    finally:
        console.width = width
    assert "request received" in table and "reply dated" in table
    edh = next(line for line in table.splitlines() if letters["EDH"]["reference"] in line)
    assert edh.index(today) < edh.index(
        EDINBURGH_DAY.isoformat()
    )  # request received, then the reply's own date
    shown = cli.json("requests", "show", letters["ZET"]["reference"])
    first_long = dt.date.fromisoformat(shown["long_overdue_from"])
    on_the_day = cli.json(
        "survey", "status", "scot-2026", "--today", first_long.isoformat(), "--all"
    )
    eve = (first_long - dt.timedelta(days=1)).isoformat()
    day_before = cli.json("survey", "status", "scot-2026", "--today", eve, "--all")
    zet = letters["ZET"]["reference"]
    assert [r["timeliness"] for r in on_the_day["requests"] if r["reference"] == zet] == [
        "long_overdue"
    ]
    assert [r["timeliness"] for r in day_before["requests"] if r["reference"] == zet] == ["overdue"]


def _text(path: Path) -> str:
    raw = re.sub(
        r"<(script|style)[^>]*>.*?</\1>", " ", path.read_text(encoding="utf-8"), flags=re.DOTALL
    )
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", raw)))


def check_published(cli: Cli, store, out: Path, stats: dict[str, dict], later: str) -> None:
    """The site and the web app's front page show the same figures, with their bases; no requester details."""
    from fastapi.testclient import TestClient

    from cctv_audit.web import create_app

    cli("publish", "scot-2026", "--out", str(out), "--as-of", later)
    index = _text(out / "index.html")
    for key in (
        "asked",
        "replied",
        "named_manufacturers",
        "uses_flagged",
        "replied_uses_flagged",
        "uses:hikvision",
        "replied_uses:hikvision",
    ):
        assert stats[key]["sentence"] in index, f"front page lacks {stats[key]['sentence']!r}"
    assert not [p for p in out.rglob("*.html") if REQUESTER in p.read_text(encoding="utf-8")]
    app = create_app(store, secret_key="e2e-secret-key-for-sessions")
    with TestClient(app, base_url="https://testserver") as client:
        home = _text_of(client.get("/", params={"survey": "scot-2026"}).text)
    for key in ("named_manufacturers", "replied_uses:hikvision", "denies:dahua"):
        assert stats[key]["sentence"].split(" (")[0] in home, key


def _text_of(page: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))
