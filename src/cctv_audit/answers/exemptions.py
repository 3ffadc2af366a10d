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

from cctv_audit.answers.segment import Unit

_I = re.IGNORECASE
SCOTTISH = re.compile(r"\(scotland\)|\bfoisa\b|\bfoi\s?\(s\)\s?a\b|scottish information commissioner|\beisr\b|\bei\s?\(s\)\s?r\b", _I)
EIR_HINT = re.compile(r"environmental information|\beirs?\b|\beisr\b", _I)
_ITEM = r"\d{1,2}[A-Z]?(?:\s*\(\s*[0-9a-z]{1,4}\s*\))*"
#: "24(1) (national security) and 31(1)(a)": a short description in brackets between listed sections.
_GLOSS = r"(?:\s*\((?=[a-z ]{3})[^()]{3,60}\))?"
SECTION_CITE = re.compile(
    rf"(?:\b(?:sections?|ss?\.)|(?<!['’])\bs(?=\s?\d)|§)\s*({_ITEM}(?:{_GLOSS}\s*(?:,|and|&|or|/)\s*(?:(?:section|s)\.?\s*)?{_ITEM})*)", _I
)
REG_CITE = re.compile(rf"\b(?:regulations?|regs?\.?|r\.)\s*({_ITEM}(?:\s*(?:,|and|&|or)\s*(?:(?:regulation|reg)\.?\s*)?{_ITEM})*)", _I)
BARE_EIR_CITE = re.compile(r"(?<![\w(])(1[02])\s*\(\s*[45]\s*\)\s*\(\s*[a-g]\s*\)", _I)
RANGE = re.compile(r"\d{1,2}\s*(?:-|–|to)\s*\d{1,2}")
RELIANCE = re.compile(
    r"exempt|exemption|withh[oe]ld|rel(?:y|ies|ied|ying) (?:on|upon)|engaged|appl(?:y|ies|ied|ying)|by virtue of|"
    r"refus|not (?:obliged|required) to|excepti|neither confirm(?:s|ing)? nor den(?:y|ies|ying)|\bncnd\b|exceed|cost limit|appropriate limit|"
    r"manifestly unreasonable|not held|does not hold|do not hold|serves as (?:a )?notice|notice (?:under|in terms of)|"
    r"in terms of section|under (?:section|s\.|regulation|reg)|vexatious|reasonably accessible|otherwise accessible|"
    r"published|future publication|personal (?:data|information)",
    _I,
)
NOT_RELIED = re.compile(
    r"not satisfied|dissatisfied|unhappy with|(?:ask|request|apply) for an? (?:internal )?review|(?:apply|complain|write) to the (?:scottish )?"
    r"information commissioner|complain|appeal|you (?:can|may) (?:ask|request|apply)|"
    r"does not apply|do not apply|not engaged|have not applied|not relying|no longer relying|if we were|would have to|"
    r"considered whether|can be (?:released|disclosed)|decided to (?:release|disclose)|is not exempt|"
    r"(?:wrongly|incorrectly) (?:applied|engaged|relied|cited)|overturn|"
    # An ICO decision notice against the body: "found that the Council was not entitled to rely on section 24".
    r"not entitled to (?:rely|withhold|refuse)|(?:was|were) not (?:correctly )?(?:applied|engaged)",
    _I,
)
#: An internal review (often later on the same WhatDoTheyKnow page) setting aside an earlier refusal:
#: "section 31 was wrongly applied, and I have overturned the original decision".
OVERTURN = re.compile(
    r"(?:wrongly|incorrectly) (?:applied|engaged|relied (?:on|upon)|cited)|\boverturn(?:ed|ing|s)?\b|"
    r"(?:original|earlier|initial) (?:decision|response|refusal) (?:is|was|has been) (?:reversed|set aside|withdrawn)|"
    r"no longer (?:rel(?:y|ies)|wish to rely) (?:on|upon)|"
    r"not entitled to (?:rely|withhold|refuse)|(?:required|ordered) (?:it|us|the (?:council|authority|force|trust)) to (?:disclose|release)",
    _I,
)
#: The requester's own words (a quoted request letter): "If answering would exceed the cost limit under
#: section 12, please tell me which part...". A section named there is not the body relying on it.
REQUESTER_VOICE = re.compile(
    r"^\W*(?:if|should|in the event that)\b|\bplease (?:tell|send|give) me\b|\banswer the (?:rest|remaining|remainder)|"
    r"\b(?:my|this) request\b[^.]{0,40}\bexceed|\bI would ask\b|\bsuggest how I\b|"
    r"\bplease (?:answer|prioriti[sz]e)\b|\ballows you to\b",
    _I,
)
#: First-person phrases that officers use too ("I understand you asked...; the information is withheld").
FIRST_PERSON = re.compile(r"\bI (?:understand|accept|appreciate|ask|note)\b", _I)
STRONG_RELIANCE = re.compile(r"withh[oe]ld|exempt|refused|refusing|refusal|rel(?:y|ies|ied|ying) (?:on|upon)|engaged|by virtue of", _I)
#: ...unless the body says it is relying on it in the same sentence.
BODY_RELIANCE = re.compile(
    r"\b(?:we|the (?:council|authority|force|trust|board|department|university|constabulary|service))\b[^.]{0,80}?"
    r"\b(?:refus|withh[oe]ld|(?:are|is|have|has) (?:rel|appl|engag|decid|estimat)|rel(?:y|ies|ying)|estimate|consider|decided|will not)|"
    r"\btherefore\b|\b(?:is|are) exempt\b|\bis engaged\b",
    _I,
)
#: The law stated in general, not applied: "Under section 12 a public authority is not obliged to comply with a
#: request where the cost would exceed the appropriate limit", "The cost limit for central government is £600".
GENERAL_LAW = re.compile(r"\ba public authority (?:is not obliged|does not have to|need not|is not required)\b", _I)
LIMIT_VALUE = re.compile(r"\b(?:cost|appropriate|fees?)\s+limit\s+(?:for [a-z ]{3,40} )?(?:is|of)\s+£\s?\d", _I)
#: "This would exceed the appropriate limit of £450" (a sentence a wrapped line cut before its "we"): applied.
APPLIED_COST = re.compile(r"\bthis would\b|\bwould (?:take|cost|exceed|require)\b|\bestimat", _I)
#: ... unless the same sentence applies it to this request.
APPLIED_HERE = re.compile(r"\b(?:we|I|us|your request|this request|the request|this part)\b|refus|therefore", _I)
#: A paragraph opening on re-use or copyright: sections named there ("published information is exempt under
#: section 21 where we direct you to it") are standard wording, not relied on for this reply.
REUSE_PARAGRAPH = re.compile(r"^\W*(?:re-?use(?: of information)?\b|copyright\b|open government licence\b)", _I)


#: Standard wording about any request, not this one: "Any information already published is exempt under
#: section 21 where we direct you to it", "we apply section 40(2) as standard".
GENERIC_WORDING = re.compile(
    r"^\W*any information\b|\bwhere we (?:direct|refer|point) you\b|\bas (?:standard|a matter of course)\b|"
    r"\bwhere (?:a |any )?third part(?:y|ies)(?:'s?)? personal (?:data|information) (?:appears|is included)\b",
    _I,
)


def general_statement(text: str) -> bool:
    """The law stated in general ("a public authority is not obliged ..."), not applied to this request."""
    if GENERIC_WORDING.search(text):
        return True
    if APPLIED_HERE.search(text):
        return False
    return bool(GENERAL_LAW.search(text)) or bool(LIMIT_VALUE.search(text) and not APPLIED_COST.search(text))


def _not_relied(text: str) -> bool:
    return bool(NOT_RELIED.search(text)) or general_statement(text)


def reuse_lines(units: list[Unit]) -> set[int]:
    """Lines whose first unit opens a re-use / copyright paragraph."""
    first: dict[int, Unit] = {}
    for unit in units:
        first.setdefault(unit.line, unit)
    return {line for line, unit in first.items() if REUSE_PARAGRAPH.search(unit.text)}


LIST_INTRO = re.compile(r"following (?:exemptions?|sections?|exceptions?|regulations?)|exemptions? (?:listed|below|apply)|:\s*$", _I)
IMPLICIT_COST = re.compile(r"exceed(?:s|ed|ing)? the (?:appropriate|cost|fees?) limit|appropriate limit|excessive cost|cost limit", _I)
IMPLICIT_MU = re.compile(r"manifestly unreasonable", _I)

#: Sections that are procedure, not grounds (never "relied on").
PROCEDURAL = {
    "FOIA": {"1", "2", "3", "5", "8", "9", "10", "11", "13", "16", "17", "19", "45", "46", "50", "53", "57", "77", "84"},
    "FOISA": {"1", "2", "8", "9", "10", "11", "15", "16", "19", "20", "21", "47", "60", "61", "65", "73"},
}
#: EIR regulations that are grounds; the rest (5, 7, 9, 11, 14...) are procedure.
EIR_GROUNDS = re.compile(r"^(?:12\(4\)|12\(5\)|13|10\(4\)|10\(5\)|11\(|12\(?$)")


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
    found: dict[str, Citation] = {}
    reuse = reuse_lines(units)
    for index, unit in enumerate(units):
        if unit.role not in {"answer", "header", "boilerplate"} or _not_relied(unit.text) or requester_voice(unit.text):
            continue
        if unit.line in reuse:
            continue
        relied = bool(RELIANCE.search(unit.text)) or _announced_above(units, index)
        if not relied:
            continue
        for citation in _citations(unit, law):
            found.setdefault(citation.label, citation)
    for citation in _implicit(units, law):
        found.setdefault(citation.label, citation)
    return [c for c in found.values() if not _set_aside(units, c, law)]


def overturns(units: list[Unit]) -> list[int]:
    """Indexes of answer units that set an earlier refusal aside (an internal review)."""
    return [i for i, u in enumerate(units) if u.role == "answer" and OVERTURN.search(u.text)]


def _set_aside(units: list[Unit], citation: Citation, law: str) -> bool:
    """A citation before a review that overturns it (the sections it names, or all when it names none)."""
    position = units.index(citation.unit)
    for index in overturns(units):
        if index <= position:
            continue
        named = {c.label for c in _citations(units[index], law)}
        if not named or citation.label in named:
            return True
    return False


def requester_voice(text: str) -> bool:
    """A conditional or first-person request sentence, not a statement by the body that it relies on a ground."""
    if REQUESTER_VOICE.search(text):
        return not BODY_RELIANCE.search(text)
    return bool(FIRST_PERSON.search(text)) and not STRONG_RELIANCE.search(text)


def _announced_above(units: list[Unit], index: int) -> bool:
    """A list line under 'we rely on the following exemptions:' (up to four units below)."""
    above = [u for u in units[max(0, index - 8) : index] if u.role != "nav"][-4:]  # page footers are skipped
    for unit in reversed(above):
        if unit.role in {"question", "thread"}:
            return False
        if RELIANCE.search(unit.text) and LIST_INTRO.search(unit.text):
            return True
    return False


def _citations(unit: Unit, law: str) -> list[Citation]:
    text = unit.text
    sentence_law = "FOISA" if SCOTTISH.search(text) else ("FOIA" if re.search(r"\bFOIA\b|Act 2000", text) else law)
    out = []
    for match in SECTION_CITE.finditer(text):
        if RANGE.match(text, match.start(1)):
            continue
        if EIR_HINT.search(text[match.end() : match.end() + 50]) and not re.search(r"section", match.group(0), _I):
            continue
        for number in _numbers(match.group(1)):
            if number not in PROCEDURAL[sentence_law]:
                out.append(_make(unit, match, f"{sentence_law} s{number}", "section cited with reliance wording"))
    for match in list(REG_CITE.finditer(text)) + list(BARE_EIR_CITE.finditer(text)):
        for reg in _regs(match.group(0)):
            if EIR_GROUNDS.match(reg):
                out.append(_make(unit, match, f"EIR reg {reg}", "regulation cited with reliance wording"))
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
            out.append(Citation(label, unit, unit.start + cost.start(), unit.start + cost.end(), "cost limit named"))
        mu = IMPLICIT_MU.search(unit.text)
        if mu:
            out.append(Citation("EIR reg 12(4)(b)", unit, unit.start + mu.start(), unit.start + mu.end(), "manifestly unreasonable"))
    return out
