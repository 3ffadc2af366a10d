"""Redaction of the requester's personal data keeps evidence offsets valid."""

from __future__ import annotations

from cctv_audit.publish import redact_text, redactor_for

REQUESTER = {
    "name": "Jane Smith",
    "email": "jane.smith@example.org",
    "address": "1 Mill Lane, Leeds LS1 1AA",
}
LETTER = (
    "Dear Ms Smith,\nThank you for your request (jane.smith@example.org, request-77-ab12@whatdotheyknow.com).\n"
    "We hold 56 Hikvision cameras. Reply to foi@leeds.gov.uk or call 0113 222 4444.\n"
    "Jane Smith, 1 Mill Lane, Leeds LS1 1AA\nDear Sir or Madam"
)


def test_requester_data_is_blocked_out_and_the_rest_kept():
    redactor = redactor_for(REQUESTER, ["leeds.gov.uk"])
    result = redact_text(LETTER, redactor)
    for secret in (
        "Smith",
        "jane.smith@example.org",
        "whatdotheyknow.com",
        "1 Mill Lane",
        "LS1 1AA",
        "4444",
    ):
        assert secret not in result
    for kept in ("Dear Ms ", "56 Hikvision cameras", "foi@leeds.gov.uk", "Dear Sir or Madam"):
        assert kept in result


def test_offsets_of_quotes_survive_redaction():
    result = redact_text(LETTER, redactor_for(REQUESTER))
    start = LETTER.index("56 Hikvision")
    assert len(result) == len(LETTER)
    assert result[start : start + 22] == "56 Hikvision cameras. "


def test_nothing_to_redact_gives_the_text_back():
    assert redact_text("We use Axis cameras.", redactor_for(None)) == "We use Axis cameras."
    assert redact_text(None, redactor_for(None)) is None
