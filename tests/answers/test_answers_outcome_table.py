"""The outcome table and calibrated auto-accept: contested readings go to a person with both sides quoted."""

from __future__ import annotations

from cctv_audit.answers import extract_answer
from cctv_audit.answers.outcome import OUTCOME_RULES, READS_AS, UNDECIDED

NUMBERED_YES_THEN_SUPPLIER = """Your request:
1. Does the council use Hikvision cameras?
2. How many CCTV cameras does the council operate?

Our response:
1. Yes
2. 47 static cameras and 9 PTZ cameras.

Following a procurement review, we no longer use Hikvision as a supplier for new installations.
"""

PROVIDED_THEN_BLANKET_NCND = """Dear Requester,

Some relevant information is held by the force. Where no exemption applies, the information has been provided
in the attached spreadsheet.

In addition, the force can neither confirm nor deny whether it holds any other information relevant to your
request, by virtue of the following exemptions:
Section 24(2) - National Security
Section 31(3) - Law Enforcement
"""

NOT_HELD_THEN_BLANKET_NCND = """Dear Mr Jones,

I have searched our records and the information you requested is not held by the force. We do not use
automatic number plate recognition cameras of that kind.

In addition to the above response, the force can neither confirm nor deny that it holds any other information
relevant to this request by virtue of the following exemptions:
Section 24(2) - National Security
Section 31(3) - Law Enforcement
"""

HOLDS_THEN_WITHHOLDS = """Dear Ms Smith,

I can confirm that the council holds the information you requested about the manufacturers of its CCTV cameras.

However, this information is exempt from disclosure under section 31(1)(a) of the Freedom of Information Act
2000, as its release would be likely to prejudice the prevention or detection of crime.
"""

EXTENSION_LETTER = """Dear Mr Okoro,

Your request asked how many cameras made by Hikvision or Dahua are installed at council buildings.

The council is considering the application of the following exemptions to parts of your request:
Section 24 - National Security
Section 31 - Law Enforcement

Section 10(3) of the Act allows us to extend the time for response while the public interest test is carried
out. We aim to respond by 11 March 2025. This letter is not a refusal of your request.
"""


def test_every_signal_a_row_can_be_contested_by_has_a_reading():
    for row in OUTCOME_RULES:
        assert row.contested_by <= set(READS_AS), row
    assert UNDECIDED.confidence < 0.6  # nothing decisive is never accepted


def test_a_purchasing_decision_does_not_undo_a_yes():
    answer = extract_answer(NUMBERED_YES_THEN_SUPPLIER)
    assert answer.manufacturers_in_use == ["Hikvision"]
    assert answer.manufacturers_denied == []


def test_answers_in_an_attachment_beside_a_blanket_ncnd_are_a_partial_disclosure():
    answer = extract_answer(PROVIDED_THEN_BLANKET_NCND)
    assert answer.outcome == "partially_disclosed"
    assert sorted(answer.exemptions) == ["FOIA s24", "FOIA s31"]


def test_not_held_beside_a_blanket_ncnd_stays_not_held():
    assert extract_answer(NOT_HELD_THEN_BLANKET_NCND).outcome == "not_held"


def test_holding_the_information_and_withholding_all_of_it_is_a_refusal():
    answer = extract_answer(HOLDS_THEN_WITHHOLDS)
    assert answer.outcome == "refused"
    assert answer.exemptions == ["FOIA s31"]


def test_a_time_extension_relies_on_no_exemption():
    answer = extract_answer(EXTENSION_LETTER)
    assert answer.outcome == "other"
    assert answer.exemptions == []
    assert answer.manufacturers_in_use == []


def test_a_reply_that_says_both_goes_to_review_with_both_sides_quoted():
    text = """Response:
We use Hikvision cameras at the depot.
The council does not use Hikvision cameras.
"""
    answer = extract_answer(text)
    assert answer.needs_review
    readings = {(c.field, c.value): c for c in answer.candidates}
    use = readings[("in_use", "Hikvision")]
    assert any("at the depot" in p.quote for p in use.support)
    assert any("does not use" in p.quote for p in use.against)
    for passage in use.support + use.against:
        assert text[passage.start : passage.end] == passage.quote


def test_an_accepted_answer_carries_no_candidates():
    answer = extract_answer("Response:\nThe council operates 40 CCTV cameras, all made by Axis.\n")
    assert not answer.needs_review
    assert answer.candidates == []
    assert answer.manufacturers_in_use == ["Axis"]
