"""Which makers a reply says are in use now, and which it says are not used.

Only answer units are read (never the quoted request, boilerplate or page
furniture). Each maker mention gets a status from its clause:

- ``denied``: a negation covers it ("we do not use Hikvision", "no Dahua cameras");
- ``past``: use has ended ("previously", "were replaced in 2021", "no longer");
- ``skip``: not a statement of use (installer or maintainer context, topic words
  such as "your question about Hikvision", hedges, refusals, plans);
- ``in_use``: otherwise, *strong* when the clause says so ("our cameras are",
  "manufactured by", a count, a table row, the answer to a "which make?" question).

A state-linked maker is claimed in use only on strong evidence; anything weaker
goes to review. Bare "Yes"/"No" answers take their makers from the paired question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from cctv_audit.answers.lexicon import MakerHit
from cctv_audit.answers.maker_layout import (
    CAMERA_WORDS,
    DISOWNED,
    SHEET_HEADING,
    block_of,
    disowned,
    header_verdict,
    is_structured,
    label_value_block,
    negated_in_another_cell,
    negation_not_about,
    own_cell,
    section_heading,
    under_make_header,
    zero_row_with_figures,
)
from cctv_audit.answers.mentions import MakerFinding, MentionStatus
from cctv_audit.answers.pairing import question_span, question_text
from cctv_audit.answers.rules import cue
from cctv_audit.answers.segment import table_heading
from cctv_audit.answers.units import Unit
from cctv_audit.answers.yes_no import from_question, scope_bare_no

CLAUSE_BREAK = cue("makers.clause_break")
#: English, and the Welsh of bilingual replies (nid, ddim, dim, na/nac).
NEGATION = cue("makers.negation")
PAST = cue("makers.past")
ONGOING_REPLACEMENT = cue("makers.ongoing_replacement")
#: "There are no plans to buy Hikvision", "we do not intend to": a plan, not a statement about use today.
NO_PLANS = cue("makers.no_plans")
FUTURE = cue("makers.future")
UNCERTAIN = cue("makers.uncertain")
#: The body is not sure of its own kit: a person should look ("might be Hikvision; we are checking").
HEDGED = cue("makers.hedged")
TOPICAL = cue("makers.topical")
ZERO_AFTER = cue("makers.zero_after")
NAMED_IN_REQUEST = cue("makers.named_in_request")
ABOUT_REQUEST = cue("makers.about_request")
INSTALLER = cue("makers.installer")
MAKER_CUE = cue("makers.maker_cue")
MADE_BY = cue("makers.made_by")
POSITIVE = cue("makers.positive")
YES = cue("makers.yes")
#: "No, ..." / "Yes – ..." opening a longer answer (not "None of our cameras...").
BARE_YES_NO = cue("makers.bare_yes_no")
USAGE_QUESTION = cue("makers.usage_question")


def classify_mentions(units: list[Unit], hits: list[MakerHit]) -> list[MakerFinding]:
    """A finding for every maker mention in an answer unit, plus Yes/No answers resolved via their question."""
    findings: list[MakerFinding] = []
    for index, unit in enumerate(units):
        if unit.role != "answer":
            continue
        unit_hits = [h for h in hits if unit.start <= h.start < unit.end]
        if unit_hits and section_heading(units, index, unit_hits, hits):
            continue  # "3. Hikvision" over "The Port does not have any Hikvision cameras."
        if unit_hits:
            found = _classify_unit(units, unit, unit_hits)
            ended = _ended_by_next(units, index, hits)
            for finding in found:
                if ended is not None and finding.status == "in_use":
                    finding.status, finding.reason = ended
            cut = _ended_later_in_unit(unit, unit_hits)
            for finding in found:
                if cut is not None and finding.status == "in_use" and finding.hit.start < cut:
                    finding.status, finding.reason = "past", "a later clause ends their use"
            findings.extend(found)
        if not unit_hits or BARE_YES_NO.match(unit.text):  # the makers come from a question
            own = {h.name for h in unit_hits}
            findings.extend(f for f in from_question(units, unit, hits) if f.name not in own)
    return scope_bare_no(findings)


def _classify_unit(units: list[Unit], unit: Unit, unit_hits: list[MakerHit]) -> list[MakerFinding]:
    structured = is_structured(units, unit, unit_hits)
    cameras = _camera_context(units, unit)
    denied_by_reference = _negated_reference(unit, unit_hits)
    out = []
    for hit in unit_hits:
        status, strong, reason, others, scoped = _status(unit, hit, structured)
        if status == "in_use":
            status, strong, reason = _by_column_header(units, unit, hit, (status, strong, reason))
        if status == "in_use" and disowned(units, unit):
            # "these are Hikvision units, but the council has no responsibility for them": not the body's.
            status, strong, reason, others = "skip", False, OTHERS_CAMERAS, True
        if (
            status in {"in_use", "skip"}
            and denied_by_reference
            and hit.kind in {"manufacturer", "brand"}
            and not others
            and reason
            != NOT_CAMERA_KIT  # "Hikvision intercoms ... do not record": kit, not a denial
        ):
            # "Hikvision cameras are widely used; however, the Council does not use them."
            status, strong, reason = "denied", True, "denied by a later clause referring back to it"
        if (
            status == "in_use"
            and hit.state_linked
            and not cameras
            and hit.via != "model"
            and _affirmed(units, unit, hit)
        ):
            reason = "'Yes' naming this maker, to a question asking whether it is used"
        doubtful = False
        if (
            status == "in_use"
            and hit.state_linked
            and not cameras
            and hit.via != "model"
            and not _affirmed(units, unit, hit)
        ):
            # Huawei phones or Hikvision in a list of suppliers are not cameras in use.
            status, strong, reason, doubtful = (
                "skip",
                False,
                "no camera, CCTV or recorder words near the mention",
                True,
            )
        if status == "in_use" and hit.state_linked and _negated_line_above(units, unit):
            status, strong, reason, doubtful = (
                "skip",
                False,
                "the line above ends mid-sentence on a negation",
                True,
            )
        if status == "skip" and HEDGED.search(unit.text):
            # "The harbour cameras might be Hikvision; we are checking": the body itself is not sure.
            doubtful = True
        args = (hit.name, hit.maker_id, status, strong, unit, hit, reason, hit.state_linked)
        out.append(MakerFinding(*args, doubtful, others, scoped and status == "skip"))
    return out


def _by_column_header(
    units: list[Unit], unit: Unit, hit: MakerHit, verdict: tuple[MentionStatus, bool, str]
) -> tuple[MentionStatus, bool, str]:
    """In use by its words, but in a column or sheet headed previous/decommissioned (past), supplier or the
    request (skip)."""
    return header_verdict(units, unit, hit) or verdict


def _negated_line_above(units: list[Unit], unit: Unit) -> bool:
    """'I can confirm that none of the' / 'Hikvision cameras are used': a wrapped sentence the joiner
    kept apart. A state-linked claim under an unfinished line with a negation is not claimed."""
    index = units.index(unit)
    if not unit.line_start or index == 0 or unit.cells is not None:
        return False
    above = units[index - 1]
    if above.role != "answer" or above.line != unit.line - 1 or above.cells is not None:
        return False
    tail = above.text.rstrip()
    return tail[-1:] not in ".?!:;|)" and len(tail.split()) >= 4 and bool(NEGATION.search(tail))


REFERENCE = cue("makers.reference")


BACK_REFERENCE = cue("makers.back_reference")


def _ended_by_next(
    units: list[Unit], index: int, hits: list[MakerHit]
) -> tuple[MentionStatus, str] | None:
    """'... it used Uniview cameras. Since then all of those cameras have been replaced with Axis.' (past), or
    '... were retired in March 2024 and none remain in service' (denied: the body has none now)."""
    for nxt in units[index + 1 : index + 3]:
        if nxt.role != "answer":
            continue
        starts = [h.start - nxt.start for h in hits if nxt.start <= h.start < nxt.end]
        prefix = nxt.text[: min(starts, default=len(nxt.text))]
        if (
            ONGOING_REPLACEMENT.search(prefix)
            or PROSPECTIVE.search(prefix)
            or not (PAST.search(prefix) and BACK_REFERENCE.search(prefix))
        ):
            return None
        if NONE_REMAIN.search(prefix):
            return "denied", "the next sentence says these have gone and none remain"
        return "past", "the next sentence says these were replaced or removed"
    return None


ENDED_PASSIVE = cue("makers.ended_passive")
NONE_REMAIN = cue("makers.none_remain")


def _ended_later_in_unit(unit: Unit, unit_hits: list[MakerHit]) -> int | None:
    """'... we had 14 Hikvision cameras; these have now been replaced by Hanwha': a later clause of the same
    sentence, opening on a back-reference in the passive, ends the use of the makers before it."""
    first = min(h.start for h in unit_hits) - unit.start
    text = unit.text.replace("\n", " ")
    _, right = clause_of(text, first, first + 1)
    rest = text[right:]
    if right >= len(text) or not ENDED_PASSIVE.match(re.sub(r"^[;,.\s]*", "", rest)):
        return None
    return (
        unit.start + right
    )  # the makers before this point (the first clause's) are the ones replaced


def _negated_reference(unit: Unit, unit_hits: list[MakerHit]) -> bool:
    """A clause without a maker that negates a pronoun referring back ('does not use them')."""
    text = unit.text
    starts = [0] + [m.end() for m in CLAUSE_BREAK.finditer(text)]
    ends = [m.start() for m in CLAUSE_BREAK.finditer(text)] + [len(text)]
    for left, right in zip(starts, ends):
        clause = text[left:right]
        has_hit = any(left <= h.start - unit.start < right for h in unit_hits)
        if (
            not has_hit
            and NEGATION.search(clause)
            and REFERENCE.search(clause)
            # "... would confirm it"; "but the University does not hold any further information about them"
            and not (DISOWNED.search(clause) or UNCERTAIN.search(clause))
            and not RECORDS_NEGATION.search(clause)
        ):
            return True
    return False


NON_CAMERA = cue("makers.non_camera")


def _affirmed(units: list[Unit], unit: Unit, hit: MakerHit) -> bool:
    """'Yes - Hikvision (8 units)' to 'Do you use Hikvision or Dahua?': the body affirms using this maker."""
    if unit.question is None or not YES.match(unit.text) or UNCERTAIN.search(unit.text):
        return False
    q_start, q_end = question_span(units, unit.question)
    q_text = question_text(units, unit.question)
    asked = any(h.name == hit.name for u in units if q_start <= u.start < q_end for h in u.hits)
    return (
        asked
        and bool(USAGE_QUESTION.search(q_text))
        and not NON_CAMERA.search(q_text + " " + unit.text)
    )


#: A sentence whose subject is the devices of the sentence before ("180 are...", "They are...").
REFERS_BACK = cue("makers.refers_back")


def _camera_context(units: list[Unit], unit: Unit) -> bool:
    """Camera words in the unit, its question, or the few units above it (a table header, a heading)."""
    if label_value_block(units, unit) and any(
        CAMERA_WORDS.search(u.text) for u in block_of(units, unit)
    ):
        # "Manufacturer: Hikvision" / "Number of cameras: 27": the block says what the devices are.
        return True
    if unit.question is not None:  # the question says what the answer is about
        index = units.index(unit)
        # ...and so does the sentence just above when this one refers back to it ("We operate 212
        # CCTV cameras. 180 are manufactured by Hikvision"). Only a back-reference borrows it:
        # "Staff phones are supplied by Huawei" after a camera sentence is not about cameras.
        above = [u.text for u in units[max(0, index - 2) : index] if u.question == unit.question]
        texts = [
            unit.text,
            question_text(units, unit.question),
            *(above if REFERS_BACK.match(unit.text) else []),
        ]
    else:
        index = units.index(unit)
        texts = [u.text for u in units[max(0, index - 5) : index + 1]]
    heading = table_heading(units, unit)
    if heading is not None and SHEET_HEADING.match(heading.text):
        texts.append(heading.text)  # "Sheet: Cameras" above rows a spreadsheet was turned into
    if any(CAMERA_WORDS.search(t) for t in texts):
        return True
    # A 'Manufacturer | Quantity' table (an attached spreadsheet) in a reply to a request about cameras.
    return (
        unit.cells is not None
        and under_make_header(units, unit)
        and any(
            u.role in {"question", "thread", "header"} and CAMERA_WORDS.search(u.text)
            for u in units
        )
    )


def clause_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause (between breaks such as ';', 'but', 'except', '. ') around text[start:end]."""
    left, right = 0, len(text)
    for match in CLAUSE_BREAK.finditer(text):
        if match.end() <= start:
            left = match.end()
        elif match.start() >= end:
            right = match.start()
            break
    return left, right


#: "i-PRO (formerly the Panasonic security business)": a company's history, not past use.
COMPANY_HISTORY = cue("makers.company_history")

#: Kit bought but not deployed: in storage, never installed.
NOT_DEPLOYED = cue("makers.not_deployed")
#: A negation about records: "does not distinguish between", "cannot separate", "does not break down".
RECORDS_NEGATION = cue("makers.records_negation")
#: "No Axis cameras have yet been installed": planned, not denied.
NOT_YET = cue("makers.not_yet")
#: The clause's subject is one system, scheme or site, not the body ("It does not contain", "This system has no").
SCOPED_PLACE = cue("makers.scoped_place")
#: A denial for one place or system: not the body's denial, but information given all the same.
SCOPED_DENIAL = "a denial for one named place or system, not for the body"
PARENT_BEFORE = cue("makers.parent_before")
PARENT_AFTER = cue("makers.parent_after")
ANYWHERE = cue("makers.anywhere")
SUBSYSTEM_SUBJECT = cue("makers.subsystem_subject")
OTHERS_SAY = cue("makers.others_say")
TENDER_BID = cue("makers.tender_bid")

#: "The council trialled Axon Body 3 cameras in 2021": a trial, over, unless the clause says they are kept.
ENDED_TRIAL = cue("makers.ended_trial")
STILL_IN_USE_NOW = cue("makers.still_in_use_now")

#: Supplier and procurement wording: a negation there is about buying, not about the cameras in use.
PURCHASING = cue("makers.purchasing")


#: "no Axon devices", "not Hikvision": the negation stands right before the maker's name.
NEGATED_NAME = cue("makers.negated_name")
#: "never purchased", "have not bought any": nothing bought, so none in use (a denial).
NEVER_BOUGHT = cue("makers.never_bought")


class Verdict(NamedTuple):
    """What one stage of :func:`_status` decides for a mention."""

    status: MentionStatus
    strong: bool
    reason: str
    #: The kit belongs to another organisation: a typed mark, so no rule compares reason strings.
    others: bool = False
    #: A denial for one named place or system only (SCOPED_DENIAL).
    scoped: bool = False


@dataclass(frozen=True)
class _Mention:
    """One maker mention with its clause, as the stages of :func:`_status` read it."""

    text: str  # the unit's text, a wrapped line read as one (same length, same offsets)
    clause: str  # the mention's clause with the maker's own name blanked
    before: str  # the clause up to the name
    rel_start: int
    rel_end: int
    hit: MakerHit
    structured: bool


def _status(unit: Unit, hit: MakerHit, structured: bool) -> Verdict:
    """What one mention says, from the first stage that decides (an ordered table of stages)."""
    rel_start, rel_end = hit.start - unit.start, hit.end - unit.start
    text = unit.text.replace("\n", " ")
    left, right = clause_of(text, rel_start, rel_end)
    # The maker's own name never counts as a cue of its clause ("Reveal Media" is not the media).
    clause = text[left:rel_start] + " " * (rel_end - rel_start) + text[rel_end:right]
    mention = _Mention(text, clause, text[left:rel_start], rel_start, rel_end, hit, structured)
    for stage in _STAGES:
        verdict = stage(mention)
        if verdict is not None:
            return verdict
    return Verdict("in_use", False, "named in the answer without a usage verb")


def _not_the_bodys_kit(m: _Mention) -> Verdict | None:
    if m.hit.kind in {"vms", "installer", "component"} and not MADE_BY.search(m.before):
        return Verdict("skip", False, f"{m.hit.name} is a {m.hit.kind}, not a camera maker")
    if PARENT_BEFORE.search(m.text[: m.rel_start]) and PARENT_AFTER.match(m.text, m.rel_end):
        return Verdict("skip", False, "the parent company of the maker named before it")
    if ZERO_AFTER.match(m.text, m.rel_end) and not zero_row_with_figures(m.text, m.rel_end):
        return Verdict("denied", True, "a count of zero")
    if TENDER_BID.search(m.text):
        return Verdict("skip", False, "makers a bid or tender proposed, not the kit in place")
    if NOT_DEPLOYED.search(m.text):
        # "The 20 Hikvision cameras remain in storage and have not been installed": held, not in use.
        return Verdict("skip", False, "kit held but never installed or used")
    if TOPICAL.search(m.before):
        return Verdict("skip", False, "named as a topic, not as equipment in use")
    # "... or any other company named in your request" refers to the request's list; it does not describe it
    if ABOUT_REQUEST.search(NAMED_IN_REQUEST.sub(" ", _after_answer_lead(m.text, m.rel_start))):
        return Verdict(
            "skip", False, "the sentence describes the request, not the body's equipment"
        )
    return None


def _replaced_hedged_or_planned(m: _Mention) -> Verdict | None:
    # In a table row only the maker's own cell can hedge it ("Bosch | ... | Withheld - s31" withholds a location).
    hedge_scope = own_cell(m.clause, len(m.before)) if "|" in m.clause else m.clause
    replacement, hearsay = (
        _replacement_status(m.clause, len(m.before)),
        UNCERTAIN.search(hedge_scope),
    )
    kit = KIT_AFTER.match(m.text, m.rel_end)
    if (kit and not DEVICE_WORDS.search(kit.group(0))) or (
        NON_CAMERA_KIT.search(m.clause) and not DEVICE_WORDS.search(m.clause)
    ):  # "a Hikvision door-entry intercom", "Huawei access points, which are due to be replaced"
        return Verdict("skip", False, NOT_CAMERA_KIT)
    if replacement and not (
        hearsay and replacement.status == "in_use"
    ):  # "told us informally ... intends to replace"
        return replacement
    if hearsay:
        return Verdict("skip", False, "hedged or refused wording")
    if NO_PLANS.search(m.clause):
        if NO_PLANS_TO_REPLACE.search(m.clause):
            return Verdict("in_use", True, "no plans to replace or remove them: still in use")
        return Verdict("skip", False, "a plan ('no plans to ...'), not a statement about use now")
    return None


def _negated(m: _Mention) -> Verdict | None:
    """A negation in the clause: a denial, unless it is about buying, records, the future or one system."""
    if not NEGATION.search(m.clause) or negation_not_about(m.text, m.rel_start, m.rel_end):
        return None
    if (
        PURCHASING.search(m.clause)
        and not NEVER_BOUGHT.search(m.clause)
        and not NEGATED_NAME.search(m.before)
    ):
        # "we no longer use Hikvision as a supplier": what the body will buy, not the cameras it runs.
        return Verdict(
            "skip", False, "a purchasing decision, not a statement about the cameras in place"
        )
    if RECORDS_NEGATION.search(m.clause):
        # "the register ... does not distinguish between the two": about the records, not about use.
        return Verdict("skip", False, "a statement about the body's records, not about use")
    if NOT_YET.search(m.clause):
        return Verdict("skip", False, "not installed yet: planned, not a statement about use now")
    if SUBSYSTEM_SUBJECT.match(m.before):
        return Verdict("skip", False, "a denial for one system or site, not for the body")
    if negated_in_another_cell(
        m.text, m.rel_start
    ):  # "Penryn (FX Plus: not University) | ... | Avigilon"
        return Verdict("skip", False, "a negation in another cell of the row, not about this maker")
    if OTHERS_SAY.search(
        m.clause
    ):  # "other police forces have chosen to state that they do not use"
        return Verdict("skip", False, "another body's statement, not the body's", others=True)
    if SCOPED_PLACE.match(m.text, m.rel_end) and not ANYWHERE.search(m.clause):
        # "There are no Hikvision cameras at Trafford General Hospital": one site, not the body.
        return Verdict("skip", False, SCOPED_DENIAL, scoped=True)
    return Verdict("denied", True, "negated in the same clause")


def _ended_planned_or_others(m: _Mention) -> Verdict | None:
    if ENDED_TRIAL.search(m.clause) and not STILL_IN_USE_NOW.search(m.clause):
        return Verdict("past", True, "a trial that has ended")
    if PAST.search(COMPANY_HISTORY.sub(" ", m.clause)):
        return Verdict("past", True, "use has ended")
    if FUTURE.search(m.clause):
        return Verdict("skip", False, "planned or hypothetical")
    if THIRD_PARTY.search(m.clause) and not OUR_BEHALF.search(m.text):
        # "The estate cameras are owned by Greenway Housing Association and are Hikvision": not the body's.
        return Verdict("skip", False, OTHERS_CAMERAS, others=True)
    counted = COUNTED_CAMERAS.search(
        m.text[: m.rel_start] + "\0" + m.text[m.rel_end :]
    ) and not OTHERS_EQUIPMENT.search(m.clause)
    # A list after a colon ("309 cameras: Hanwha 212 and Bosch 97") names the cameras' makers, whoever
    # monitors the network named before it.
    # Of a row, only the maker's own cell ("Flood risk asset monitoring | Axis | 131").
    cell_start = m.before.rfind("|") + 1
    listed, head = own_cell(m.clause, len(m.before)), m.before[cell_start:]
    listed = listed[head.rfind(":") + 1 :] if ":" in head else listed
    if INSTALLER.search(listed) and not MAKER_CUE.search(m.clause) and not counted:
        return Verdict("skip", False, "installer, maintainer or supplier context")
    return None


def _in_use(m: _Mention) -> Verdict | None:
    if m.structured:
        return Verdict(
            "in_use", True, "listed in a table, list or the answer to a 'which make' question"
        )
    if POSITIVE.search(m.clause):
        return Verdict("in_use", True, "stated as equipment in use")
    return None


#: The stages of :func:`_status`, in order: the first that decides wins.
_STAGES = (
    _not_the_bodys_kit,
    _replaced_hedged_or_planned,
    _negated,
    _ended_planned_or_others,
    _in_use,
)
#: "no plans to replace our Hikvision cameras": they stay in use.
NO_PLANS_TO_REPLACE = cue("makers.no_plans_to_replace")


#: "I can answer your follow-up question: the Council has no Hikvision cameras": the answer follows the colon.
ANSWER_LEAD = cue("makers.answer_lead")


def _after_answer_lead(text: str, position: int) -> str:
    """The sentence, or only what follows an answering lead ("In answer to your question: ...") before the maker."""
    lead = None
    for match in ANSWER_LEAD.finditer(text):
        if match.end() <= position:
            lead = match
    return text[lead.end() :] if lead else text


#: "38 Axis cameras": a count, the maker and a camera word together state equipment, whatever
#: else the clause says ("monitored from the Guildhall", "installed by Sentinel").
COUNTED_CAMERAS = cue("makers.counted_cameras")


OTHERS_EQUIPMENT = cue("makers.others_equipment")


OTHERS_CAMERAS = "cameras owned by another organisation"
NOT_CAMERA_KIT = "equipment or software that is not a camera or recorder (intercom, monitor, drive, access control, VMS)"
#: Kit a camera maker also sells that is not a camera or recorder. Conservative: naming it is never camera use.
NON_CAMERA_KIT = cue("makers.non_camera_kit")
#: The maker names the kit itself: "Hikvision video intercom (it has a camera)", "Samsung screens".
KIT_AFTER = cue("makers.kit_after")
#: Words naming a camera or recorder: with them, the kit words above do not decide ("Hikvision cameras and monitors").
DEVICE_WORDS = cue("makers.device_words")
#: Someone else's cameras: "owned by Greenway Housing Association", "belong to the centre owners",
#: "operated by Midshire Police, whose cameras are Dahua". Not "owned by the Council".
THIRD_PARTY = cue("makers.third_party")
#: ... unless they are run for the body: "owned by Sentinel Ltd and operated on our behalf".
OUR_BEHALF = cue("makers.our_behalf")


#: Words before "replaced" that put the replacement in the future ("recommends that ... are replaced").
PROSPECTIVE = cue("makers.prospective")
REPLACED_WORD = cue("makers.replaced_word")
REMOVAL_WORD = cue("makers.removal_word")
SUCCESSOR_WORD = cue("makers.successor_word")


def _replacement_status(clause: str, position: int) -> Verdict | None:
    """'X were replaced with Y': X past, Y in use; 'X are being replaced by Y': X in use, Y planned."""
    ongoing = ONGOING_REPLACEMENT.search(clause)
    done = REPLACED_WORD.search(clause)
    if ongoing and REMOVAL_WORD.search(ongoing.group(0)):  # "being removed": still there today
        return Verdict("in_use", True, "still in use until removed")
    marker = ongoing or done
    if marker is None:
        return None
    successor = SUCCESSOR_WORD.search(clause[marker.end() :])
    after_with = successor is not None and position >= marker.end() + successor.end()
    if ongoing or PROSPECTIVE.search(clause[: marker.start()]):
        # "recommends that Hikvision cameras are replaced when they reach end of life": still in place today;
        # "would see the existing cameras replaced with Axis cameras": Axis is the plan.
        return (
            Verdict("skip", False, "planned replacement")
            if after_with
            else Verdict("in_use", True, "still in use until replaced")
        )
    if after_with:
        return Verdict("in_use", True, "the replacement now in use")
    if position >= marker.end() and NEGATION.search(clause[marker.end() : position]):
        # "... were replaced and none of our equipment is Hikvision": the denial after the replacement.
        return Verdict("denied", True, "negated after the replacement")
    return Verdict("past", True, "replaced: no longer in use")
