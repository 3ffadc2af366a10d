"""Where a maker's mention sits in the reply's layout: the header cell above it, a make column,
a "Manufacturer: / Quantity:" block, list items under its line. Layout that makes a mention a plain
statement of use ("structured"), read by answers/makers.py before it weighs the words."""

from __future__ import annotations

import re

from cctv_audit.answers.lexicon import MakerHit, bare_names
from cctv_audit.answers.mentions import MentionStatus
from cctv_audit.answers.pairing import question_text
from cctv_audit.answers.rules import cue
from cctv_audit.answers.segment import items_under, table_heading
from cctv_audit.answers.table_kinds import table_start
from cctv_audit.answers.units import Unit

#: Words that say the devices carry cameras (drones included: a police drone is a flying camera).
CAMERA_WORDS = cue("makers.camera_words")
MAKE_QUESTION = cue("makers.make_question")
LIST_ITEM = cue("makers.list_item")

_NUMBER_CELL = cue("makers.number_cell")

#: "the council has no responsibility for them": someone else's kit, not a statement that none are used.
DISOWNED = cue("makers.disowned")
#: "Leeds University Union cameras - NOT University equipment": a table of someone else's kit.
DISOWNED_TABLE = cue("makers.disowned_table")
#: "The cameras bought with these grants belong to the organisations that received them, not to the PCC."
DISOWNED_LEAD = cue("makers.disowned_lead")


def disowned(units: list[Unit], unit: Unit) -> bool:
    """The unit, or the heading of the table it is a row of, says the kit is not the body's."""
    if DISOWNED.search(unit.text):
        return True
    heading = table_heading(units, unit)
    if heading is not None and DISOWNED_TABLE.search(heading.text):
        return True
    return any(DISOWNED_LEAD.search(u.text) for u in _lead_in(units, unit))


def _lead_in(units: list[Unit], unit: Unit) -> list[Unit]:
    """The few sentences of the paragraph just above the table a row belongs to, and the note right under
    it ("The cameras purchased with these grants are owned ... by the recipient councils"); none for other units."""
    if unit.cells is None:
        return []
    index = table_start(units, units.index(unit))
    end = index
    while end < len(units) and units[end].cells is not None:
        end += 1
    around = units[max(0, index - 3) : index] + units[end : end + 1]
    return [u for u in around if u.role == "answer"]


PAST_HEADER = cue("makers.past_header")
#: "Supplier | Camera manufacturer | Number": the supplier column names companies, not camera makers.
SUPPLIER_HEADER = cue("makers.supplier_header")
MAKE_WORDS = cue("makers.make_words")
#: "Part | Information requested | Original decision": a column quoting the request.
REQUEST_HEADER = cue("makers.request_header")


def header_verdict(
    units: list[Unit], unit: Unit, hit: MakerHit
) -> tuple[MentionStatus, bool, str] | None:
    """What the column header above a mention, or the heading of its table, says of it: the request quoted
    there, past kit (previous/decommissioned), or suppliers; None when it says nothing."""
    header, above = column_header(units, unit, hit), table_heading(units, unit)
    if header is not None and REQUEST_HEADER.search(header):
        return "skip", False, "in a table column quoting the request"
    heading = above.text if above is not None and not REQUEST_HEADER.search(above.text) else ""
    if any(PAST_HEADER.search(h) for h in (header or "", heading)):
        return "past", True, "in a table column or sheet headed previous/former/replaced"
    if header is not None and SUPPLIER_HEADER.search(header) and not MAKE_WORDS.search(header):
        return "skip", False, "in a table column of suppliers or installers, not makers"
    return None


def is_header_row(row: Unit) -> bool:
    """A row of column names: no maker and no number ('Subtotal (leisure) | | 13' is a row of figures)."""
    return not row.hits and not any(_NUMBER_CELL.match(cell) for cell in row.cells or [])


def column_header(units: list[Unit], unit: Unit, hit: MakerHit) -> str | None:
    """The header cell above the mention's cell ('Site | Previous | Current' over 'Depot | Hikvision | Axis':
    'Previous' for Hikvision), or None when the mention is not in a table."""
    if unit.cells is None:
        return None
    column = cell_index(unit, hit)
    index = units.index(unit)
    for above in reversed(units[max(0, index - 40) : index]):
        if above.role == "nav":  # a page footer where the table breaks across pages
            continue
        if above.cells is None:
            return None
        if is_header_row(above):
            return above.cells[column] if column is not None and column < len(above.cells) else None
    return None


def cell_index(unit: Unit, hit: MakerHit) -> int | None:
    offset = hit.start - unit.start
    return unit.text[:offset].count("|") if offset >= 0 else None


#: A label and its value: "Manufacturer: Hikvision", "Camera make - Bosch", "2. Brand: Axis".
MAKE_LABEL = cue("makers.make_label")


def block_of(units: list[Unit], unit: Unit, reach: int = 3) -> list[Unit]:
    """The unit and its answer neighbours on the same or adjoining lines (no blank line between): a label/value block."""
    index = units.index(unit)
    out = [unit]
    for step in (-1, 1):
        j, line = index + step, unit.line
        while 0 <= j < len(units) and abs(j - index) <= reach:
            other = units[j]
            if other.role != "answer" or abs(other.line - line) > 1:
                break
            out.append(other)
            line = other.line
            j += step
    return out


KEY_VALUE_LINE = cue("makers.key_value_line")


def label_value_block(units: list[Unit], unit: Unit) -> bool:
    """'Manufacturer: Hikvision' with another label/value line beside it ('Number of cameras: 27', 'Model: ...').

    A lone 'CCTV manufacturers - Hikvision and Dahua' is a heading, not an answer."""
    if not MAKE_LABEL.match(unit.text) or len(unit.text) > 80:
        return False
    return any(KEY_VALUE_LINE.match(u.text) for u in block_of(units, unit) if u is not unit)


MAKE_HEADER = cue("makers.make_header")


SHEET_HEADING = cue("makers.sheet_heading")


def under_make_header(units: list[Unit], unit: Unit) -> bool:
    """The nearest row above without makers (the header) has a Make/Manufacturer/Brand column."""
    index = units.index(unit)
    for above in reversed(units[max(0, index - 40) : index]):
        if above.role == "nav":
            continue
        if above.cells is None:
            return False
        if is_header_row(above):
            return any(MAKE_HEADER.match(cell) for cell in above.cells)
    return False


def heads_counted_items(units: list[Unit], unit: Unit, unit_hits: list[MakerHit]) -> bool:
    """A line naming one maker over list items that count cameras: the maker's cameras, itemised."""
    if len({h.name for h in unit_hits}) != 1:
        return False
    items = items_under(units, unit)
    return bool(items) and all(
        CAMERA_WORDS.search(i.text) and re.search(r"\d", i.text) and not i.hits for i in items
    )


def is_structured(units: list[Unit], unit: Unit, unit_hits: list[MakerHit]) -> bool:
    """Table rows, short list lines and answers to a 'which make?' question state use plainly."""
    if unit.cells is not None:
        return True
    if unit.question is not None and MAKE_QUESTION.search(question_text(units, unit.question)):
        return True
    if label_value_block(units, unit):
        return True  # "Manufacturer: Axis" / "Quantity: 14": a label and its value, among other label lines
    if heads_counted_items(units, unit, unit_hits):
        return True  # "Avigilon" over "- fixed cameras at the Service Headquarters: 10"
    words = re.findall(r"[A-Za-z0-9]+", unit.text)
    if not unit.line_start or len(words) > 8 or unit.text.rstrip().endswith(":"):
        return False
    # A short line is a list item only with a bullet, a label, a number, or a list introduced above;
    # a bare heading such as "Hikvision and Dahua" is not a statement of use.
    index = units.index(unit)
    above = units[index - 1] if index else None
    introduced = (
        above is not None
        and above.role == "answer"
        and (above.text.rstrip().endswith(":") or above.list_item)
    )
    listed = (
        bool(LIST_ITEM.match(unit.text)) or bool(re.search(r"\d", unit.text)) or bool(introduced)
    )
    unit.list_item = listed
    return listed


_NEGATION = cue("makers.negation")


def own_cell(text: str, position: int) -> str:
    """The cell of a flattened row ("a | b | c") that holds ``position``."""
    start = text.rfind("|", 0, position) + 1
    end = text.find("|", position)
    return text[start : len(text) if end < 0 else end]


def negated_in_another_cell(text: str, position: int) -> bool:
    """A row's negation sits only in wordy cells other than the maker's ("Penryn (FX Plus: not University)",
    "* Network Rail (mainline station) - not Nexus"), not in the maker's own cell nor in a short Yes/No
    or count cell ("Hikvision | No", "Dahua | None")."""
    if "|" not in text:
        return False
    own = own_cell(text, position)
    if _NEGATION.search(own):
        return False
    start = text.rfind("|", 0, position) + 1
    end = start + len(own)
    others = [c for c in (text[:start].split("|") + text[end:].split("|")) if _NEGATION.search(c)]
    return bool(others) and all(len(cell.split()) > 2 for cell in others)


def negation_not_about(text: str, start: int, end: int) -> bool:
    """The clause's negation is not about the maker at text[start:end]: the row's only negations are
    category columns ("Other / not recorded")."""
    return _negated_only_in_category_cells(text, start)


def _negated_only_in_category_cells(text: str, position: int) -> bool:
    """'Campus | Axis | Hanwha | Other / not recorded | Total' negates nothing about Axis."""
    if "|" not in text or _NEGATION.search(own_cell(text, position)):
        return False
    negated = [c for c in text.split("|") if _NEGATION.search(c)]
    return bool(negated) and all(_CATEGORY_CELL.fullmatch(c.strip()) for c in negated)


_CATEGORY_CELL = cue("makers.category_cell")


def zero_row_with_figures(text: str, position: int) -> bool:
    """'Bosch | 0 | 0 | 2 | 2': a zero in the first figure cell of a row with other, non-zero figures."""
    if "|" not in text:
        return False
    cells = text[position:].split("|")[1:]
    return any(re.fullmatch(r"\s*0*[1-9][\d,]*\s*", cell) for cell in cells)


_NUMBERED_NAME = cue("makers.numbered_name")


def section_heading(
    units: list[Unit], index: int, unit_hits: list[MakerHit], hits: list[MakerHit]
) -> bool:
    """'3. Hikvision' alone on its line, over a paragraph naming the same maker: the heading of that
    paragraph, which says what the body uses or not; the heading itself says nothing."""
    unit = units[index]
    names = heading_names(unit, unit_hits)
    # the next line or paragraph, or the one after a bare "Yes." under the heading
    below = [u for u in units[index + 1 :] if u.role != "nav"][:2]
    below = [u for u in below if u.line <= unit.line + 4]
    return any(b.start <= h.start < b.end and h.name in names for b in below for h in hits)


def heading_names(unit: Unit, unit_hits: list[MakerHit]) -> set[str]:
    """The makers of a numbered heading made only of their names ("3. Hikvision and Dahua"), else none."""
    match = _NUMBERED_NAME.fullmatch(unit.text)
    if match is None or not unit_hits:
        return set()
    rest = match.group("name")
    for hit in unit_hits:  # nothing but the names and their joins
        rest = rest.replace(hit.text, " ")
    return {h.name for h in unit_hits} if _NAME_JOINS.fullmatch(rest) else set()


def maker_heading_above(units: list[Unit], unit: Unit, hits: list[MakerHit]) -> set[str]:
    """The makers of a heading made only of their names right above the unit ("2. Dahua" over "No.")."""
    index = units.index(unit)
    above = units[index - 1] if index > 0 else None
    if above is None or above.role != "answer" or above.line < unit.line - 2:
        return set()
    return heading_names(above, [h for h in hits if above.start <= h.start < above.end])


_NAME_JOINS = cue("makers.name_joins")


def answers_to_camera_questions(
    text: str, units: list[Unit], hits: list[MakerHit]
) -> list[MakerHit]:
    """Bare names ('We use Axis.', '40 are Axis') in answers whose question is about cameras, or about
    makers ("Please break this down by manufacturer") in a request about cameras."""
    extra: list[MakerHit] = []
    about_cameras = any(u.role == "question" and CAMERA_WORDS.search(u.text) for u in units)
    for unit in units:
        asked = unit.question is not None and question_text(units, unit.question)
        if unit.role != "answer" or unit.start < 0 or not asked:
            continue
        if CAMERA_WORDS.search(asked) or (about_cameras and MAKE_QUESTION.search(asked)):
            extra += bare_names(text, unit.start, unit.end, hits + extra)
    return extra
