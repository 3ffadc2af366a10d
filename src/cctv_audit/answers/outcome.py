"""The outcome of a reply from its decisive sentences.

Each answer unit is tagged with the signals it carries (:data:`Signal`, the cues
of ``rules/outcome.yaml``): *substantive* (a maker, a count, a Yes/No, a short
answer to a numbered question), *refusal* (an exemption relied on, "withheld",
"exempt"), *not held*, *NCND*, *partial* ("some of the information"), *pointer*
("please see table 1"), *procedural* (acknowledgement, clarification, fee
notice) and a few narrower ones. The outcome is the first row of the ordered
table in ``rules/tables/outcome_table.yaml`` that the signals satisfy
(:mod:`cctv_audit.answers.outcome_table`; docs/answers.md shows it). In short:

1. NCND without substance -> neither_confirm_nor_deny;
2. procedural only -> other;
3. refusal: with substance -> partially_disclosed, else refused;
4. not held: with substance or a pointer -> partially_disclosed, else not_held;
5. substance -> disclosed (partially_disclosed when the body says "some of");
6. nothing decisive -> other, flagged for review."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cctv_audit.answers.exemptions import (
    Citation,
    general_statement,
    overturns,
    requester_voice,
    reuse_lines,
)
from cctv_audit.answers.maker_layout import disowned
from cctv_audit.answers.numbers import CAMERA_CONTEXT
from cctv_audit.answers.outcome_table import OutcomeRule, Signal, outcome_table
from cctv_audit.answers.pairing import question_text
from cctv_audit.answers.rules import cue
from cctv_audit.answers.schema import Outcome
from cctv_audit.answers.table_kinds import KIT_TABLE, gives_no_data, next_to_a_row, table_about_kit
from cctv_audit.answers.units import Unit

REFUSAL = cue("outcome.refusal")
NOT_REFUSAL = cue("outcome.not_refusal")
NOT_HELD = cue("outcome.not_held")
#: NCND added for "any other information" beside an answer: it leaves the answer's outcome as it is.
NCND_BLANKET = cue("outcome.ncnd_blanket")
HYPOTHETICAL_GROUNDS = cue("outcome.hypothetical_grounds")
RIGHTS_ATTACHED = cue("outcome.rights_attached")
COST_GROUND = cue("outcome.cost_ground")
ITEM_MARK_ONLY = cue("segment.enumerator_only")
REFUSED_ANYWAY = cue("outcome.refused_anyway")
#: "Had section 12 not applied, we would have needed to consider ... some of the information": not a part given.
NOT_PARTIAL = cue("outcome.not_partial")
NCND = cue("outcome.ncnd")
PARTIAL = cue("outcome.partial")
POINTER = cue("outcome.pointer")
PROCEDURAL = cue("outcome.procedural")
#: A time-extension letter: the exemptions it names are being considered, none is applied yet.
EXTENSION = cue("outcome.extension")
SUBSTANTIVE = cue("outcome.substantive")
NOT_AN_ANSWER = cue("outcome.not_an_answer")
SUPPLIED_BY = cue("outcome.supplied_by")
SUPPLIER_QUESTION = cue("outcome.supplier_question")
HYPOTHETICAL = cue("outcome.hypothetical")
YES_NO = cue("outcome.yes_no")
#: "The Council does not hold a list of makes for cameras owned by third parties": not held about someone
#: else's cameras, beside an answer about the body's own, is a note, not part of the outcome.
OTHERS_SCOPE = cue("outcome.others_scope")
NOT_HELD_GROUNDS = cue("outcome.not_held_grounds")
#: An internal review that releases what was withheld: "I am not persuaded that section 31 is engaged",
#: "Information now disclosed". Refusals before it are history, not the outcome.
REVIEW_DISCLOSES = cue("outcome.review_discloses")
#: "We do not keep a breakdown by manufacturer": a finer split than the figures given.
BREAKDOWN = cue("outcome.breakdown")
BREAKDOWN_ASKED = cue("outcome.breakdown_asked")
COUNT_QUESTION = cue("outcome.count_question")
WORD = cue("outcome.word")
NOT_APPLICABLE = cue("outcome.not_applicable")


@dataclass
class Signals:
    """What the answer units say, with one example unit per signal for evidence."""

    found: dict[Signal, Unit] = field(default_factory=dict)

    def add(self, name: Signal, unit: Unit) -> None:
        self.found.setdefault(name, unit)

    def __contains__(self, name: object) -> bool:
        return name in self.found


def gather_signals(
    units: list[Unit],
    citations: list[Citation],
    substantive_units: set[int],
    reviewed: int | None = None,
) -> Signals:
    """Tag answer units with the signals above; ``substantive_units`` holds units with makers or counts.
    ``reviewed`` is the unit of an internal review that overturns what came before (found when None)."""
    signals = Signals()
    # A refusal that a later internal review overturned is not the outcome.
    if reviewed is None:
        reviewed = review_point(units)
    _citation_signals(signals, units, citations, reviewed)
    unasked = _breakdown_not_asked(units)
    reuse = reuse_lines(units)
    for index, unit in enumerate(units):
        if (
            unit.role not in {"answer", "header"}
            or ITEM_MARK_ONLY.match(unit.text)  # "1 and 2." says nothing by itself
            or gives_no_data(units, index)
        ):
            continue
        # a re-use / copyright paragraph's "exempt under section 21 where ..." is standard wording, not a refusal
        refusals = index > reviewed and unit.line not in reuse
        _tag(
            signals,
            units,
            index,
            unit,
            substantive_units,
            refusals=refusals,
            unasked_breakdown=unasked,
        )
    return signals


def _citation_signals(
    signals: Signals, units: list[Unit], citations: list[Citation], reviewed: int
) -> None:
    """Each exemption relied on after any overturning review: a not-held notice, an NCND's grounds, or a
    refusal."""
    ncnd_units = [
        i for i, u in enumerate(units) if u.role in {"answer", "header"} and NCND.search(u.text)
    ]
    position = {id(u): i for i, u in enumerate(units)}
    for citation in citations:
        where = position.get(id(citation.unit), -1)
        if where < reviewed:
            continue
        if NOT_HELD_GROUNDS.match(citation.label):
            signals.add("not_held", citation.unit)
        elif _grounds_of_ncnd(where, ncnd_units, units):
            # "can neither confirm nor deny ... by virtue of: Section 24(2), Section 31(3)": the grounds of the
            # NCND, not a second, withholding, answer
            signals.add("ncnd_grounds", citation.unit)
        else:
            signals.add("refusal", citation.unit)
            if COST_GROUND.fullmatch(citation.label):
                signals.add("cost_refusal", citation.unit)


def review_point(units: list[Unit]) -> int:
    """The last unit of an internal review that overturns or releases what was refused (-1: none)."""
    return max(overturns(units) + _review_disclosures(units), default=-1)


def _review_disclosures(units: list[Unit]) -> list[int]:
    return [
        i
        for i, u in enumerate(units)
        if u.role in {"answer", "header"} and REVIEW_DISCLOSES.search(u.text)
    ]


def _grounds_of_ncnd(index: int, ncnd_units: list[int], units: list[Unit]) -> bool:
    """The citation is in an NCND sentence or in the few lines listing its grounds right after it, or,
    after an NCND, it is an exemption that "would apply" if the information were held."""
    if any(0 <= index - n <= NCND_GROUNDS_LINES for n in ncnd_units):
        return True
    if not ncnd_units or index < ncnd_units[0]:
        return False
    near = units[max(0, index - 1) : index + 2]
    return any(HYPOTHETICAL_GROUNDS.search(u.text) for u in near)


#: How many units after an NCND sentence may list its grounds ("Section 24(2) - National Security").
NCND_GROUNDS_LINES = 4


def _breakdown_not_asked(units: list[Unit]) -> bool:
    """The quoted request is there and asks for no breakdown (nothing 'per make', 'for each site', and no
    count of a named maker): a breakdown the body does not keep is not part of the request."""
    questions = [u for u in units if u.role == "question"]
    if not questions or any(BREAKDOWN_ASKED.search(u.text) for u in questions):
        return False
    return not any(u.hits and COUNT_QUESTION.search(u.text) for u in questions)


def _tag(
    signals: Signals,
    units: list[Unit],
    index: int,
    unit: Unit,
    substantive_units: set[int],
    refusals: bool = True,
    unasked_breakdown: bool = False,
) -> None:
    text = unit.text
    if NCND.search(text) and refusals:
        signals.add("ncnd_blanket" if NCND_BLANKET.search(text) else "ncnd", unit)
    not_held = _not_held_kind(unit, unasked_breakdown)
    if not_held is not None:
        signals.add("not_held_others" if not_held else "not_held", unit)
    elif (
        refusals
        and not NCND.search(text)
        and REFUSAL.search(text)
        and not NOT_REFUSAL.search(text)
        and not requester_voice(text)
        and not general_statement(text)
    ):
        signals.add("refusal", unit)
    if unit.role != "answer":
        return
    if PARTIAL.search(text) and not NOT_PARTIAL.search(text):
        signals.add("partial", unit)
    if EXTENSION.search(text) and not REFUSED_ANYWAY.search(text):
        signals.add("extension", unit)
    if CLARIFICATION.search(text):
        signals.add("clarification", unit)
    procedural = PROCEDURAL.search(text)
    _tag_pointer(signals, unit, procedural is not None)
    if procedural:
        signals.add("procedural", unit)
    if index in substantive_units or _is_data(units, index) or _names_supplier(units, unit):
        signals.add("data", unit)
        signals.add("substantive", unit)
    elif _is_substantive(unit):
        signals.add("substantive", unit)


def _tag_pointer(signals: Signals, unit: Unit, procedural: bool) -> None:
    """'Please find attached our response': the answer is the attached letter, which may as well refuse.
    Not the grounds that "would apply ... as set out below", nor the complaint rights attached."""
    text = unit.text
    if POINTER.search(text) and not (
        procedural or HYPOTHETICAL_GROUNDS.search(text) or RIGHTS_ATTACHED.search(text)
    ):
        signals.add("cover_pointer" if COVERING_POINTER.search(text) else "pointer", unit)


def _not_held_kind(unit: Unit, unasked_breakdown: bool) -> bool | None:
    """False for a part not held; True for a note about one maker or someone else's cameras
    ("does not hold any record of Dahua cameras"); None when the wording is no not-held statement."""
    text = unit.text
    match = NOT_HELD.search(text)
    if (
        match is None
        or (unasked_breakdown and BREAKDOWN.search(text))
        or NOT_HELD_NOTE.search(text)
        or NCND.search(text)  # "will not divulge whether information is or is not held"
    ):
        return None
    return bool(OTHERS_SCOPE.search(text) or _not_held_about_a_maker(unit, match))


def _is_data(units: list[Unit], index: int) -> bool:
    """Yes/No answers and table rows: information given, whatever else the reply withholds.

    A row is a table's only when another row is next to it or it names a maker: a lone line of cells is
    page furniture ("OFFICIAL | Information Management | Page 1 of 2")."""
    unit = units[index]
    text = unit.text
    if (
        REFUSAL.search(text)
        or NOT_HELD.search(text)
        or NCND.search(text)
        or PROCEDURAL.search(text)
    ):
        return False
    return bool(BARE_YES_NO.match(text)) or (
        unit.cells is not None
        and len([c for c in unit.cells if c]) >= 2
        and not disowned(units, unit)  # a table of someone else's kit gives nothing of the body's
        and (bool(unit.hits) or (next_to_a_row(units, index) and table_about_kit(units, index)))
    )


def _names_supplier(units: list[Unit], unit: Unit) -> bool:
    """'supplied and maintained by X Ltd' answering 'who is the supplier?': information given."""
    text = unit.text
    if unit.question is None or not SUPPLIED_BY.search(text):
        return False
    if (
        REFUSAL.search(text)
        or NOT_HELD.search(text)
        or NCND.search(text)
        or PROCEDURAL.search(text)
    ):
        return False
    return bool(SUPPLIER_QUESTION.search(question_text(units, unit.question)))


def _is_substantive(unit: Unit) -> bool:
    text = unit.text
    if (
        REFUSAL.search(text)
        or NOT_HELD.search(text)
        or NCND.search(text)
        or PROCEDURAL.search(text)
    ):
        return False
    if HOLDS_CONFIRMATION.search(text) or NO_RECORD.search(text):
        return False
    if YES_NO.match(text):
        return True
    if (
        SUBSTANTIVE.search(text)
        and not HYPOTHETICAL.search(text)
        and (unit.question is not None or CAMERA_CONTEXT.search(text))
    ):
        return True
    if unit.cells is not None and len([c for c in unit.cells if c]) >= 2:
        return bool(unit.hits or KIT_TABLE.search(text))  # not "Activity | Premises | Hours"
    short = len(WORD.findall(text)) <= 14 and not NOT_APPLICABLE.fullmatch(text)
    return (
        unit.pair in {"label", "next"}
        and short
        and not NOT_AN_ANSWER.search(text)
        and not MAIL_FURNITURE.search(text)
    )


def _not_held_about_a_maker(unit: Unit, match: re.Match[str]) -> bool:
    """'does not hold any record of Dahua cameras': the maker is what is not held (within a few words)."""
    end = unit.start + match.end()
    return any(0 <= h.start - end <= 30 for h in unit.hits)


NOT_HELD_NOTE = cue("outcome.not_held_note")
CLARIFICATION = cue("outcome.clarification")
MAIL_FURNITURE = cue("outcome.mail_furniture")
HOLDS_CONFIRMATION = cue("outcome.holds_confirmation")
NO_RECORD = cue("outcome.no_record")
COVERING_POINTER = cue("outcome.covering_pointer")
#: A Yes/No answer on its own ("1. No.", "Yes, ..."), not a sentence that starts with the word ("No decision has been
#: made").
BARE_YES_NO = cue("outcome.bare_yes_no")


#: The outcome table (``rules/tables/outcome_table.yaml``), first matching row wins.
OUTCOME_TABLE = outcome_table()
OUTCOME_RULES: tuple[OutcomeRule, ...] = OUTCOME_TABLE.rows
#: The outcome a signal points to on its own, for the readings put to a reviewer.
READS_AS: dict[Signal, Outcome] = OUTCOME_TABLE.reads_as
UNDECIDED = OUTCOME_TABLE.undecided


def decide_rule(signals: Signals) -> OutcomeRule:
    """The first row of :data:`OUTCOME_RULES` the signals satisfy (:data:`UNDECIDED` when none does)."""
    return OUTCOME_TABLE.decide(set(signals.found))


def decide(signals: Signals) -> tuple[Outcome, str, float]:
    """(outcome, rule, confidence) from the signals."""
    row = decide_rule(signals)
    return row.outcome, row.rule, row.confidence


def contested(signals: Signals, row: OutcomeRule) -> list[tuple[Signal, Unit]]:
    """The signals beside ``row`` that point to another reading, each with the unit that carries it."""
    return [(name, signals.found[name]) for name in sorted(row.contested_by) if name in signals]


def outcome_unit(signals: Signals, outcome: Outcome) -> Unit | None:
    """The unit that best shows the outcome (for evidence)."""
    for name in OUTCOME_TABLE.shown_by[outcome]:
        if name in signals:
            return signals.found[name]
    return None
