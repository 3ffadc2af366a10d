"""The reply read by question: each request item with its answer's status."""

from __future__ import annotations

from cctv_audit.answers.exemptions import document_law, find_exemptions
from cctv_audit.answers.items import Item, read_items, supports
from cctv_audit.answers.segment import segment

NUMBERED = """Request:
1. Do you use Hikvision cameras?
2. How many CCTV cameras does the council have?
3. Where are they located?
4. Who maintains them?

Response:
1. No.
2. The council has 40 cameras, all made by Axis.
3. The locations are exempt under section 31(1)(a) of the Act, as disclosure would prejudice the prevention of crime.
"""


def _items(text: str) -> list[Item]:
    units = segment(text)
    return read_items(units, find_exemptions(units, document_law(text, None)), set())


def test_each_question_gets_the_status_of_its_own_answer():
    items = _items(NUMBERED)
    questions = [NUMBERED[i.question_start : i.question_end] for i in items]
    assert [q.split("?")[0] for q in questions] == [
        "1. Do you use Hikvision cameras",
        "2. How many CCTV cameras does the council have",
        "3. Where are they located",
        "4. Who maintains them",
    ]
    assert [i.status for i in items] == [
        "answered_negatively",
        "answered",
        "withheld",
        "not_addressed",
    ]


def test_a_reply_outcome_is_checked_against_its_items():
    items = _items(NUMBERED)
    assert supports("partially_disclosed", items)
    assert not supports("refused", [i for i in items if i.status != "withheld"])
    assert supports("refused", items)
    assert supports("disclosed", [])  # nothing to judge by


def test_our_letter_as_the_request_pairs_numbered_answers():
    letter = "1. Does the council use any Dahua cameras?\n2. If so, how many?\n"
    reply = "Dear Requester,\n\n1. Yes\n2. 12\n"
    units = segment(reply, letter)
    items = read_items(units, [], set())
    assert [i.status for i in items][:1] == ["answered"]
    assert all(
        i.question_start < 0 for i in items
    )  # the letter is not part of the reply: never quoted from it
