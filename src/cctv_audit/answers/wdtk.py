"""Threads saved as text: who wrote each line (the requester's messages, the body's, annotations by
others on WhatDoTheyKnow), so the requester's words are never read as the body's answer; and the quoted
message a body forwards as its own answer ("their reply is below, and I can confirm it is correct")."""

from __future__ import annotations

import re

from cctv_audit.answers.cues import is_thread_marker
from cctv_audit.answers.lines import Line
from cctv_audit.answers.rules import cue

_WDTK_REQUESTER = cue("segment.wdtk_requester")
_WDTK_FROM = cue("segment.wdtk_from")
_WDTK_SENT_BY = cue("segment.wdtk_sent_by")
_WDTK_ANNOTATION = cue("segment.wdtk_annotation")
LINK_TO_THIS = cue("segment.link_to_this")
_WDTK_DATE = cue("segment.wdtk_date")
_ADOPTS_FORWARDED = cue("segment.adopts_forwarded")
_MAIL_HEADER = cue("segment.mail_header")


def squash(text: str) -> str:
    """Lower-case with runs of white space made one space, for comparing names and texts."""
    return re.sub(r"\s+", " ", text).strip().lower()


def thread_speakers(lines: list[Line]) -> dict[int, str]:
    """Who wrote each line of a WhatDoTheyKnow thread ('<name> made this ... request to <body>').

    Lines of the requester's messages ("From: <requester>" down to the next "From:" or annotation) are
    ``requester``; an annotation ("<name> left an annotation (date)") down to its "Link to this" is
    ``annotation``; a "From: <body>" line (and its date line) is ``body_start``. Empty when the page is not
    a thread with a named requester."""
    requester, title = _requester(lines)
    if not requester:
        return {}
    out: dict[int, str] = {} if title is None else {title: "requester"}
    current = None
    for index, line in enumerate(lines):
        stripped = line.text.strip()
        sender = _sender(lines, index, requester)
        if sender is not None:
            current = "requester" if squash(sender) == requester else "body"
            out[index] = "requester" if current == "requester" else "body_start"
            continue
        if _WDTK_ANNOTATION.match(stripped):
            current = "annotation"
            out[index] = "annotation"
            continue
        if (
            current == "body"
            and out.get(index - 1) == "body_start"
            and (_WDTK_DATE.match(stripped) or _date_next(lines, index))
        ):
            out[index] = "body_start"  # the date line, or the body's name over it
            continue
        if current == "annotation" and LINK_TO_THIS.match(stripped):
            out[index] = "nav"
            current = None
            continue
        if current in {"requester", "annotation"}:
            out[index] = current
    return out


def _sender(lines: list[Line], index: int, requester: str) -> str | None:
    """The sender's name when the line opens a message of the thread, else None.

    A message opens "From: <name>" over its date (perhaps with the body's name between: "From: Information
    Governance" / "Derbyshire Fire and Rescue Service" / "12 February 2024"); "From: ... [mailto:...]" in a
    quoted e-mail is not a new message. Pages printed without "From:" open each message with the sender's
    name over the date or beside it: the requester's name, or any name after a rule line ("-----")."""
    stripped = lines[index].text.strip()
    match = _WDTK_FROM.match(stripped)
    if match:
        return match.group(1) if _dated(lines, index) else None
    # "Priya Natarajan          3 March 2025" on one line; "Birmingham City Council 14 March 2025" in a saved page
    beside = _SENDER_AND_DATE.match(stripped) or _SENDER_THEN_DATE.match(stripped)
    if beside:
        above = next((l.text.strip() for l in reversed(lines[:index]) if l.text.strip()), "")
        name = beside.group(1)
        by_name = squash(name) == requester or _AUTHORITY_NAME.search(name)
        return name if by_name or _RULE_LINE.match(above) else None
    following = next((l.text.strip() for l in lines[index + 1 : index + 4] if l.text.strip()), "")
    if not stripped or len(stripped) > 80 or not _WDTK_DATE.match(following):
        return None
    above = next((l.text.strip() for l in reversed(lines[:index]) if l.text.strip()), "")
    # "FOI Highland, The Highland Council" over "4 June 2024": an authority's name opens its message
    if squash(stripped) == requester or _RULE_LINE.match(above) or _AUTHORITY_NAME.search(stripped):
        return stripped
    return None


_RULE_LINE = cue("segment.rule_line")
_SENDER_AND_DATE = cue("segment.sender_and_date")
_SENDER_THEN_DATE = cue("segment.sender_then_date")


def _dated(lines: list[Line], index: int) -> bool:
    """A date on one of the next two non-empty lines (the sender's name may sit between)."""
    following = [line.text.strip() for line in lines[index + 1 : index + 5] if line.text.strip()]
    return any(_WDTK_DATE.match(text) for text in following[:2])


def _date_next(lines: list[Line], index: int) -> bool:
    return index + 1 < len(lines) and bool(_WDTK_DATE.match(lines[index + 1].text.strip()))


def _requester(lines: list[Line]) -> tuple[str | None, int | None]:
    """The requester's name ("<name> made this ... request to <body>", else the first sender) and the line
    of the request's title just above that line (the requester's words: "Hikvision cameras used by BTP")."""
    for index in range(min(len(lines), 40)):
        # The line may be wrapped ("Priya Shah made this Freedom of" / "Information request to ...").
        joined = " ".join(line.text.strip() for line in lines[index : index + 3])
        match = _WDTK_REQUESTER.match(joined) or _WDTK_SENT_BY.match(lines[index].text.strip())
        if match and match.end(1) < len(lines[index].text.strip()):  # the name is on this line
            title = next((i for i in range(index - 1, -1, -1) if lines[i].text.strip()), None)
            return squash(match.group(1)), title
    return _first_sender(lines), None


_AUTHORITY_NAME = cue("segment.authority_name")


def _first_sender(lines: list[Line]) -> str | None:
    """A thread page cut above its "made this request" line: the first message ("From: <person>" over a date,
    then "Dear ...") is the request, so its sender is the requester (never an authority's name)."""
    for index, line in enumerate(lines):
        match = _WDTK_FROM.match(line.text.strip())
        if not match:
            continue
        following = [l.text.strip() for l in lines[index + 1 : index + 6] if l.text.strip()]
        if (
            len(following) >= 2
            and _WDTK_DATE.match(following[0])
            and following[1].lower().startswith("dear ")
        ):
            name = match.group(1)
            return None if _AUTHORITY_NAME.search(name) or "@" in name else squash(name)
        return None
    return None


def adopt_forwarded_reply(lines: list[Line]) -> None:
    """When the body's own words adopt the first quoted message as its answer ("I asked our contractor;
    their reply is below, and I can confirm that it is correct"), that message's lines (below its
    From/Sent/To/Subject header, down to the next quoted message) become the body's answer."""
    first = next((i for i, line in enumerate(lines) if line.role == "thread"), None)
    if first is None or lines[first].text.lstrip().startswith(">"):
        return  # no thread, or one quoted line by line, whose end cannot be told
    if not any(
        l.role in {"answer", "start"} and _ADOPTS_FORWARDED.search(l.text) for l in lines[:first]
    ):
        return
    index = first + 1
    while index < len(lines) and (
        lines[index].role == "blank" or _MAIL_HEADER.match(lines[index].text)
    ):
        index += 1
    for line_index in range(index, len(lines)):
        line = lines[line_index]
        if line.role not in {"thread", "blank"} or is_thread_marker(lines, line_index):
            return
        if line.role == "thread":
            line.role = "answer"
