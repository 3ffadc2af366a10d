"""Cut a reply into units (sentences, list items, table rows) and say what each one is.

Every unit keeps its character span in the original text, so evidence quotes are
exact slices. Roles:

- ``question``: the request as the body quoted it (makers named here are nothing);
- ``answer``: what the body says;
- ``boilerplate``: rights, re-use licence, ICO/SIC, signatures (never evidence);
- ``header``: titles, subject and reference lines (read for the law, never for makers);
- ``nav``: cookie banners, site navigation, the ``SOURCE:`` line;
- ``thread``: an older e-mail quoted below the reply.
"""

from __future__ import annotations

from cctv_audit.answers import cues
from cctv_audit.answers.flat_tables import rebuild_cell_rows
from cctv_audit.answers.lines import (
    LIST_ITEM,
    NUMBER_LABEL,
    OPEN_ABBREVIATION,
    Line,
    join_wrapped,
    split_lines,
)
from cctv_audit.answers.pairing import pair_questions
from cctv_audit.answers.rules import cue
from cctv_audit.answers.sentences import line_units
from cctv_audit.answers.units import Unit
from cctv_audit.answers.wdtk import adopt_forwarded_reply, squash, thread_speakers

_LETTER_LABEL = cue("segment.letter_label")
_ROMAN_LABEL = cue("segment.roman_label")


def _mark_regions(lines: list[Line]) -> None:
    """Give each line a provisional role from region markers (nav, thread, request, answer)."""
    if lines and lines[0].text.startswith("SOURCE:"):
        lines[0].role = "nav"
    answer_marker_after = _answer_marker_lines(lines)
    has_marker = any(
        cues.is_request_marker(l.text.strip()) or cues.is_answer_marker(l.text.strip())
        for l in lines
    )
    # Lines above the first "You asked"/"Response" marker are page furniture; a plain letter has no marker.
    region = "preamble" if has_marker else "start"
    related = False  # inside a list of links to other requests ("Other requests like this")
    speakers = thread_speakers(lines)
    running = _running_lines(lines)
    quoted_thread = False  # the older message is quoted line by line with ">"
    for index, line in enumerate(lines):
        stripped = line.text.strip()
        if index in running:
            line.role = "nav"
            continue
        if index in speakers:
            region = _speaker_line(line, speakers[index], stripped, region, has_marker)
            continue
        if line.role == "nav" or not stripped:
            line.role = line.role or "blank"
            continue
        if cues.is_related_heading(stripped) or OTHER_REQUESTS_LINE.match(stripped):
            related = True
            line.role = "nav"
            continue
        if related and not cues.ends_related_block(stripped):
            line.role = "nav"
            continue
        related = False
        if region == "thread" and _ends_quoted_thread(stripped, quoted_thread):
            # The attachment's text (or the reply going on) after the quoted older message: the body's again.
            region, quoted_thread = "start", False
            if ATTACHMENT_LINE.match(stripped):
                line.role = "nav"
                continue
        if region == "thread" or cues.is_thread_marker(lines, index):
            if region != "thread":
                quoted_thread = stripped.startswith(">")
            region = "thread"
            line.role = "thread"
            continue
        marked = _marker_line(lines, index, stripped, region, answer_marker_after)
        if marked is not None:
            region = marked
            continue
        if cues.is_nav(stripped) and not _answers_question_above(lines, index):
            line.role = "nav"
            continue
        line.role = region
    _mark_quoted_after_lead(lines)


def _marker_line(
    lines: list[Line], index: int, stripped: str, region: str, answer_marker_after: list[int]
) -> str | None:
    """A request or answer marker ("You asked:", "Response", "Request: ..."): its role, and the region it opens
    (None when the line is no marker)."""
    line = lines[index]
    if cues.is_answer_marker(stripped):
        line.role = "answer" if _marker_with_content(stripped) else "marker"
        return "answer"
    if cues.is_request_marker(stripped):
        # A quoted request block only when the body later says "Response"/"We answered".
        opened = "request" if any(i > index for i in answer_marker_after) else "interleaved"
        line.role = opened if _marker_with_content(stripped) else "marker"
        return opened
    if cues.is_request_inline(stripped):
        # "Request: Please tell me..." is the request itself, whatever it looks like; the lines
        # under it are too when an answer label follows later.
        later = any(
            cues.is_answer_inline(l.text.strip()) or cues.is_answer_marker(l.text.strip())
            for l in lines[index + 1 :]
        )
        line.role = "request_line"
        return "request" if later else region
    if cues.is_answer_inline(stripped):
        line.role = "answer"
        return "answer"
    return None


#: "... in which you requested:" / "Your request read:" then the request in quotation marks on the next lines.
_QUOTE_LEAD = cue("segment.quote_lead")
_OPENING_QUOTE = cue("segment.opening_quote")
_CLOSING_QUOTE = cue("segment.closing_quote")


def _mark_quoted_after_lead(lines: list[Line]) -> None:
    """The quoted request after a lead-in ending in a colon is the request, never the body's answer."""
    for index, line in enumerate(lines):
        if line.role in {"nav", "thread", "blank"} or not _QUOTE_LEAD.search(line.text.strip()):
            continue
        following = [
            i for i in range(index + 1, min(len(lines), index + 40)) if lines[i].text.strip()
        ]
        if not following or not _OPENING_QUOTE.match(lines[following[0]].text.strip()):
            continue
        for i in following:
            lines[i].role = "request_line"
            if _CLOSING_QUOTE.search(lines[i].text.strip()):
                break


#: "Other requests about Hikvision: Hikvision CCTV in Trafford Council (successful) · ...": a site's listing.
OTHER_REQUESTS_LINE = cue("segment.other_requests_line")

#: "Attachment: FOI-2023-0456 Response.pdf": the attachment's text follows (the body's formal answer).
ATTACHMENT_LINE = cue("segment.attachment_line")


def _ends_quoted_thread(stripped: str, quoted_thread: bool) -> bool:
    """A '>'-quoted older message ends at the first line without '>'; any thread ends at an attachment line."""
    if ATTACHMENT_LINE.match(stripped):
        return True
    return quoted_thread and bool(stripped) and not stripped.startswith(">")


def _speaker_line(line: Line, role: str, stripped: str, region: str, has_marker: bool) -> str:
    """A WhatDoTheyKnow thread: the requester's own messages are the request, whatever they say ("Could you
    confirm whether any are Hikvision?", "the council uses Hikvision"), and annotations are anyone's comments;
    neither is ever the body's answer. Returns the region that follows."""
    if role == "body_start":
        line.role = "nav"
        return "answer" if has_marker else "start"
    if role in {"requester", "annotation"} and not stripped:
        line.role = "blank"
    else:
        line.role = "nav" if role == "annotation" else role
    return region


FIGURES_ONLY = cue("segment.figures_only")
NUMBER_LINE = cue("segment.number_line")


_PAGE_MARKER = cue("segment.page_marker")


def _running_lines(lines: list[Line]) -> set[int]:
    """Running headers and footers of a PDF: a line repeated next to two page markers ("Page 2 of 3"),
    or next to one and again at the top of the document, is page furniture (often the request's title,
    "FOI 2025/0088 - Hikvision and Dahua cameras"), never the reply."""
    markers = [i for i, line in enumerate(lines) if _PAGE_MARKER.match(line.text.strip())]
    if not markers:
        return set()
    places: dict[str, set[int]] = {}
    where: dict[str, list[int]] = {}
    windows = [(m, range(max(0, m - 4), min(len(lines), m + 5))) for m in markers] + [
        (-1, range(min(len(lines), 5)))
    ]
    for place, window in windows:
        for i in window:
            stripped = lines[i].text.strip()
            if (
                3 <= len(stripped) <= 120
                and not FIGURES_ONLY.fullmatch(stripped)
                and not _PAGE_MARKER.match(stripped)
            ):
                places.setdefault(stripped, set()).add(place)
                where.setdefault(stripped, []).append(i)
    out = set()
    for stripped, found in places.items():
        # Short cells ("Axis", "Civic Centre") may repeat near page breaks in a long table: not furniture alone.
        long_enough = len(stripped) >= 12 and " " in stripped
        if (
            long_enough
            and len(found) >= 2
            and len(set(where[stripped])) >= 2
            and any(p >= 0 for p in found)
        ):
            out.update(where[stripped])
    # The wrapped tail of a running header ("Freedom of Information response - FOI" / "25-0611"): a short line
    # repeated in the same windows, next to furniture at every occurrence.
    furniture = out | set(markers)
    for stripped, found in places.items():
        indexes = set(where[stripped])
        if (
            len(found) >= 2
            and len(indexes) >= 2
            and not indexes <= out
            and all(i - 1 in furniture or i + 1 in furniture for i in indexes)
        ):
            out.update(indexes)
    return out | set(markers)


def _answers_question_above(lines: list[Line], index: int) -> bool:
    """A bare number under a question ('How many cameras are there?' / '17') is its answer, not a page number."""
    if not NUMBER_LINE.fullmatch(lines[index].text.strip()):
        return False
    above = next((l.text.strip() for l in reversed(lines[:index]) if l.text.strip()), "")
    return above.endswith("?")


def _marker_with_content(line: str) -> bool:
    """'Answer: Neither Hikvision nor Dahua' opens a region and says something: keep the line."""
    head, sep, rest = line.partition(":")
    return bool(sep) and len(rest.strip()) > 3 and len(head) < 40


def _answer_marker_lines(lines: list[Line]) -> list[int]:
    return [i for i, line in enumerate(lines) if cues.is_answer_marker(line.text.strip())]


def segment(text: str, question: str | None = None) -> list[Unit]:
    """Units of ``text`` in order, with roles, list labels and question pairing.

    ``question`` is the request when it is known separately: its units come first, all with role
    ``question`` and negative offsets (``question_offset``), so they pair with "1. Yes" answers but can
    never be quoted as evidence from the reply."""
    lines = split_lines(text)
    _mark_regions(lines)
    adopt_forwarded_reply(lines)
    units: list[Unit] = []
    for line in rebuild_cell_rows(text, join_wrapped(text, lines)):
        if line.role in {"blank", "marker"}:
            continue
        units.extend(line_units(text, line))
    _assign_roles(units, lines)
    if question:
        _mark_quoted_request(units, question)
        units = _request_units(question) + units
    _assign_labels(units)
    pair_questions(units)
    return units


def _mark_quoted_request(units: list[Unit], question: str) -> None:
    """Sentences of the reply that repeat the supplied request word for word are the request quoted
    (a body answering under each question of the letter), whatever they look like."""
    request = squash(question)
    for unit in units:
        text = squash(unit.text)
        if unit.role in {"answer", "boilerplate", "header"} and len(text) >= 30 and text in request:
            unit.role = "question"


def question_offset(question: str) -> int:
    """Where the separately supplied request sits, before offset 0 of the reply."""
    return -(len(question) + 1)


def _request_units(question: str) -> list[Unit]:
    offset = question_offset(question)
    out = []
    for line in split_lines(question):
        if not line.text.strip():
            continue
        for unit in line_units(question, line):
            unit.start += offset
            unit.end += offset
            unit.line -= 100000
            unit.role = "question"
            out.append(unit)
    return out


def _assign_roles(units: list[Unit], lines: list[Line]) -> None:
    """Final role per unit: question-like text, boilerplate and region defaults."""
    previous: Unit | None = None
    for unit in units:
        region = unit.role
        if region in {"nav", "thread"}:
            previous = unit
            continue
        if region in {"request_line", "requester"}:
            unit.role = "question"
        elif region == "annotation":
            unit.role = "nav"
        elif previous is not None and _fragment_of(unit, previous):
            # "are made by Hikvision or Dahua." under a line cut mid-sentence belongs to that sentence.
            unit.role = previous.role
        elif unit.forced_question or unit.text.rstrip().endswith("?"):
            unit.role = "question"
        elif cues.is_boilerplate(unit.text):
            unit.role = "boilerplate"
        elif (
            cues.looks_like_question(unit.text) and not BODY_STATEMENT.match(unit.text)
        ) or _continues_question(unit, previous, lines):
            unit.role = "question"
            unit.request_list = (
                previous is not None
                and previous.role == "question"
                and _request_list_item(unit, previous)
            )
        elif region == "request" and not cues.looks_like_answer(unit.text):
            unit.role = "question"
        elif unit.cells is None and cues.is_letterhead(unit.text, region):
            unit.role = "header"
        else:
            unit.role = "answer"
        previous = unit


#: Lines that start like a question but are the body speaking: its greeting to the requester ("Dear Requester,",
#: "Dear Ms Smith,") and a conditional statement ("Where no exemption applies, the information has been provided").
BODY_STATEMENT = cue("segment.body_statement")
REQUESTER_ASIDE = cue("segment.requester_aside")


def _fragment_of(unit: Unit, previous: Unit | None) -> bool:
    return (
        previous is not None
        and previous.role in {"question", "boilerplate", "header", "nav"}
        and unit.line_start
        and unit.line == previous.line + 1
        and unit.text[:1].islower()
        and previous.text.rstrip()[-1:] not in ".?!"
    )


def _continues_question(unit: Unit, previous: Unit | None, lines: list[Line]) -> bool:
    """A wrapped line of a question (the previous line ended mid-sentence, this one starts lower-case)."""
    if previous is None or previous.role != "question":
        return False
    if _request_list_item(unit, previous):
        return True
    if unit.line == previous.line:  # "cameras? I have seen them ...": the requester's aside
        ends = previous.text.rstrip()[-1:]
        if ends == "?" and REQUESTER_ASIDE.match(unit.text):
            return True
        return not unit.line_start and not cues.looks_like_answer(unit.text) and ends not in ".?!"
    if unit.line != previous.line + 1:
        return False
    if previous.text.rstrip()[-1:] in ".?!:" and not OPEN_ABBREVIATION.search(previous.text):
        return False
    return unit.text[:1].islower() or bool(OPEN_ABBREVIATION.search(previous.text))


def _request_list_item(unit: Unit, previous: Unit) -> bool:
    """A short bulleted line under a question ending in ':' (or under another such item) is part of the request."""
    if not unit.line_start or len(unit.text) > 80 or not LIST_ITEM.match(unit.text):
        return False
    return previous.text.rstrip().endswith(":") or bool(previous.request_list)


def _assign_labels(units: list[Unit]) -> None:
    """List labels ('1', '2a', '3ii') from enumerators at the start of units."""
    current: dict[str, str | None] = {"question": None, "answer": None, "thread": None}
    for unit in units:
        if unit.role not in current:
            continue
        number = NUMBER_LABEL.match(unit.text)
        if number and unit.cells is None:
            current[unit.role] = number.group(1)
            unit.label = number.group(1)
            continue
        letter = _LETTER_LABEL.match(unit.text) or _ROMAN_LABEL.match(unit.text)
        if letter:
            sub = (
                letter.group(1)
                or (letter.group(2) if letter.lastindex and letter.lastindex > 1 else "")
            ).lower()
            unit.label = f"{current[unit.role] or ''}{sub}"


def items_under(units: list[Unit], unit: Unit) -> list[Unit]:
    """The list items right under a short heading line ("Hanwha (sold as Wisenet)" / "- PTZ cameras: 6" /
    "- dome cameras: 11"), up to the first line that is not a list item; [] when the unit is no such heading."""
    if (
        not unit.line_start
        or len(unit.text) > 120
        or LIST_ITEM.match(unit.text)
        or unit.cells is not None
    ):
        return []
    index = next((i for i, u in enumerate(units) if u is unit), None)
    if index is None:
        return []
    items = []
    for below in units[index + 1 :]:
        if below.role == "nav":
            continue
        if below.role != unit.role or not below.line_start or not LIST_ITEM.match(below.text):
            break
        items.append(below)
    return items


def table_heading(units: list[Unit], unit: Unit) -> Unit | None:
    """The line just above the table a row belongs to ("Sheet: Cameras", "Recorders by site:"), if any.

    Rows above it (the header, other data rows) and page furniture between them are passed over."""
    if unit.cells is None:
        return None
    index = units.index(unit)
    for above in reversed(units[max(0, index - 60) : index]):
        if above.role == "nav" or above.cells is not None:
            continue
        return above if len(above.text) <= 80 else None
    return None
