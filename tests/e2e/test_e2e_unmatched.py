"""A reply sent from an outsourced FOI service (no reference, no thread) waits in the queue until a
person assigns it; then it is read and counted like any other reply."""

from __future__ import annotations

from e2e_support import MailCatcher, answers_by_body, reply_email, sent_survey


def test_assigned_reply_is_extracted_and_counted(councils, tmp_path):
    with MailCatcher() as catcher:
        cli, requests = sent_survey(councils, tmp_path, catcher)
    request = requests["KEN"]
    reply = tmp_path / "outsourced.eml"
    reply.write_bytes(
        reply_email(
            sender="casework@foi-services.example.test",
            to="alex@campaign.test",
            subject="Your information request",
            body="Dear Alex,\n\nKent County Council operates 64 CCTV cameras, all made by Bosch. None of them is "
            "made by Hikvision or Dahua.\n\nFOI Services Ltd, on behalf of Kent County Council\n",
        )
    )
    report = cli.json("ingest", str(reply))
    assert report["ingested"] == 1 and report["replies"] == {"new": 1, "matched": 0, "unmatched": 1}
    [queued] = cli.json("replies", "queue")
    assert answers_by_body(councils, "cctv-2026") == {}

    cli("replies", "assign", str(queued["reply"]), request["reference"], "--by", "amy")
    assert cli.json("replies", "queue") == []
    [answer] = answers_by_body(councils, "cctv-2026")["KEN"]
    assert (
        answer.outcome,
        answer.manufacturers_in_use,
        sorted(answer.manufacturers_denied),
        answer.counts,
    ) == ("disclosed", ["Bosch"], ["Dahua", "Hikvision"], {"Bosch": 64})
    assert cli.json("requests", "show", request["reference"])["state"] == "response_received"

    cli("claims", "sync", "--survey", "cctv-2026")
    stats = figures(cli)
    assert (
        stats["replied"] == (1, 1)
        and stats["named_manufacturers"] == (1, 1)
        and stats["uses:bosch"] == (1, 1)
    )
    # the denial was extracted with less confidence than "at least" needs: it waits for a person
    assert stats["awaiting_review"] == (1, 1) and stats.get("denies:hikvision", (0, 1))[0] == 0
    cli("review", "field", str(answer.id), "denied", "accept", "--reviewer", "amy")
    stats = figures(cli)
    assert stats["awaiting_review"] == (0, 1) and stats["denies:hikvision"] == (1, 1)


def figures(cli) -> dict[str, tuple]:
    return {
        f["key"]: (f["value"], f["base"])
        for f in cli.json("findings", "--survey", "cctv-2026")["figures"]
    }
