"""Small end-to-end reproductions of bugs the survey scenario ran into, kept as tests of the right behaviour.

Each is marked ``xfail(strict=True)`` with the package at fault until it is fixed; the strict mark
makes the suite fail once it passes, so the mark is removed with the fix.
"""

from __future__ import annotations

from e2e_support import Cli, MailCatcher, answers_by_body, reply_email, sent_survey


def test_replaced_and_no_longer_used_in_one_sentence_is_a_denial(tmp_path):
    """The round-2 reply as councils write it, in one sentence: Hikvision must be denied, not dropped.

    ``extract_answer("Our Hikvision cameras were replaced in 2027 and we no longer use any Hikvision
    equipment.")`` gives ``manufacturers_denied == []``; split into two sentences it gives ["Hikvision"].
    Without the denial the trend between rounds cannot show the replacement.
    """
    path = tmp_path / "reply.txt"
    path.write_text(
        "Dear Alex,\n\nAll of the council's Hikvision cameras were replaced during 2027 and we no "
        "longer use any Hikvision equipment. We now operate 52 Axis cameras.\n"
    )
    data = Cli(str(tmp_path / "x.db")).json("extract", str(path))
    assert (data["manufacturers_in_use"], data["manufacturers_denied"]) == (["Axis"], ["Hikvision"])


def test_adding_foi_addresses_keeps_the_bundled_facts(councils, tmp_path):
    """What `survey add-bodies` tells a user to do ("add foi_email with `bodies import`") must not
    erase the register's facts.

    ``import_bodies_csv`` -> ``upsert_bodies`` sets every field of the existing row from the parsed
    record, so columns absent from the CSV become None/[]: Edinburgh loses its GSS code (no hex on
    the map), region (breakdowns), WhatDoTheyKnow id, alternative names (name matching) and its
    type name becomes "SCO".
    """
    cli = Cli(str(councils.url))
    before = cli.json("bodies", "show", "EDH")
    path = tmp_path / "foi.csv"
    path.write_text(
        "code,name,nation,body_type,foi_email\nEDH,City of Edinburgh Council,Scotland,SCO,"
        "foi@edinburgh.gov.test\n"
    )
    cli("bodies", "import", str(path))
    after = cli.json("bodies", "show", "EDH")
    assert after["foi_email"] == "foi@edinburgh.gov.test"
    kept = (
        "gss_code",
        "region",
        "wdtk_id",
        "body_type_name",
        "alt_names",
        "short_name",
        "population",
    )
    assert {k: after[k] for k in kept} == {k: before[k] for k in kept}


def _sent_survey(councils, tmp_path, catcher):
    """Kent asked with the ready survey through real SMTP; returns (cli, Kent's request)."""
    cli, requests = sent_survey(councils, tmp_path, catcher)
    return cli, requests["KEN"]


def test_numbered_answers_are_read_against_the_request_letter(councils, tmp_path):
    """Councils often answer "1. ... 3. No": the "No" denies the makers question 3 names.

    ``foi.replies`` calls ``answers.extract_and_save(session, document)`` without
    ``question=request.letter``, so the stored answer has ``manufacturers_denied == []``;
    ``extract_answer(text, question=letter)`` gives ["Dahua", "Hikvision"].
    """
    with MailCatcher() as catcher:
        cli, request = _sent_survey(councils, tmp_path, catcher)
    reply = tmp_path / "kent-reply.eml"
    reply.write_bytes(
        reply_email(
            sender="foi@ken.gov.test",
            to="alex@campaign.test",
            subject=f"RE: {request['subject']}",
            in_reply_to=request["message_id"],
            body="Dear Alex,\n\nOur answers to your questions:\n1. Bosch, 45 cameras\n2. Milestone XProtect, 2 servers\n"
            "3. No\n4. Not applicable\n\nKent County Council\n",
        )
    )
    report = cli.json("ingest", str(reply))  # a survey exists: the new email is matched at once
    assert report["ingested"] == 1 and report["replies"] == {"new": 1, "matched": 1, "unmatched": 0}
    [answer] = answers_by_body(councils, "cctv-2026")["KEN"]
    assert (answer.outcome, answer.manufacturers_in_use, answer.counts) == (
        "disclosed",
        ["Bosch"],
        {"Bosch": 45},
    )
    assert sorted(answer.manufacturers_denied) == ["Dahua", "Hikvision"]


def test_inline_answers_in_the_quoted_letter_are_not_an_s12_refusal(councils, tmp_path):
    """A body that writes its answers under each question of our letter has disclosed, relying on nothing.

    The bundled letter says "If answering any part would exceed the cost limit under section 12 of
    the Act, please tell me ...". ``extract_answer`` (with or without ``question=`` the letter) returns
    exemptions ["FOIA s12"] (reason "section cited with reliance wording: 'section 12'") and outcome
    partially_disclosed for a reply that only adds "RESPONSE: ..." lines under the questions.
    """
    with MailCatcher() as catcher:
        cli, request = _sent_survey(councils, tmp_path, catcher)
    letter = request["text"].replace("\r\n", "\n")
    answered = (
        letter.replace(
            "the number of cameras of each make.",
            "the number of cameras of each make.\nRESPONSE: Bosch 45 cameras, Axis 10 cameras.",
        )
        .replace("and if so how many devices.", "and if so how many devices.\nRESPONSE: No.")
        .replace("and if so by when.", "and if so by when.\nRESPONSE: Not applicable.")
    )
    assert answered.count("RESPONSE:") == 3
    (tmp_path / "reply.txt").write_text(answered)
    (tmp_path / "request.txt").write_text(letter)
    data = cli.json(
        "extract", str(tmp_path / "reply.txt"), "--question", str(tmp_path / "request.txt")
    )
    assert sorted(data["manufacturers_in_use"]) == ["Axis", "Bosch"]
    assert (data["outcome"], data["exemptions"]) == ("disclosed", [])


def test_original_wording_quotes_each_passage_once(councils, tmp_path):
    """``findings.extraction._claim_for`` joins the quotes of the in_use and count spans with "; "
    without removing repeats: "We have 40 Hikvision cameras.; We have 40 Hikvision cameras."."""
    with MailCatcher() as catcher:
        cli, request = _sent_survey(councils, tmp_path, catcher)
    reply = tmp_path / "kent-reply.eml"
    reply.write_bytes(
        reply_email(
            sender="foi@ken.gov.test",
            to="alex@campaign.test",
            subject=f"RE: {request['subject']}",
            in_reply_to=request["message_id"],
            body="Dear Alex,\n\nWe have 40 Hikvision cameras.\n\nKent County Council\n",
        )
    )
    cli("ingest", str(reply))
    cli("claims", "sync", "--survey", "cctv-2026")
    [claim] = [
        c for c in cli.json("claims", "list", "--body", "KEN") if c["maker_id"] == "hikvision"
    ]
    assert claim["device_count"] == 40
    assert claim["original_wording"] == "We have 40 Hikvision cameras."
