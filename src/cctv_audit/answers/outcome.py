"""The outcome of a reply from its decisive sentences.

Each answer unit is tagged with the signals it carries: *substantive* (a
maker, a count, a Yes/No, a short answer to a numbered question), *refusal*
(an exemption relied on, "withheld", "exempt"), *not held*, *NCND*, *partial*
("some of the information"), *pointer* ("please see table 1") or
*procedural* (acknowledgement, clarification, fee notice). The rules:

1. NCND without substance -> neither_confirm_nor_deny;
2. procedural only -> other;
3. refusal: with substance -> partially_disclosed, else refused;
4. not held: with substance or a pointer -> partially_disclosed, else not_held;
5. substance -> disclosed (partially_disclosed when the body says "some of");
6. nothing decisive -> other, flagged for review.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cctv_audit.answers.exemptions import Citation, general_statement, overturns, requester_voice, reuse_lines
from cctv_audit.answers.numbers import CAMERA_CONTEXT
from cctv_audit.answers.schema import Outcome
from cctv_audit.answers.segment import Unit, question_text

_I = re.IGNORECASE
REFUSAL = re.compile(
    r"withh[eo]ld|exempt from disclosure|(?:is|are|remains?) exempt|refus(?:ed|ing|al)|"
    # "refuse" the verb, not household refuse: "refuse collection vehicles", "the refuse depot".
    r"\brefuse\b(?!\s+(?:collection|vehicles?|lorr(?:y|ies)|trucks?|freighters?|wagons?|fleet|bins?|sacks?|crews?|teams?|depots?|and recycling|disposal|services?|rounds?)\b)|"
    r"(?:will|shall|can)(?: ?not|not) (?:be )?(?:disclos|provid|releas)|not (?:be )?(?:disclosed|released)|"
    r"unable to (?:provide|disclose|release|supply)|declin(?:e|ed|ing) to (?:provide|disclose|release|confirm|answer)|"
    r"not in the public interest|rely (?:on|upon)|"
    r"exceed(?:s|ed|ing)? the (?:appropriate|cost)|manifestly unreasonable|vexatious",
    _I,
)
NOT_REFUSAL = re.compile(
    r"no (?:information|part)[^.]{0,30}(?:withheld|refused|exempt)|nothing (?:has been )?withheld|"
    r"(?:have|has|had) not (?:withheld|refused)\b|(?:has|have) not been (?:withheld|refused)|without withholding",
    _I,
)
NOT_HELD = re.compile(
    r"\bnot held\b|do(?:es)? not hold (?:any |the |this |that |such |a |an )?(?:recorded |central |complete |single |specific )?(?:information|data|records?|details|"
    r"list|register|breakdown|record|figures|documents?)|holds? no (?:recorded )?(?:information|data|records?|details)|"
    r"(?:have|has|is|there is) no (?:recorded |held )?(?:information|data|records?|details) (?:on|about|of|regarding|relating to|concerning|as to)\b|"
    r"no (?:recorded )?information (?:is |was )?held|(?:information|data|details)(?: [\w ]{0,40})? (?:is|are|was) not (?:held|recorded|available)|"
    # "does not record the make" is not held; "the intercom does not record and is not part of" is about a device.
    r"(?:does|do) not (?:record|keep|retain|collect|maintain)(?!\s+(?:and|or|footage|video|images?|audio|sound|continuously|24)\b|\s*[,.;])|"
    r"not (?:recorded|collected|retained) (?:by|centrally)|no (?:such )?records? (?:exist|are held|is held)|"
    r"is held by (?:the|a|our) (?:contractor|landlord|police|third)|notice that (?:the )?information is not held",
    _I,
)
#: NCND added for "any other information" beside an answer: it leaves the answer's outcome as it is.
NCND_BLANKET = re.compile(
    r"\b(?:any (?:other|further|additional)|other) (?:relevant )?information\b|\bin addition to (?:the|this) (?:above )?(?:response|information)",
    _I,
)
NCND = re.compile(r"neither confirm(?:s|ing)? nor den(?:y|ies|ying)|\bncnd\b|confirm or deny whether|confirming or denying", _I)
PARTIAL = re.compile(
    # "the first part of your request" names a part of the request, it does not say some was withheld
    r"(?<!first )(?<!second )(?<!third )(?<!fourth )(?<!final )(?<!last )(?<!each )(?<!other )"
    r"\b(?:some|part|parts|certain) (?:of )?(?:the |that |this |your )?(?:relevant )?(?:information|request|questions?|data)|"
    r"partial(?:ly)?|in part\b|remainder of (?:the|your) request|"
    # a disclosure log's own outcome line: "Part Disclosure with Section 24 ... Exemptions"
    r"\bpart[- ]disclos(?:ure|ed)\b",
    _I,
)
POINTER = re.compile(
    r"please (?:see|find|refer to) (?:the |our )?(?:attached|enclosed|table|appendix|spreadsheet|annex|list)|"
    r"see (?:the )?(?:table|attached|enclosed|appendix|spreadsheet|annex)|(?:have|has) (?:provided|supplied|enclosed|attached)|"
    r"attached (?:is|are|to this)|is attached|are attached|enclosed (?:is|are)|is enclosed|set out (?:below|in the)|"
    r"(?:has|have) been (?:provided|supplied|enclosed|attached|released|disclosed) (?:in|on|with|within|as) (?:the |an? )?(?:attached|enclosed|spreadsheet|table|document|annex|appendix|schedule)|"
    r"(?:provided|supplied|released|set out|listed|given) in the (?:attached|enclosed) (?:spreadsheet|document|file|table|list|schedule|letter|pdf)",
    _I,
)
PROCEDURAL = re.compile(
    r"acknowledg|receipt of your|we (?:have )?received your|has been received|will respond|aim to respond|respond to you|"
    r"respond (?:by|within|no later)|being processed|(?:has|have) been logged|will be in touch|within 20 working days|"
    r"clarif|more specific|narrow (?:down )?(?:your|the)|rephrase|need (?:more|further) (?:information|detail)|"
    r"fees? notice|fee of|payment of £|charge of £|pay the fee|incur a (?:charge|fee)|charge for|extend(?:ed|ing)? the (?:time|deadline)|public interest test.{0,40}(?:extend|more time)",
    _I,
)
#: A time-extension letter: the exemptions it names are being considered, none is applied yet.
EXTENSION = re.compile(
    r"\bextend(?:s|ed|ing)? the (?:time|deadline|period)|\bextension of (?:the )?time\b|\bsection 10\(3\)|\bregulation 7\(1\)|"
    r"\bnot a refusal of your request\b|\bno decision has (?:yet )?been (?:reached|made|taken)\b|"
    r"\b(?:considering|consider) (?:the application of|whether) (?:the following |any |an? )?(?:exemptions?|exceptions?)\b|"
    r"\bconsidering whether the public interest\b|\b(?:additional|further|more) time to consider the public interest\b",
    _I,
)
SUBSTANTIVE = re.compile(
    r"\b(?:we|the council|the force|the authority|the trust|the board|the university|the department|our \w+)"
    r"(?: (?:currently|only|also|still|do|does|did))?(?: not|n't)? (?:use|uses|have|has|operate|operates|own|owns|employ|deploy)"
    r"\s+(?:[\w-]+\s+){0,3}?(?:cameras?|cctv|body|bodycams?|\d+|no|any|a total|none)\b|"
    r"\bthere (?:are|is|were) (?:no\b|\d|none)|\bcameras? (?:are|is|were)\b|\b(?:are|is) (?:used|kept|stored|held on|retained)\b",
    _I,
)
NOT_AN_ANSWER = re.compile(
    r"\b(?:your (?:request|email|letter)|regulations?|act|section|handled|considered|dealt with|ref(?:erence)?|thank|"
    r"dear|sincerely|regards|as follows|below)\b",
    _I,
)
SUPPLIED_BY = re.compile(
    r"\b(?:supplied|installed|maintained|provided|operated|serviced)(?:,? (?:and )?(?:supplied|installed|maintained|provided|operated|serviced))* by\b", _I
)
SUPPLIER_QUESTION = re.compile(r"\bsuppl(?:ier|iers|ies|y)\b|\binstall(?:er|ers|s|ed)\b|\bmaintain|\bcontractors?\b|\bwho provides\b", _I)
HYPOTHETICAL = re.compile(r"\b(?:could|would|might|if)\b|disclos", _I)
YES_NO = re.compile(r"^\W*(?:(?:\(?[a-z0-9]{1,3}[.)]|q\d+[.:]?|a\d*[.:])\s*)?(?:yes|no|none|nil)\b", _I)
#: "The Council does not hold a list of makes for cameras owned by third parties": not held about someone
#: else's cameras, beside an answer about the body's own, is a note, not part of the outcome.
OTHERS_SCOPE = re.compile(
    r"\b(?:owned|operated|run|installed|managed) by (?:third parties|other (?:organisations|bodies|owners|operators)|"
    r"private (?:businesses|companies|owners|operators|individuals)|others)\b|\bthird[- ]part(?:y|ies)(?:'s?)? (?:cameras?|cctv|systems?)\b|"
    r"\b(?:police|privately|partner|landlord|tenant|school|retailer)[- ]owned (?:cameras?|cctv|systems?|equipment)\b|"
    r"\b(?:cameras?|cctv|systems?) (?:owned|operated|run|installed|managed) by (?:the police|police scotland|[A-Z][\w ]{2,40} police)\b|"
    # "does not hold a list in the form described": the information is given in another form
    r"\bin the (?:form|format) (?:described|requested|you (?:describe|requested|asked for))\b",
    _I,
)
NOT_HELD_GROUNDS = re.compile(r"^FOISA s17$|^EIR reg (?:12\(4\)\(a\)|10\(4\)\(a\))$")


@dataclass
class Signals:
    """What the answer units say, with one example unit per signal for evidence."""

    found: dict[str, Unit] = field(default_factory=dict)

    def add(self, name: str, unit: Unit) -> None:
        self.found.setdefault(name, unit)

    def __contains__(self, name: str) -> bool:
        return name in self.found


def gather_signals(units: list[Unit], citations: list[Citation], substantive_units: set[int]) -> Signals:
    """Tag answer units with the signals above; ``substantive_units`` holds units with makers or counts."""
    signals = Signals()
    # A refusal that a later internal review overturned is not the outcome.
    reviewed = max(overturns(units) + _review_disclosures(units), default=-1)
    ncnd_units = [i for i, u in enumerate(units) if u.role in {"answer", "header"} and NCND.search(u.text)]
    position = {id(u): i for i, u in enumerate(units)}
    for citation in citations:
        if position.get(id(citation.unit), -1) < reviewed:
            continue
        if NOT_HELD_GROUNDS.match(citation.label):
            signals.add("not_held", citation.unit)
        elif _grounds_of_ncnd(position.get(id(citation.unit), -1), ncnd_units):
            # "can neither confirm nor deny ... by virtue of: Section 24(2), Section 31(3)": the grounds of the
            # NCND, not a second, withholding, answer
            signals.add("ncnd_grounds", citation.unit)
        else:
            signals.add("refusal", citation.unit)
    unasked = _breakdown_not_asked(units)
    reuse = reuse_lines(units)
    for index, unit in enumerate(units):
        if unit.role not in {"answer", "header"}:
            continue
        # a re-use / copyright paragraph's "exempt under section 21 where ..." is standard wording, not a refusal
        refusals = index > reviewed and unit.line not in reuse
        _tag(signals, units, index, unit, substantive_units, refusals=refusals, unasked_breakdown=unasked)
    return signals


#: An internal review that releases what was withheld: "I am not persuaded that section 31 is engaged",
#: "Information now disclosed". Refusals before it are history, not the outcome.
REVIEW_DISCLOSES = re.compile(
    r"\bnot persuaded that\b.{0,80}\b(?:is|was|are|were) engaged\b|\b(?:is|was|are|were) not engaged\b|"
    r"^information (?:now )?(?:disclosed|released)(?: following (?:the )?review)?\s*:?\s*$|\bis now (?:disclosed|released|provided)\b",
    _I,
)


def _review_disclosures(units: list[Unit]) -> list[int]:
    return [i for i, u in enumerate(units) if u.role in {"answer", "header"} and REVIEW_DISCLOSES.search(u.text)]


def _grounds_of_ncnd(index: int, ncnd_units: list[int]) -> bool:
    """The citation is in an NCND sentence or in the few lines listing its grounds right after it."""
    return any(0 <= index - n <= NCND_GROUNDS_LINES for n in ncnd_units)


#: How many units after an NCND sentence may list its grounds ("Section 24(2) - National Security").
NCND_GROUNDS_LINES = 4

#: "We do not keep a breakdown by manufacturer": a finer split than the figures given.
BREAKDOWN = re.compile(r"\b(?:breakdown|broken down|split)\b", _I)
BREAKDOWN_ASKED = re.compile(
    r"\beach\b|\bper\b|\bbreakdown\b|\bbroken down\b|\bsplit\b|\bby (?:make|manufacturer|brand|site|location|type|model)\b|"
    r"\bfor every\b|\bof which\b",
    _I,
)


def _breakdown_not_asked(units: list[Unit]) -> bool:
    """The quoted request is there and asks for no breakdown (nothing 'per make', 'for each site', and no
    count of a named maker): a breakdown the body does not keep is not part of the request."""
    questions = [u for u in units if u.role == "question"]
    if not questions or any(BREAKDOWN_ASKED.search(u.text) for u in questions):
        return False
    return not any(u.extra.get("hits") and re.search(r"how many|number of", u.text, _I) for u in questions)


def _tag(
    signals: Signals, units: list[Unit], index: int, unit: Unit, substantive_units: set[int], refusals: bool = True,
    unasked_breakdown: bool = False,
) -> None:
    text = unit.text
    if NCND.search(text) and refusals:
        signals.add("ncnd_blanket" if NCND_BLANKET.search(text) else "ncnd", unit)
    held_match = NOT_HELD.search(text)
    not_held = held_match is not None and not (unasked_breakdown and BREAKDOWN.search(text)) and not NOT_HELD_NOTE.search(text)
    if held_match is not None and not_held and (OTHERS_SCOPE.search(text) or _not_held_about_a_maker(unit, held_match)):
        # "does not hold any record of Dahua cameras": a note about one maker beside the answer, not a part not held
        signals.add("not_held_others", unit)
    elif not_held:
        signals.add("not_held", unit)
    elif refusals and not NCND.search(text) and REFUSAL.search(text) and not NOT_REFUSAL.search(text) and not requester_voice(text) and not general_statement(text):
        signals.add("refusal", unit)
    if unit.role != "answer":
        return
    if PARTIAL.search(text):
        signals.add("partial", unit)
    if EXTENSION.search(text):
        signals.add("extension", unit)
    procedural = PROCEDURAL.search(text)
    if POINTER.search(text) and not procedural:
        # "Please find attached our response": the answer is the attached letter, which may as well refuse
        signals.add("cover_pointer" if COVERING_POINTER.search(text) else "pointer", unit)
    if procedural:
        signals.add("procedural", unit)
    if index in substantive_units or _is_data(unit) or _names_supplier(units, unit):
        signals.add("data", unit)
        signals.add("substantive", unit)
    elif _is_substantive(unit):
        signals.add("substantive", unit)


def _is_data(unit: Unit) -> bool:
    """Yes/No answers and table rows: information given, whatever else the reply withholds."""
    text = unit.text
    if REFUSAL.search(text) or NOT_HELD.search(text) or NCND.search(text) or PROCEDURAL.search(text):
        return False
    return bool(BARE_YES_NO.match(text)) or (unit.cells is not None and len([c for c in unit.cells if c]) >= 2)


def _names_supplier(units: list[Unit], unit: Unit) -> bool:
    """'supplied and maintained by X Ltd' answering 'who is the supplier?': information given."""
    text = unit.text
    if unit.question is None or not SUPPLIED_BY.search(text):
        return False
    if REFUSAL.search(text) or NOT_HELD.search(text) or NCND.search(text) or PROCEDURAL.search(text):
        return False
    return bool(SUPPLIER_QUESTION.search(question_text(units, unit.question)))


def _is_substantive(unit: Unit) -> bool:
    text = unit.text
    if REFUSAL.search(text) or NOT_HELD.search(text) or NCND.search(text) or PROCEDURAL.search(text):
        return False
    if HOLDS_CONFIRMATION.search(text) or NO_RECORD.search(text):
        return False
    if YES_NO.match(text):
        return True
    if SUBSTANTIVE.search(text) and not HYPOTHETICAL.search(text) and (unit.question is not None or CAMERA_CONTEXT.search(text)):
        return True
    if unit.cells is not None and len([c for c in unit.cells if c]) >= 2:
        return True
    short = len(re.findall(r"\w+", text)) <= 14 and not re.fullmatch(r"\W*(?:n/?a|not applicable)\W*", text, _I)
    return unit.extra.get("pair") in {"label", "next"} and short and not NOT_AN_ANSWER.search(text) and not MAIL_FURNITURE.search(text)


def _not_held_about_a_maker(unit: Unit, match: re.Match[str]) -> bool:
    """'does not hold any record of Dahua cameras': the maker is what is not held (within a few words)."""
    end = unit.start + match.end()
    return any(0 <= h.start - end <= 30 for h in unit.extra.get("hits", []))


#: A Yes/No answer on its own ("1. No.", "Yes, ..."), not a sentence that starts with the word ("No decision has been
#: made").
BARE_YES_NO = re.compile(YES_NO.pattern + r"(?=\s*(?:[.,;:!)\-–]|$))", YES_NO.flags)
#: "The council holds the information you requested": that it is held, not what it is.
HOLDS_CONFIRMATION = re.compile(
    r"\b(?:holds?|has|have) (?:the |this |some |relevant )?(?:recorded )?information (?:you (?:have )?(?:requested|asked for|seek)|"
    r"relevant to|falling within|within the scope|in scope)\b|\bconfirm (?:that )?(?:the [\w ]{2,40} )?holds?\b|"
    r"^\W*(?:[\w ]{1,40}(?:response|reply|answer)|we said)\s*:?\s*$",
    _I,
)
#: "There is no central record of manufacturers": nothing given (a not-held reason, not an answer).
NO_RECORD = re.compile(r"\bno (?:central |single |complete |recorded |accurate )?(?:record|register|list|database|inventory|log)s?\b", _I)
#: "Please find attached the Trust's response", "the rationale is set out below": the letter itself, not data.
COVERING_POINTER = re.compile(
    r"\b(?:attached|enclosed)\b.{0,40}\b(?:response|reply|decision|letter|notice|outcome)\b|"
    r"\b(?:rationale|reasons?|explanation|reasoning|public interest test)\b.{0,40}\bset out below\b",
    _I,
)


#: "An exact figure is not held" beside an approximate one: the figure is given, only not exactly.
NOT_HELD_NOTE = re.compile(
    r"\b(?:an? )?(?:exact|precise|accurate|definitive) (?:figure|number|count|total)s? (?:is|are) not (?:held|recorded|available)\b|"
    r"\b(?:a |an )?(?:reliable|accurate|exact|precise) (?:count|figure|number|total)\b|\b(?:this|the) figure is an estimate\b",
    _I,
)
#: A mail system's lines: "Please do not reply to this email", "This mailbox is not monitored".
MAIL_FURNITURE = re.compile(r"\bdo not reply\b|\bmailbox is not monitored\b|\bunmonitored\b|\bautomated (?:message|e-?mail)\b", _I)


@dataclass(frozen=True)
class OutcomeRule:
    """One row of the outcome table: when every signal of ``when`` is present and none of ``unless``."""

    outcome: Outcome
    when: frozenset[str]
    unless: frozenset[str]
    rule: str
    confidence: float
    #: Signals that, present beside this row, point to another reading: the answer goes to review.
    contested_by: frozenset[str] = frozenset()


def _row(outcome: Outcome, when: str, unless: str, rule: str, confidence: float, contested_by: str = "") -> OutcomeRule:
    return OutcomeRule(outcome, frozenset(when.split()), frozenset(unless.split()), rule, confidence, frozenset(contested_by.split()))


#: The outcome table, first matching row wins. Signals: see the module docstring; ``ncnd_blanket`` is an NCND
#: for "any other information" beside an answer, ``ncnd_grounds`` the sections an NCND is given under.
OUTCOME_RULES: tuple[OutcomeRule, ...] = (
    _row("other", "extension", "data", "a time-extension letter: exemptions considered, none applied yet", 0.85,
         contested_by="substantive pointer"),
    _row("neither_confirm_nor_deny", "ncnd", "data pointer", "NCND wording and nothing disclosed", 0.9,
         contested_by="not_held substantive partial"),
    _row("other", "procedural", "substantive refusal not_held pointer ncnd ncnd_blanket",
         "acknowledgement, clarification or fee notice only", 0.85),
    _row("partially_disclosed", "refusal data", "", "information disclosed and some withheld", 0.8),
    _row("partially_disclosed", "refusal partial", "", "the body says some of the information is withheld", 0.75),
    _row("refused", "refusal", "", "withheld under an exemption or refusal ground", 0.9, contested_by="substantive pointer"),
    _row("partially_disclosed", "not_held data", "", "some information given, some not held", 0.75),
    _row("partially_disclosed", "not_held pointer", "", "some information given, some not held", 0.75),
    _row("not_held", "not_held", "", "the body says it does not hold the information", 0.9, contested_by="substantive partial"),
    _row("partially_disclosed", "ncnd", "", "information disclosed, and NCND for part", 0.7),
    _row("neither_confirm_nor_deny", "ncnd_blanket", "data pointer substantive",
         "NCND for any information and nothing else answered", 0.8),
    _row("partially_disclosed", "ncnd_blanket", "", "answers given, and NCND for any other information", 0.75),
    _row("not_held", "not_held_others", "substantive pointer",
         "the body holds nothing about the cameras (only others' cameras named)", 0.8),
    _row("partially_disclosed", "substantive partial", "", "the body says it holds some of the information", 0.75),
    _row("partially_disclosed", "pointer partial", "", "the body says it holds some of the information", 0.75),
    _row("disclosed", "substantive", "", "answers given", 0.85, contested_by="not_held_others"),
    _row("disclosed", "pointer", "", "answers given in an attachment or table", 0.85, contested_by="not_held_others"),
    _row("disclosed", "cover_pointer", "", "the answer is the attached letter", 0.7),
)
#: The outcome a signal points to on its own, for the readings put to a reviewer.
READS_AS: dict[str, Outcome] = {
    "substantive": "partially_disclosed", "pointer": "partially_disclosed", "partial": "partially_disclosed",
    "data": "partially_disclosed", "not_held": "not_held", "not_held_others": "not_held", "refusal": "refused",
    "ncnd": "neither_confirm_nor_deny", "ncnd_blanket": "neither_confirm_nor_deny", "procedural": "other",
    "cover_pointer": "disclosed",
}
UNDECIDED = _row("other", "", "", "no decisive sentence found", 0.4)


def decide_rule(signals: Signals) -> OutcomeRule:
    """The first row of :data:`OUTCOME_RULES` the signals satisfy (:data:`UNDECIDED` when none does)."""
    present = set(signals.found)
    for row in OUTCOME_RULES:
        if row.when <= present and not (row.unless & present):
            return row
    return UNDECIDED


def decide(signals: Signals) -> tuple[str, str, float]:
    """(outcome, rule, confidence) from the signals."""
    row = decide_rule(signals)
    return row.outcome, row.rule, row.confidence


def contested(signals: Signals, row: OutcomeRule) -> list[tuple[str, Unit]]:
    """The signals beside ``row`` that point to another reading, each with the unit that carries it."""
    return [(name, signals.found[name]) for name in sorted(row.contested_by) if name in signals]


def outcome_unit(signals: Signals, outcome: str) -> Unit | None:
    """The unit that best shows the outcome (for evidence)."""
    order = {
        "neither_confirm_nor_deny": ["ncnd", "ncnd_blanket"],
        "other": ["procedural"],
        "refused": ["refusal"],
        "not_held": ["not_held", "not_held_others"],
        "partially_disclosed": ["partial", "refusal", "not_held", "ncnd", "ncnd_blanket", "data", "substantive", "pointer"],
        "disclosed": ["substantive", "pointer"],
    }[outcome]
    for name in order:
        if name in signals:
            return signals.found[name]
    return None
