"""One survey round through every package, the way a campaign team uses cctv-audit.

bodies import -> survey create/add-bodies/preview/send (real SMTP) -> replies arrive in a real
IMAP inbox (Dovecot) as PDF, DOCX, XLSX and plain emails -> ingest --imap -> replies match
(extraction) -> review -> claims -> findings and explain -> publish -> a second round and its trend.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from e2e_replies import REPLIES, stranger
from e2e_support import (
    BODIES,
    REQUESTER,
    Cli,
    DovecotServer,
    MailCatcher,
    answers_by_body,
    create_and_preview,
    foi_address,
    import_foi_addresses,
    reply_email,
    sent_requests,
)
from sqlalchemy import select


@dataclass
class Expected:
    outcome: str
    exemptions: list[str] = field(default_factory=list)
    in_use: list[str] = field(default_factory=list)
    denied: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


#: What each body's reply says (Kent never replies; Swansea's hedge about Hikvision needs a person).
EXPECTED = {
    "MAN": Expected(
        "disclosed",
        in_use=["Axis", "Hikvision"],
        denied=["Dahua"],
        counts={"Hikvision": 40, "Axis": 12},
    ),
    "LDS": Expected("refused", exemptions=["FOIA s24", "FOIA s31"]),
    "EDH": Expected("refused", exemptions=["FOISA s31", "FOISA s35"]),
    "GLG": Expected("not_held", exemptions=["FOISA s17"]),
    "CRF": Expected("disclosed", in_use=["Bosch"], denied=["Dahua", "Hikvision"]),
    "BFS": Expected(
        "disclosed",
        in_use=["Bosch", "Dahua", "Hanwha"],
        # Dahua only for its two recorders: in use, no count (recorders are not cameras)
        counts={"Bosch": 30, "Hanwha": 8},
    ),
    "SWA": Expected("disclosed", in_use=["Axis"], counts={"Axis": 20}),
}


# --------------------------------------------------------------------------- steps


def check_answers(store, slug: str, expected: dict[str, Expected]) -> dict[str, object]:
    """Every replying body has exactly one answer, extracted as its reply says."""
    answers = answers_by_body(store, slug)
    assert sorted(answers) == sorted(expected), (
        f"answers for {sorted(answers)}, replies from {sorted(expected)}"
    )
    records, problems = {}, []
    for code, want in expected.items():
        assert len(answers[code]) == 1, f"{code}: {len(answers[code])} answers"
        got = answers[code][0]
        seen = (
            got.outcome,
            sorted(got.exemptions),
            sorted(got.manufacturers_in_use),
            sorted(got.manufacturers_denied),
            got.counts,
        )
        wanted = (
            want.outcome,
            sorted(want.exemptions),
            sorted(want.in_use),
            sorted(want.denied),
            want.counts,
        )
        if seen != wanted:
            problems.append(f"{code}: got {seen}, expected {wanted}")
        records[code] = got
    assert not problems, "\n".join(problems)
    return records


def deliver_replies(imap: DovecotServer, requests: dict[str, dict]) -> None:
    for code, make in REPLIES.items():
        imap.append(make(requests[code]))
    imap.append(stranger())


# --------------------------------------------------------------------------- the scenario


@pytest.fixture
def world(councils, tmp_path):
    """The bundled councils, a mail server that catches what is sent, and an IMAP inbox."""
    with MailCatcher() as catcher, DovecotServer(tmp_path) as imap:
        cli = Cli(str(councils.url), env={"CCTV_AUDIT_IMAP_PASSWORD": imap.password})
        yield councils, cli, catcher, imap


def test_survey_round_from_letters_to_published_figures(world, tmp_path):
    store, cli, catcher, imap = world
    import_foi_addresses(cli, tmp_path)
    mail_config = catcher.config(tmp_path / "mail.yaml")

    # -- 2. survey, letters, sending
    create_and_preview(cli, "cctv-2026", "CCTV makers 2026", list(BODIES))
    english = cli("survey", "preview", "cctv-2026", "MAN").stdout
    scottish = cli("survey", "preview", "cctv-2026", "EDH").stdout
    assert "Freedom of Information Act 2000" in english and "(Scotland)" not in english
    assert "Freedom of Information (Scotland) Act 2002" in scottish
    assert (
        "advice and assistance (section 15)" in scottish
        and "advice and assistance (section 16)" in english
    )
    sent = cli("survey", "send", "cctv-2026", "--mail-config", str(mail_config)).stdout
    assert "sent 8," in sent and "failed 0" in sent
    requests = sent_requests(catcher)
    assert sorted(requests) == sorted(BODIES)
    assert len({r["reference"] for r in requests.values()}) == 8
    assert requests["EDH"]["subject"].startswith("Freedom of Information (Scotland) request:")
    assert not requests["MAN"]["subject"].startswith("Freedom of Information (Scotland)")
    for code, request in requests.items():
        assert request["reference"] in request["text"], (
            f"{code}: the letter does not quote its reference"
        )
    again = cli("survey", "send", "cctv-2026", "--mail-config", str(mail_config)).stdout
    assert "sent 0," in again and all(len(catcher.delivered[foi_address(c)]) == 1 for c in BODIES)

    # -- 3-4. replies arrive over IMAP, are ingested, matched and extracted
    deliver_replies(imap, requests)
    report = cli.json("ingest", "--imap", f"imap://{imap.user}@127.0.0.1:{imap.port}/INBOX")
    assert report["failed"] == [] and report["ingested"] == 8, report
    assert report["replies"] == {"new": 8, "matched": 7, "unmatched": 1}  # matched as they arrive
    assert "0 new replies" in cli("replies", "match").stdout  # nothing left for a second pass
    queue = cli.json("replies", "queue")
    assert len(queue) == 1
    document = cli.json("documents", "show", str(queue[0]["document"]))
    assert "Security industry expo" in str(document)
    answers = check_answers(store, "cctv-2026", EXPECTED)
    assert answers["SWA"].needs_review and not answers["MAN"].needs_review
    check_request_states(cli, store, requests)

    # -- 5. review: one count corrected, the sure makers confirmed; Swansea's hedge still waits
    review_round_one(cli, answers)

    # -- 6. findings with bases ("at least" counts confirmed claims only), traced to evidence
    stats = figures(cli.json("findings", "--survey", "cctv-2026"))
    check_figures(stats, ROUND_ONE_FIGURES)
    waiting = cli.json("findings", "explain", "awaiting_review", "--survey", "cctv-2026")
    assert [b["body_name"] for b in waiting["counted"]] == ["City and County of Swansea Council"]
    cli("review", "field", str(answers["SWA"].id), "in_use", "accept", "--reviewer", "amy")
    stats = figures(cli.json("findings", "--survey", "cctv-2026"))
    check_figures(stats, {**ROUND_ONE_FIGURES, **AFTER_SWANSEA_REVIEW})
    check_breakdowns(stats)
    check_installed_command_agrees(cli, stats)
    check_explain(cli, store, answers)

    # -- 7. the static site shows the same figures and quotes the evidence
    check_site(cli, tmp_path / "site", stats, requests)

    check_redacted_site_and_export(cli, tmp_path)
    check_web(store, stats)
    check_follow_ups(cli, catcher, requests, mail_config, tmp_path)

    # -- 8. a second, smaller round: Manchester replaced its Hikvision cameras
    second_round(cli, store, catcher, imap, mail_config)
    after = figures(cli.json("findings", "--survey", "cctv-2026"))
    check_figures(
        after, {**ROUND_ONE_FIGURES, **AFTER_SWANSEA_REVIEW}
    )  # round 2 does not rewrite round 1


def review_round_one(cli: Cli, answers: dict[str, object]) -> None:
    bfs = answers["BFS"].id
    corrected = cli.json(
        "review",
        "field",
        str(bfs),
        "counts",
        "correct",
        "--value",
        "Bosch=30, Hanwha=9",
        "--reason",
        "the council's follow-up email: one Hanwha camera was left off the sheet",
        "--reviewer",
        "amy",
    )
    assert corrected["action"] == "correct" and corrected["after"] == {"Bosch": 30, "Hanwha": 9}
    assert corrected["before"] == {"Bosch": 30, "Hanwha": 8}
    for code, fields in {
        "MAN": ["in_use", "denied", "counts"],
        "CRF": ["in_use", "denied"],
        "BFS": ["in_use"],
        "LDS": ["outcome", "exemptions"],
    }.items():
        for name in fields:
            cli("review", "field", str(answers[code].id), name, "accept", "--reviewer", "amy")
    cli("claims", "sync", "--survey", "cctv-2026")


def check_request_states(cli: Cli, store, requests: dict[str, dict]) -> None:
    """Each matched reply proposes the state its outcome suggests; a person confirms it."""
    status = cli.json("survey", "status", "cctv-2026")
    assert status["counts"]["response_received"] == 7 and status["total"] == 8
    proposed = {
        "MAN": "successful",
        "LDS": "refused",
        "EDH": "refused",
        "GLG": "not_held",
        "CRF": "successful",
        "BFS": "successful",
        "SWA": "successful",
    }
    from cctv_audit.foi import Reply, get_request

    for code, state in proposed.items():
        with store.session() as session:
            request = get_request(session, requests[code]["reference"])
            reply = session.scalar(select(Reply).where(Reply.request_id == request.id))
            assert reply.proposed_state == state, (
                f"{code}: proposed {reply.proposed_state}, expected {state}"
            )
            reply_id = reply.id
        cli("replies", "confirm", str(reply_id), "--by", "amy")
    states = {
        r["reference"]: r["state"]
        for r in cli.json("survey", "status", "cctv-2026", "--all")["requests"]
    }
    for code, state in proposed.items():
        assert states[requests[code]["reference"]] == state
    assert states[requests["KEN"]["reference"]] == "awaiting_response"


def figures(data: dict) -> dict[str, dict]:
    return {f["key"]: f for f in data["figures"]}


ROUND_ONE_FIGURES = {
    # key: (value, base), before Swansea's answer is reviewed
    "asked": (8, None),
    "replied": (7, 8),
    "answered": (4, 8),
    "refused": (2, 8),
    "not_held": (1, 8),
    "unclear": (0, 8),
    "overdue": (0, 8),
    "no_reply": (1, 8),
    "makers_unknown": (5, 8),
    "named_manufacturers": (3, 7),
    "awaiting_review": (1, 8),
    "uses_flagged": (2, 3),
    "devices_flagged": (40, 2),  # Belfast's two Dahua recorders are no cameras: no count
    "uses:axis": (1, 3),
    "uses:bosch": (2, 3),
    "uses:dahua": (1, 3),
    "uses:hanwha": (1, 3),
    "uses:hikvision": (1, 3),
    "denies:dahua": (2, 7),
    "denies:hikvision": (1, 7),
    "devices:dahua": (0, 1),
    "devices:hikvision": (40, 1),
}
#: A person accepted Swansea's Axis cameras (and left its hedge about Hikvision unclaimed).
AFTER_SWANSEA_REVIEW = {
    "makers_unknown": (4, 8),
    "named_manufacturers": (4, 7),
    "awaiting_review": (0, 8),
    "uses_flagged": (2, 4),
    "uses:axis": (2, 4),
    "uses:bosch": (2, 4),
    "uses:dahua": (1, 4),
    "uses:hanwha": (1, 4),
    "uses:hikvision": (1, 4),
}


def check_figures(stats: dict[str, dict], expected: dict[str, tuple]) -> None:
    got = {key: (stats[key]["value"], stats[key]["base"]) for key in expected if key in stats}
    assert got == expected


def check_breakdowns(stats: dict[str, dict]) -> None:
    assert stats["uses:hikvision"]["at_least"] and stats["uses:hikvision"]["sentence"] == (
        "At least 1 of 4 bodies that named manufacturers use Hikvision (25.0%)"
    )
    assert stats["replied"]["sentence"] == "7 of 8 bodies asked replied (87.5%)"
    by_nation = {
        row["name"]: (row["value"], row["base"]) for row in stats["replied"]["breakdowns"]["nation"]
    }
    assert by_nation == {
        "England": (2, 3),
        "Scotland": (2, 2),
        "Wales": (2, 2),
        "Northern Ireland": (1, 1),
    }
    exemptions = {row["name"]: row["value"] for row in stats["refused"]["breakdowns"]["exemption"]}
    assert exemptions == {"FOIA s24": 1, "FOIA s31": 1, "FOISA s31": 1, "FOISA s35": 1}


def check_installed_command_agrees(cli: Cli, stats: dict[str, dict]) -> None:
    """The installed ``cctv-audit`` script (a fresh process) prints the same figures as the in-process CLI."""
    import json
    import subprocess
    import sys

    script = Path(sys.executable).with_name("cctv-audit")
    result = subprocess.run(
        [str(script), "--db", cli.db, "-q", "findings", "--survey", "cctv-2026", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert figures(json.loads(result.stdout)) == stats
    missing = subprocess.run(
        [str(script), "--db", cli.db, "findings", "--survey", "cctv-2099"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (
        missing.returncode == 1
        and "Traceback" not in missing.stderr
        and "cctv-2099" in missing.stderr
    )


def check_explain(cli: Cli, store, answers: dict[str, object]) -> None:
    """``findings explain`` names Manchester, its claim and quotes that are really in the reply."""
    data = cli.json("findings", "explain", "uses:hikvision", "--survey", "cctv-2026")
    assert (data["figure"]["value"], data["figure"]["base"]) == (1, 4)
    assert [b["body_name"] for b in data["counted"]] == ["Manchester City Council"]
    assert sorted(b["body_name"] for b in data["not_counted"]) == [
        "Belfast City Council",
        "City and County of Swansea Council",
        "City of Cardiff Council",
    ]
    claims = [c for c in data["counted"][0]["claims"] if c["maker_id"] == "hikvision"]
    assert [(c["polarity"], c["device_count"], c["confirmed"]) for c in claims] == [
        ("uses", 40, True)
    ]
    evidence = claims[0]["evidence"]
    assert evidence and all(e["kind"] == "document" for e in evidence)
    texts: dict[int, str] = {}
    for e in evidence:
        if e["document_id"] not in texts:
            texts[e["document_id"]] = cli("documents", "text", str(e["document_id"])).stdout
        text = texts[e["document_id"]]
        assert e["quote"] in text, f"quote {e['quote']!r} is not in document {e['document_id']}"
        assert "Hikvision" in e["quote"]
    assert any("Hikvision 40 cameras" in e["quote"] for e in evidence)
    # the reply's own text, through the library: offsets point at the quote
    from cctv_audit.documents import Document

    with store.session() as session:
        for e in evidence:
            document = session.get(Document, e["document_id"])
            assert document.text[e["start"] : e["end"]] == e["quote"]
    # non-replies are unknown, never "no": Kent and Swansea are outside every maker figure
    unknown = cli.json("findings", "explain", "makers_unknown", "--survey", "cctv-2026")
    statuses = {b["body_name"]: b["status"] for b in unknown["counted"]}
    assert statuses == {
        "Kent County Council": "no_reply",
        "Leeds City Council": "refused",
        "City of Edinburgh Council": "refused",
        "Glasgow City Council": "not_held",
    }
    denies = cli.json("findings", "explain", "denies:hikvision", "--survey", "cctv-2026")
    assert [b["body_name"] for b in denies["counted"]] == ["City of Cardiff Council"]
    devices = cli.json("findings", "explain", "devices:hikvision", "--survey", "cctv-2026")
    assert [(b["body_name"], b["contribution"]) for b in devices["counted"]] == [
        ("Manchester City Council", 40)
    ]
    wales = cli.json(
        "findings", "explain", "uses:bosch", "--survey", "cctv-2026", "--within", "nation:Wales"
    )
    assert (wales["figure"]["value"], wales["figure"]["base"]) == (1, 2)
    assert [b["body_name"] for b in wales["counted"]] == ["City of Cardiff Council"]
    # the reviewer's corrected count is what the findings say
    rows = {r["body_code"]: r for r in cli.json("findings", "--survey", "cctv-2026", "--bodies")}
    belfast = {
        m["name"]: (m["polarity"], m["device_count"], m["confirmed"]) for m in rows["BFS"]["makers"]
    }
    assert belfast == {
        "Bosch": ("uses", 30, True),
        "Hanwha": ("uses", 9, True),
        "Dahua": ("uses", None, True),
    }
    assert rows["KEN"]["status"] == "no_reply" and rows["KEN"]["makers"] == []
    assert (rows["EDH"]["status"], sorted(rows["EDH"]["exemptions"])) == (
        "refused",
        ["FOISA s31", "FOISA s35"],
    )


def _page_text(path: Path) -> str:
    """A page's visible text, tags dropped and whitespace folded."""
    raw = re.sub(
        r"<(script|style)[^>]*>.*?</\1>", " ", path.read_text(encoding="utf-8"), flags=re.DOTALL
    )
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", raw)))


def check_site(cli: Cli, out: Path, stats: dict[str, dict], requests: dict[str, dict]) -> None:
    cli("publish", "cctv-2026", "--out", str(out))
    index = _page_text(out / "index.html")
    for key in (
        "asked",
        "replied",
        "named_manufacturers",
        "uses_flagged",
        "devices_flagged",
        "uses:hikvision",
    ):
        assert stats[key]["sentence"] in index, f"front page lacks {stats[key]['sentence']!r}"
    assert (
        "Confirmed flagged maker: 2; Other makers only: 2; Refused: 2; Not held: 1; "
        "Unclear or awaiting review: 0; No reply: 1;"
    ) in index
    manchester = (out / "bodies" / "MAN.html").read_text(encoding="utf-8")
    assert "1. Hikvision 40 cameras, Axis 12 cameras." in html.unescape(manchester)
    assert requests["MAN"]["reference"] in manchester
    links = re.findall(r'href="\.\./(documents/\d+\.html)#(ev-[\w-]+)"', manchester)
    assert links, "Manchester's page does not link its evidence to the reply"
    page, anchor = links[0]
    document = (out / page).read_text(encoding="utf-8")
    assert f'id="{anchor}"' in document and "Hikvision 40 cameras" in document
    cardiff = _page_text(out / "bodies" / "CRF.html")
    assert "We do not use Hikvision or Dahua equipment; our cameras are Bosch." in cardiff
    swansea = _page_text(out / "bodies" / "SWA.html")
    assert "We operate 20 Axis cameras." in swansea
    kent = _page_text(out / "bodies" / "KEN.html")
    assert "Finding: No reply" in kent and 'the makers are unknown, not "none"' in kent
    assert "does not use" not in kent.split("Manufacturers", 1)[1]


def check_redacted_site_and_export(cli: Cli, tmp_path: Path) -> None:
    """The redacted site names neither the requester nor their address; the SQLite export has the same claims."""
    import sqlite3

    out = tmp_path / "site-redacted"
    cli("publish", "cctv-2026", "--out", str(out), "--redact", "--reviewed-only")
    pages = list(out.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for secret in ("Alex Researcher", REQUESTER, "Dear Alex"):
            assert secret not in text, f"{page.relative_to(out)} shows {secret!r}"
    assert "1. Hikvision 40 cameras, Axis 12 cameras." in html.unescape(
        (out / "bodies" / "MAN.html").read_text()
    )
    assert not (out / "documents" / "files").exists() or not any(
        (out / "documents" / "files").iterdir()
    )

    db = tmp_path / "cctv-2026.db"
    cli("export", "cctv-2026", "--format", "sqlite", "--out", str(db))
    with sqlite3.connect(db) as conn:
        users = conn.execute(
            "select b.code, c.device_count from claims c join bodies b on b.id = c.body_id "
            "where c.maker_id = 'hikvision' and c.polarity = 'uses' and c.confirmed = 1"
        ).fetchall()
        quotes = conn.execute(
            "select count(*) from evidence where quote like '%Hikvision 40 cameras%'"
        ).fetchone()
    assert users == [("MAN", 40)] and quotes[0] >= 1


def check_web(store, stats: dict[str, dict]) -> None:
    """The live web app serves the same figures and the same body page as the CLI and the static site."""
    from fastapi.testclient import TestClient

    from cctv_audit.web import create_app

    app = create_app(store, secret_key="e2e-secret-key-for-sessions")
    with TestClient(app, base_url="https://testserver") as client:
        api = client.get("/api/statistics", params={"survey": "cctv-2026"})
        assert api.status_code == 200, api.text
        web = {f["key"]: (f["value"], f["base"]) for f in api.json()["figures"]}
        assert web == {k: (f["value"], f["base"]) for k, f in stats.items()}
        home = client.get("/", params={"survey": "cctv-2026"})
        assert home.status_code == 200
        assert stats["uses:hikvision"]["sentence"] in re.sub(
            r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", home.text))
        )
        body = client.get("/api/bodies/MAN", params={"survey": "cctv-2026"}).json()
        confirmed = {(c["maker_id"], c["polarity"], c["device_count"]) for c in body["claims"]}
        assert confirmed == {
            ("hikvision", "uses", 40),
            ("axis", "uses", 12),
            ("dahua", "does_not_use", None),
        }
        page = client.get("/bodies/MAN", params={"survey": "cctv-2026"})
        assert (
            page.status_code == 200
            and "1. Hikvision 40 cameras, Axis 12 cameras." in html.unescape(page.text)
        )


def check_follow_ups(
    cli: Cli, catcher: MailCatcher, requests: dict[str, dict], mail_config: Path, tmp_path: Path
) -> None:
    """After the deadline: Kent is overdue and chased (once, threaded); Leeds gets an internal review
    request, Edinburgh an appeal draft to the Scottish Information Commissioner."""
    later = "2027-01-20"
    status = cli.json("survey", "status", "cctv-2026", "--today", later)
    assert status["counts"]["overdue"] == 1
    late = cli.json("findings", "--survey", "cctv-2026", "--today", later)
    assert {f["key"]: f["value"] for f in late["figures"]}["overdue"] == 1
    chased = cli("survey", "chase", "cctv-2026", "--today", later).stdout
    assert "1 chasers queued, 0 skipped" in chased
    again = cli("survey", "chase", "cctv-2026", "--today", later).stdout
    assert "0 chasers queued, 1 skipped" in again  # one is already waiting in the outbox
    cli("outbox", "send", "--mail-config", str(mail_config))
    kent = catcher.delivered[foi_address("KEN")]
    assert len(kent) == 2 and requests["KEN"]["reference"] in str(kent[1]["Subject"])
    assert (
        str(kent[1]["In-Reply-To"]).strip() == requests["KEN"]["message_id"]
    )  # (long ids are folded)
    assert all(len(catcher.delivered[foi_address(c)]) == 1 for c in BODIES if c != "KEN")

    cli(
        "requests",
        "review",
        requests["LDS"]["reference"],
        "--reason",
        "Totals by manufacturer reveal no locations, so neither s.24 nor s.31 can apply.",
    )
    cli("outbox", "send", "--mail-config", str(mail_config))
    leeds = catcher.delivered[foi_address("LDS")]
    assert len(leeds) == 2 and "Internal review" in str(leeds[1]["Subject"])
    review_text = leeds[1].get_body(("plain",)).get_content()
    assert "neither s.24 nor s.31 can apply" in review_text
    assert cli.json("requests", "show", requests["LDS"]["reference"])["state"] == "internal_review"

    appeal = tmp_path / "appeal.txt"
    cli("requests", "appeal", requests["EDH"]["reference"], "--out", str(appeal))
    text = appeal.read_text()
    assert "Scottish Information Commissioner" in text and "47(1)" in text
    assert "Information Commissioner's Office" not in text


def second_round(
    cli: Cli, store, catcher: MailCatcher, imap: DovecotServer, mail_config: Path
) -> None:
    """A year on, Manchester and Belfast are asked again; Manchester has replaced its Hikvision cameras."""
    create_and_preview(cli, "cctv-2027", "CCTV makers 2027", ["MAN", "BFS"])
    sent = cli("survey", "send", "cctv-2027", "--mail-config", str(mail_config)).stdout
    assert "sent 2," in sent
    assert (
        len(catcher.delivered[foi_address("MAN")]) == 2
        and len(catcher.delivered[foi_address("BFS")]) == 2
    )
    assert (
        len(catcher.delivered[foi_address("KEN")]) == 2
    )  # its request and the chaser: not asked again
    latest = catcher.delivered[foi_address("MAN")][-1]
    reference = re.search(r"\[(CCTV-[A-Z0-9]+)\]", str(latest["Subject"])).group(1)
    imap.append(
        reply_email(
            sender="information.governance@man.gov.test",
            to=REQUESTER,
            subject=f"RE: {latest['Subject']}",
            in_reply_to=latest["Message-ID"],
            body=(
                f"Dear Alex,\n\nFreedom of Information Act 2000 request {reference}\n\n"
                "All of the council's Hikvision cameras were replaced during 2027. We no longer use any "
                "Hikvision equipment. We now operate 52 Axis cameras.\n\nInformation Governance Team\n"
            ),
        )
    )
    report = cli.json("ingest", "--imap", f"imap://{imap.user}@127.0.0.1:{imap.port}/INBOX")
    assert report["ingested"] == 1 and report["duplicates"] == 0, report
    assert report["replies"] == {"new": 1, "matched": 1, "unmatched": 0}
    expected = {
        "MAN": Expected("disclosed", in_use=["Axis"], denied=["Hikvision"], counts={"Axis": 52})
    }
    answer = check_answers(store, "cctv-2027", expected)["MAN"]
    for name in ("in_use", "denied"):
        cli("review", "field", str(answer.id), name, "accept", "--reviewer", "amy")
    cli("claims", "sync", "--survey", "cctv-2027")

    stats = figures(cli.json("findings", "--survey", "cctv-2027"))
    assert (stats["asked"]["value"], stats["replied"]["value"], stats["no_reply"]["value"]) == (
        2,
        1,
        1,
    )
    assert (stats["uses:axis"]["value"], stats["uses:axis"]["base"]) == (1, 1)
    assert stats.get("uses:hikvision", {"value": 0})["value"] == 0
    assert (stats["denies:hikvision"]["value"], stats["denies:hikvision"]["base"]) == (1, 1)

    trend = cli.json("findings", "trends", "--survey", "cctv-2027", "--previous", "cctv-2026")
    replaced = [(t["body_name"], t["maker_id"]) for t in trend["replaced"]]
    assert replaced == [("Manchester City Council", "hikvision")]
    item = trend["replaced"][0]
    assert item["before"]["polarity"] == "uses" and item["before"]["device_count"] == 40
    assert item["after"]["polarity"] == "does_not_use" and item["after"]["confirmed"]
    # Belfast did not answer again: its Dahua recorders are neither "still used" nor "replaced"
    assert all(
        t["body_name"] != "Belfast City Council"
        for key in ("replaced", "still_using", "no_longer_named")
        for t in trend[key]
    )
