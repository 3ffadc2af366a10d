"""Makers from the question an answer replies to: "1. Yes" to "Do you use Hikvision?" is Hikvision in use,
"No." denies every maker the question names, "Yes" to a question about past use is past use."""

from __future__ import annotations

import re

from cctv_audit.answers.lexicon import MakerHit
from cctv_audit.answers.maker_layout import DISOWNED, maker_heading_above
from cctv_audit.answers.mentions import MakerFinding, MentionStatus
from cctv_audit.answers.pairing import question_span, question_text
from cctv_audit.answers.rules import cue
from cctv_audit.answers.units import Unit

NEGATION = cue("makers.negation")
UNCERTAIN = cue("makers.uncertain")
YES = cue("makers.yes")
NO = cue("makers.no")
REFER_BACK = cue("makers.refer_back")
#: "The answer to questions 1 and 2 is no": a No to the questions it names.
ANSWER_TO_QUESTIONS = cue("makers.answer_to_questions")
#: "... named in your request" right after the back-reference.
NAMED_IN_REQUEST = cue("makers.named_in_request_after")
USAGE_QUESTION = cue("makers.usage_question")
#: A question about the past: "Did the council previously use ...", "Has the council ever had ...".
PAST_QUESTION = cue("makers.past_question")
#: "The council ... is not obliged to answer ... question 3": a refusal naming a question is not its "No".
REFUSES_QUESTION = cue("makers.refuses_question")
#: A question about a maker's kit other than cameras: its Yes/No is not about cameras.
OTHER_KIT_QUESTION = cue("makers.other_kit_question")
#: "Six of these remain in use": the part of the question's figure still in use.
REMAIN_OF_THESE = cue("counts.remain_of_these")


def from_question(units: list[Unit], unit: Unit, hits: list[MakerHit]) -> list[MakerFinding]:
    """'1. Yes' / 'No' / 'We use neither of these': makers come from the paired question, or from the
    questions the answer names ("the answer to questions 1 and 2 is no")."""
    named = ANSWER_TO_QUESTIONS.search(unit.text)
    if named:
        labels = set(re.findall(r"\d+", named.group(0)))
        return _answered(
            _named_question_hits(units, labels, hits), unit, "denied", True, named.group(0)
        )
    return _from_paired_question(units, unit, hits)


def _from_paired_question(
    units: list[Unit], unit: Unit, hits: list[MakerHit]
) -> list[MakerFinding]:
    if unit.question is None:
        return []
    q_hits = _asked_makers(units, unit, unit.question, hits)
    q_text = question_text(units, unit.question)
    if not q_hits or not USAGE_QUESTION.search(q_text):
        return []
    names = {h.name for h in q_hits}
    if OTHER_KIT_QUESTION.search(q_text):
        # "Does the council use Hikvision equipment other than cameras?" - "No." says nothing about its cameras.
        return _answered(
            _unique(q_hits), unit, "skip", False, "an answer about kit other than cameras"
        )
    # "None of these records identify the make": not held, not a "No".
    # "Those cameras belong to SPT and are not part of the council's network": someone else's, no "No".
    if (NO.match(unit.text) or _negates_the_named(unit.text)) and not (
        REFUSES_QUESTION.search(unit.text) or DISOWNED.search(unit.text)
    ):
        return _answered(
            _unique(q_hits), unit, "denied", True, "'No' to a question naming the maker"
        )
    if len(names) == 1 and unit.label is not None and REMAIN_OF_THESE.match(unit.text):
        # "You said the council had 31 Hikvision cameras. How many are still in use?" - "Six of these remain".
        return _answered(
            q_hits[:1], unit, "in_use", True, "'N of these remain' of the question's figure"
        )
    if YES.match(unit.text) and len(names) == 1 and PAST_QUESTION.search(q_text):
        # "Did the council previously use Hikvision cameras?" - "Yes." is past use, not use now.
        return _answered(q_hits[:1], unit, "past", True, "'Yes' to a question about past use")
    if YES.match(unit.text) and len(names) == 1 and not UNCERTAIN.search(unit.text):
        return _answered(
            q_hits[:1], unit, "in_use", True, "'Yes' to a question naming only this maker"
        )
    if YES.match(unit.text):
        several = "'Yes' to a question naming several makers"
        return _answered(q_hits[:1], unit, "skip", False, several, doubtful=True)
    return []


def scope_bare_no(findings: list[MakerFinding]) -> list[MakerFinding]:
    """'3) No.' then 'The Council does not operate any Hikvision cameras in the public space network.': the
    sentence under the bare No says what the No is about, so the No denies no more than it does."""
    for no in findings:
        from_the_question = not no.unit.start <= no.hit.start < no.unit.end
        if no.status != "denied" or not from_the_question or no.unit.question is None:
            continue
        if any(
            f.scoped and f.name == no.name and f.unit.question == no.unit.question for f in findings
        ):
            no.status, no.strong, no.reason = (
                "skip",
                False,
                "a No that the sentence under it scopes",
            )
    return findings


def _negates_the_named(text: str) -> bool:
    """'We use neither of these', 'none of the manufacturers listed': a negation close to words referring
    back to the question's makers (not 'these sites ... rather than by equipment', far apart)."""
    negations = [m.start() for m in NEGATION.finditer(text)]
    return any(
        abs(n - m.start()) <= _reach(text, m.end())
        for m in REFER_BACK.finditer(text)
        for n in negations
    )


def _reach(text: str, end: int) -> int:
    """How far apart (characters) a negation and its back-reference may be: further when the reference
    names the request ("does not use equipment manufactured by any of the companies named in your request")."""
    return 90 if NAMED_IN_REQUEST.match(text, end) else 40


def _named_question_hits(
    units: list[Unit], labels: set[str], hits: list[MakerHit]
) -> list[MakerHit]:
    """The makers of the request's questions with these labels, when each is a question about use."""
    found: list[MakerHit] = []
    for index, unit in enumerate(units):
        asked = unit.role == "question" and unit.label in labels
        if asked and USAGE_QUESTION.search(question_text(units, index)):
            found += _question_hits(units, index, hits)
    return _unique(found)


def _asked_makers(
    units: list[Unit], unit: Unit, question: int, hits: list[MakerHit]
) -> list[MakerHit]:
    """The makers the paired question names; under a heading of maker names ("2. Dahua" over "No."), only
    the heading's."""
    q_hits = _question_hits(units, question, hits)
    heading = maker_heading_above(units, unit, hits)
    return [h for h in q_hits if h.name in heading] or q_hits


def _question_hits(units: list[Unit], question: int, hits: list[MakerHit]) -> list[MakerHit]:
    """The makers the question names (not its VMS, installers or components)."""
    q_start, q_end = question_span(units, question)
    excluded = {"vms", "installer", "component"}
    return [h for h in hits if q_start <= h.start < q_end and h.kind not in excluded]


def _answered(
    hits: list[MakerHit],
    unit: Unit,
    status: MentionStatus,
    strong: bool,
    reason: str,
    doubtful: bool = False,
) -> list[MakerFinding]:
    """Findings for the makers a question names, from the answer to it."""
    return [
        MakerFinding(h.name, h.maker_id, status, strong, unit, h, reason, h.state_linked, doubtful)
        for h in hits
    ]


def _unique(hits: list[MakerHit]) -> list[MakerHit]:
    seen, out = set(), []
    for hit in hits:
        if hit.name not in seen:
            seen.add(hit.name)
            out.append(hit)
    return out
