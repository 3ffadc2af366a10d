"""Exemptions a reply relies on, normalised with their law ('FOIA s24', 'FOISA s17', 'EIR reg 12(5)(a)').

A citation counts only when the body relies on it: a reliance phrase ("exempt
under", "we rely on", "withheld by virtue of", a list after "the following
exemptions:") in the same unit or announced just above, outside the rights and
review paragraphs. Procedural sections (FOIA s1, s10, s16, s17, s50...) are never
relied on; under FOISA s17 (notice that information is not held) and s18
(neither confirm nor deny) are grounds and count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from cctv_audit.answers.rules import cue
from cctv_audit.answers.units import Unit

_I = re.IGNORECASE
SCOTTISH = cue("exemptions.scottish")
EIR_HINT = cue("exemptions.eir_hint")
SECTION_CITE = cue("exemptions.section_cite")
REG_CITE = cue("exemptions.reg_cite")
BARE_EIR_CITE = cue("exemptions.bare_eir_cite")
#: The English Act named in the sentence itself, and a citation spelled out with "section".
_FOIA_NAMED = cue("exemptions.foia_named")
_SAYS_SECTION = cue("exemptions.says_section")
RANGE = cue("exemptions.range")
RELIANCE = cue("exemptions.reliance")
NOT_RELIED = cue("exemptions.not_relied")
#: An internal review (often later on the same WhatDoTheyKnow page) setting aside an earlier refusal:
#: "section 31 was wrongly applied, and I have overturned the original decision".
OVERTURN = cue("exemptions.overturn")
#: The requester's own words (a quoted request letter): "If answering would exceed the cost limit under
#: section 12, please tell me which part...". A section named there is not the body relying on it.
REQUESTER_VOICE = cue("exemptions.requester_voice")
#: First-person phrases that officers use too ("I understand you asked...; the information is withheld").
FIRST_PERSON = cue("exemptions.first_person")
STRONG_RELIANCE = cue("exemptions.strong_reliance")
#: ...unless the body says it is relying on it in the same sentence.
BODY_RELIANCE = cue("exemptions.body_reliance")
#: The law stated in general, not applied: "Under section 12 a public authority is not obliged to comply with a
#: request where the cost would exceed the appropriate limit", "The cost limit for central government is £600".
GENERAL_LAW = cue("exemptions.general_law")
LIMIT_VALUE = cue("exemptions.limit_value")
#: "This would exceed the appropriate limit of £450" (a sentence a wrapped line cut before its "we"): applied.
APPLIED_COST = cue("exemptions.applied_cost")
#: ... unless the same sentence applies it to this request.
APPLIED_HERE = cue("exemptions.applied_here")
#: A paragraph opening on re-use or copyright: sections named there ("published information is exempt under
#: section 21 where we direct you to it") are standard wording, not relied on for this reply.
REUSE_PARAGRAPH = cue("exemptions.reuse_paragraph")


#: Standard wording about any request, not this one: "Any information already published is exempt under
#: section 21 where we direct you to it", "we apply section 40(2) as standard".
GENERIC_WORDING = cue("exemptions.generic_wording")


@lru_cache(
    maxsize=4096
)  # a pure function of the text, asked again for each unit and citation (bounded: batches are long)
def general_statement(text: str) -> bool:
    """The law stated in general ("a public authority is not obliged ..."), not applied to this request."""
    if GENERIC_WORDING.search(text):
        return True
    if APPLIED_HERE.search(text):
        return False
    return bool(GENERAL_LAW.search(text)) or bool(
        LIMIT_VALUE.search(text) and not APPLIED_COST.search(text)
    )


@lru_cache(
    maxsize=4096
)  # a pure function of the text, asked again for each unit and citation (bounded: batches are long)
def _not_relied(text: str) -> bool:
    return bool(NOT_RELIED.search(text)) or general_statement(text)


def reuse_lines(units: list[Unit]) -> set[int]:
    """Lines whose first unit opens a re-use / copyright paragraph."""
    first: dict[int, Unit] = {}
    for unit in units:
        first.setdefault(unit.line, unit)
    return {line for line, unit in first.items() if REUSE_PARAGRAPH.search(unit.text)}


LIST_INTRO = cue("exemptions.list_intro")
IMPLICIT_COST = cue("exemptions.implicit_cost")
IMPLICIT_MU = cue("exemptions.implicit_mu")
DISCLAIMS = cue("exemptions.disclaims")

#: Sections that are procedure, not grounds (never "relied on").
PROCEDURAL = {
    "FOIA": {
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",  # "a public authority under section 6" (publicly-owned companies): who answers, not a ground
        "7",
        "8",
        "9",
        "10",
        "11",
        "13",
        "16",
        "17",
        "19",
        "45",
        "46",
        "50",
        "53",
        "57",
        "77",
        "84",
    },
    "FOISA": {
        "1",
        "2",
        "8",
        "9",
        "10",
        "11",
        "15",
        "16",
        "19",
        "20",
        "21",
        "47",
        "60",
        "61",
        "65",
        "73",
    },
}
#: EIR regulations that are grounds; the rest (5, 7, 9, 11, 14...) are procedure.
EIR_GROUNDS = cue("exemptions.eir_grounds")


@dataclass
class Citation:
    """An exemption relied on, with the unit and span that show it."""

    label: str
    unit: Unit
    start: int
    end: int
    reason: str


def document_law(text: str, hint: str | None = None) -> str:
    """FOISA when the reply is Scottish, else FOIA (EIR is decided per citation)."""
    if hint in {"FOIA", "FOISA"}:
        return hint
    return "FOISA" if SCOTTISH.search(text) else "FOIA"


def find_exemptions(units: list[Unit], law: str) -> list[Citation]:
    """Exemptions relied on, in order of first citation, one per label."""
    found: dict[str, list[Citation]] = {}
    reuse = reuse_lines(units)
    for index, unit in enumerate(units):
        if (
            unit.role not in {"answer", "header", "boilerplate"}
            or _not_relied(unit.text)
            or requester_voice(unit.text)
        ):
            continue
        if unit.line in reuse:
            continue
        relied = bool(RELIANCE.search(unit.text)) or _announced_above(units, index)
        if not relied:
            continue
        for citation in _citations(unit, law):
            found.setdefault(citation.label, []).append(citation)
    for citation in _implicit(units, law):
        found.setdefault(citation.label, []).append(citation)
    standing = (_standing(units, cites, law) for cites in found.values())
    return [c for c in standing if c is not None and not _disowned_next(units, c, law)]


#: "I uphold the original decision to withhold ... under Sections 24(1) and 31": a ground a review keeps.
UPHOLDS = cue("exemptions.upholds")
WITHDRAWS = cue("exemptions.withdraws")


def _standing(units: list[Unit], cites: list[Citation], law: str) -> Citation | None:
    """The first citation of a ground, unless a review set it aside; then a later one where the review
    upholds the ground ("I uphold the original decision ... under Sections 24(1) and 31(1)(a)(b)")."""
    if not _set_aside(units, cites[0], law):
        return cites[0]
    return next(
        (
            c
            for c in cites[1:]
            if UPHOLDS.search(c.unit.text)
            and not (WITHDRAWS.search(c.unit.text) or OVERTURN.search(c.unit.text))
            and not _set_aside(units, c, law)
        ),
        None,
    )


def _disowned_next(units: list[Unit], citation: Citation, law: str) -> bool:
    """The next sentences say the ground is not relied on ("Two tenants asked us to withhold it under section
    43. We have not relied on section 43.")."""
    position = units.index(citation.unit)
    for unit in units[position + 1 : position + 3]:
        disclaim = DISCLAIMS.search(unit.text)
        # the ground named after the words ("As section 24 applies, it has not been necessary to rely on 40")
        after = unit.start + disclaim.start() if disclaim else unit.end
        if any(c.label == citation.label and c.start >= after for c in _citations(unit, law)):
            return True
    return False


def overturns(units: list[Unit]) -> list[int]:
    """Indexes of answer units that set an earlier refusal aside (an internal review)."""
    return [i for i, u in enumerate(units) if u.role == "answer" and OVERTURN.search(u.text)]


def _set_aside(units: list[Unit], citation: Citation, law: str) -> bool:
    """A citation before a review that overturns it (the sections it names, or all when it names none), or
    the one ground the overturning sentence itself names ("do not uphold the decision ... under section 12")."""
    position = units.index(citation.unit)
    for index in overturns(units):
        if index < position:
            continue
        named = {c.label for c in _citations(units[index], law)}
        if index == position and named != {citation.label} and not _inside_overturn(citation):
            continue  # "s31 was wrongly applied; s24 applies": only a lone ground is set aside in place
        if not named or citation.label in named:
            return True
    return False


def _inside_overturn(citation: Citation) -> bool:
    """The citation sits inside the overturning words ("I do not consider that section 24(1) or section
    31(1)(a) is engaged")."""
    unit = citation.unit
    return any(
        unit.start + m.start() <= citation.start < unit.start + m.end()
        for m in OVERTURN.finditer(unit.text)
    )


#: "Section 31(1) - National Security": a short line that is a heading of one ground.
HEADING_CITE = cue("exemptions.heading_cite")


@lru_cache(
    maxsize=4096
)  # a pure function of the text, asked again for each unit and citation (bounded: batches are long)
def requester_voice(text: str) -> bool:
    """A conditional or first-person request sentence, not a statement by the body that it relies on a ground."""
    if REQUESTER_VOICE.search(text):
        return not BODY_RELIANCE.search(text)
    return bool(FIRST_PERSON.search(text)) and not STRONG_RELIANCE.search(text)


def _announced_above(units: list[Unit], index: int) -> bool:
    """A list line under 'we rely on the following exemptions:' (up to four units below; up to twelve for a
    heading line such as "Section 35(1)(a) - Law Enforcement" that opens its own paragraph of reasons)."""
    heading = bool(HEADING_CITE.match(units[index].text))
    reach = 12 if heading else 4
    above = [u for u in units[max(0, index - 2 * reach) : index] if u.role != "nav"][
        -reach:
    ]  # page footers are skipped
    for unit in reversed(above):
        if unit.role in {"question", "thread"}:
            return False
        # A heading needs no list intro: "... has decided that the information is exempt" then
        # "Section 35(1)(a) - Law enforcement" with its reasons.
        if RELIANCE.search(unit.text) and (
            LIST_INTRO.search(unit.text) or (heading and not _not_relied(unit.text))
        ):
            return True
    return False


def _citations(unit: Unit, law: str) -> list[Citation]:
    text = unit.text
    sentence_law = (
        "FOISA" if SCOTTISH.search(text) else ("FOIA" if _FOIA_NAMED.search(text) else law)
    )
    out = []
    for match in SECTION_CITE.finditer(text):
        if RANGE.match(text, match.start(1)):
            continue
        if EIR_HINT.search(text[match.end() : match.end() + 50]) and not _SAYS_SECTION.search(
            match.group(0)
        ):
            continue
        for number in _numbers(match.group(1)):
            if number not in PROCEDURAL[sentence_law]:
                out.append(
                    _make(
                        unit,
                        match,
                        f"{sentence_law} s{number}",
                        "section cited with reliance wording",
                    )
                )
    for match in list(REG_CITE.finditer(text)) + list(BARE_EIR_CITE.finditer(text)):
        for reg in _regs(match.group(0)):
            if EIR_GROUNDS.match(reg):
                out.append(
                    _make(unit, match, f"EIR reg {reg}", "regulation cited with reliance wording")
                )
    return out


def _numbers(items: str) -> list[str]:
    """'24(1) and 31(1)(a)' -> ['24', '31'] (sub-sections dropped: compared by section)."""
    bare = re.sub(r"\(\s*[0-9a-z]{1,4}\s*\)", "", items, flags=_I)
    return [n.upper() for n in re.findall(r"\d{1,2}[A-Z]?", bare, _I)]


def _regs(cite: str) -> list[str]:
    """'Regulation 12(4)(b) and 12(5)(a)' -> ['12(4)(b)', '12(5)(a)']."""
    compact = re.sub(r"\s+", "", cite)
    return [m.lower() for m in re.findall(r"\d{1,2}(?:\([0-9a-z]{1,2}\))*", compact, _I) if m]


def _make(unit: Unit, match: re.Match, label: str, reason: str) -> Citation:
    return Citation(label, unit, unit.start + match.start(), unit.start + match.end(), reason)


def _implicit(units: list[Unit], law: str) -> list[Citation]:
    """Cost refusals and 'manifestly unreasonable' without a section number."""
    out = []
    for unit in units:
        if unit.role != "answer" or _not_relied(unit.text) or requester_voice(unit.text):
            continue
        cost = IMPLICIT_COST.search(unit.text)
        if cost:
            label = "EIR reg 12(4)(b)" if EIR_HINT.search(unit.text) else f"{law} s12"
            out.append(
                Citation(
                    label,
                    unit,
                    unit.start + cost.start(),
                    unit.start + cost.end(),
                    "cost limit named",
                )
            )
        mu = IMPLICIT_MU.search(unit.text)
        if mu:
            out.append(
                Citation(
                    "EIR reg 12(4)(b)",
                    unit,
                    unit.start + mu.start(),
                    unit.start + mu.end(),
                    "manifestly unreasonable",
                )
            )
    return out
