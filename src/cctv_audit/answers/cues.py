"""Phrases that tell the parts of a reply apart (request, answer, boilerplate, navigation).

Kept in one module so every rule of the segmenter reads as a named cue; the
patterns are written from how UK FOI replies are laid out (letters, disclosure
logs, WhatDoTheyKnow pages), not copied from any one reply.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

REQUEST_MARKER = re.compile(
    r"^(?:you asked|what (?:was|you) asked(?: for)?|your request|request description|request details|details of (?:your|the) request|"
    r"the request|request|original request|information requested|requested information|you requested|"
    r"you have (?:asked|requested)|you asked for|what you asked|your question|questions?|the question)"
    r"(?:\s*\([^)]*\))?\s*[:\-–]?\s*$|"
    # "Request (FOI 123) for CCTV makes:" - a longer heading only when it ends with a colon or dash
    r"^(?:your request|the request|request|your question|questions?)\s*(?:was|is|for|:|-|–|\(.*\))[^.?!]{0,160}[:\-–]\s*$|"
    r"^(?:you (?:have )?asked|you requested|you wrote|your request (?:was|read|asked))\b.{0,200}?[:\-–]\s*$|"
    r"^.{0,160}\b(?:for the following information|the following information|requested the following|"
    r"asked the following|following questions?|following request)\s*[:\-–]*\s*$",
    _I,
)
ANSWER_MARKER = re.compile(
    r"^(?:we answered|what we said|what we (?:hold|found)|our answer|answer|answers|response|our response|responses?|reply|our reply|"
    r"the council'?s response|council response|(?:the )?authority'?s response|information released|"
    r"information provided|released date|decision|our decision|outcome|ymateb(?: / response)?|response / ymateb)"
    r"(?:\s*(?:to (?:your )?request|date|:|-|–)[^.?!]{0,60})?\s*[:\-–]?\s*$|"
    r"^(?:in response to your request|in answer to your (?:request|questions?)|please find (?:our|the) (?:response|answers?)"
    r"|our response is|the response (?:to your request )?is)\b.{0,80}[:\-–]\s*$|"
    r"^.{0,60}\b(?:response|answers?|repl(?:y|ies))(?: to your (?:request|questions?))? (?:is|are) (?:as follows|set out below|below)\s*[:.]?\s*$",
    _I,
)
#: "Request: Please tell me..." / "Response: The council..." - a label and its content on one line.
REQUEST_INLINE = re.compile(
    r"^(?:request|your request|the request|original request|you asked|you requested|what you asked(?: for)?|"
    r"information requested|requested information|request details|your question)\s*(?:\([^)]*\))?\s*:\s*\S",
    _I,
)
ANSWER_INLINE = re.compile(
    r"^(?:response|our response|answer|our answer|reply|our reply|we answered|decision|our decision|"
    r"(?:the )?(?:council|authority|force|trust)'?s? response|ymateb(?: / response)?)\s*:\s*\S",
    _I,
)
THREAD_MARKER = re.compile(r"^\s*(?:-{2,}\s*original message\s*-{2,}|-{3,}\s*forwarded message|on .{6,120} wrote:\s*$|>)", _I)
NAV = re.compile(
    r"cookie|skip to (?:main )?content|leave this site|accept all|reject all|sign in|log in|my account|"
    r"\bmenu\b|breadcrumb|you are here|back to top|share this page|print this page|javascript|"
    r"this site is a beta|technical problem|your feedback|was this page (?:useful|helpful)|"
    r"^home\s*[>›/]|^search\b|^(?:home|contact us|about us|news|services)$|related (?:pages|links)|"
    r"^this is an html version of an attachment|^page \d+ (?:of \d+)?$|^-?\s*\d+\s*-?$|"
    r"^(?:official|official[- ]sensitive|unclassified|not protectively marked|restricted)$|"
    # WhatDoTheyKnow thread furniture: the site name, request status lines, actions and listings.
    r"^whatdotheyknow$|\bmade this (?:freedom of information |foi |foisa |eir |environmental information )?request to\b|"
    r"^(?:this request has been closed|the request (?:was|is) (?:successful|partially successful|refused|not successful|waiting)|"
    r"awaiting (?:clarification|classification|response|internal review)|long overdue|delayed)\b|"
    r"^request sent to .{3,100} by .{2,80} on \d|^(?:link to this|follow this request|request an internal review)\b|"
    r"^(?:make a request|browse requests|view authorities|read blog)\b|\bis run by mysociety\b|"
    # An attachment's file name and its links ("FOI 123 Hikvision cameras response.pdf", "Download", "View as HTML"):
    # the name is a title, its contents are not in the text.
    r"^(?:attachment\s*:\s*)?[^.?!]{1,150}\.(?:pdf|docx?|xlsx?|csv|odt|ods|msg|eml|zip|txt)(?:\s*[(\[]?\s*\d+(?:\.\d+)?\s*[KkMm]?B\s*[)\]]?)?$|"
    r"^(?:download|view as html|download (?:all )?attachments?(?: \(zip\))?)$",
    _I,
)
#: One cell of a site's menu bar ("Home | Residents | Business", "Contact us | Accessibility").
NAV_CELL = re.compile(
    r"^(?:home|contact(?: us)?|about(?: us)?|accessibility(?: statement)?|privacy(?: notice| policy)?|cookies?(?: policy)?|"
    r"site ?map|search|news|jobs|careers|work for us|report|link to this|help|sign (?:in|up)|log in|follow|share|"
    r"terms(?: and conditions)?|feedback|council tax|bins(?: and recycling)?|parking|planning|residents|business(?:es)?|"
    r"(?:your |the )?council(?: and (?:democracy|government))?|(?:our )?services|patients and visitors|policies|our schools|"
    r"make a request|browse requests|view authorities|read blog|english|cymraeg|housing|roads and transport|environment)$",
    _I,
)
BOILERPLATE = re.compile(
    r"(?:not |dis)satisfied|unhappy with|(?:ask|request|apply) for an? (?:internal )?review|"
    r"internal review (?:requests?|should|must|procedure|process)|right to (?:an? )?(?:internal )?review|"
    r"information commissioner|\bico\b|wycliffe house|"
    r"\bsic\b|kinnaird|right (?:to|of) (?:appeal|complain|request a review|review)|you (?:can|may) appeal|appeal (?:to|against)|"
    r"re-?use|open government licen[cs]e|copyright|public sector information|crown copyright|"
    r"disclosure log|privacy notice|data protection officer|kind regards|yours (?:sincerely|faithfully)|"
    r"^(?:regards|thank you|many thanks)\b|www\.|https?://|[\w.-]@[\w-]|(?:^|\s)@\w|"
    r"within (?:40|forty|two months)|apply to the commissioner|application to the commissioner|"
    r"make a complaint|complain to|complaints? (?:procedure|process)|in accordance with section 17|section 17 of the|s\.?\s?17 of the|"
    r"refusal notice|advice and assistance|we have a duty|any further (?:queries|questions)|"
    r"feel free to contact|please (?:do not hesitate to )?contact|quote the reference|"
    r"how we (?:handle|use) your|retain(?:ed)? (?:a copy of )?(?:your|this) (?:request|correspondence)|"
    r"freedom of information act 2000 \(the act\) gives|your rights",
    _I,
)
QUESTION_START = re.compile(
    r"^(?:\(?(?:[a-h]|\d{1,2}|i{1,3}|iv|vi{0,3})[.)]\s*|q\d+[.:]?\s*|question \d+[.:]?\s*|question\s*[:\-–]\s*|[-•*·]\s*)?"
    r"(?:please (?:could you |can you |would you |kindly )?(?:provide|send|supply|confirm|state|list|"
    r"detail|give|indicate|tell|advise|include|let me know|disclose|identify|specify|share|also)|"
    r"could you|can you|would you|will you|kindly|i would (?:like|be grateful)|i am (?:requesting|writing)|"
    r"i request|i'd like|we would like|under the freedom of information|do you|does (?:the|your|any)|"
    r"did (?:you|the|your)|have you|has (?:the|your)|(?:is|was) (?:the|your|there|it)|(?:are|were) (?:the|your|there|any|they)|"
    r"what\b|which\b|who(?:se|m)?\b|how (?:many|much|long|often|is|are|do)|where|when|whether|if\b|for (?:each|every|all) (?:of )?(?:the|your|camera|site)|"
    r"(?:a |the )?(?:full |complete )?(?:list|copy|copies|details?|breakdown|schedule) of\b(?=.*\byour\b)|"
    r"in (?:each|every) case|the (?:make|manufacturer|brand|model|number|total)s? (?:and|of|,)(?!.*\b(?:are|is|was|were)\b)|"
    r"(?:make|manufacturer|brand|model|number)s?(?: and (?:model|manufacturer|make|number))? of (?:the|your|all|any|each|camera|cctv)|"
    r"dear (?:sir|madam|foi|freedom|transport|council|[a-z]+ council|\w+,))",
    _I,
)
ANSWER_START = re.compile(
    r"^(?:\(?(?:[a-h]|\d{1,2}|i{1,3}|iv|vi{0,3})[.)]\s*|q\d+[.:]?\s*|a\d*[.:]\s*|answer[.:]?\s*|response[.:]?\s*)?"
    r"(?:yes|no\b|none|nil|n/?a\b|not (?:applicable|held|known|recorded)|we |our |the (?:council|authority|force|"
    r"trust|board|university|department|cameras?|information|system)|there (?:are|is|were)|all |this |these |"
    r"i (?:can|am|have)\b|it is|it has|\d+\b|zero|one\b|two\b|three\b|four\b|five\b|six\b|seven\b|eight\b|"
    r"nine\b|ten\b|unknown|nothing|information (?:is )?(?:not held|withheld)|held|withheld|exempt|"
    r"manufacturer|make|brand|model)",
    _I,
)
HEADER_LINE = re.compile(
    r"^(?:(?:re|subject|fw|fwd|title)\s*:|\S{1,12} ref(?:erence)?\s*[:.]|(?:our|your) ref|ref(?:erence)?(?: no\.?| number)?\s*[:.]|"
    r"(?:foi|foisa|eir|freedom of information|environmental information)\b[^.]{0,110}$|"
    r"(?:request|case|publication|response|released|received) (?:id|date|number|ref)|date published|date:)",
    _I,
)
# Headings of page furniture that lists other pages ("Other requests like this", "Related disclosures",
# "Recent disclosure log entries"): the titles under them are links to other requests, never claims.
RELATED_HEADING = re.compile(
    r"^(?:other requests like this|(?:other |more )?related(?: (?:requests?|disclosures?|pages?|responses?|links?|"
    r"information|documents?|content|items|articles|foi (?:requests?|responses?)))?|"
    r"recent(?: disclosure log)? (?:entries|disclosures|requests|responses|publications)|latest disclosures|"
    r"other (?:disclosures|requests|responses|foi (?:requests|responses))(?: in this (?:category|section))?|"
    r"similar requests|you (?:may|might) also (?:be interested in|like)|see also|more (?:in this section|requests like this)|"
    r"popular searches)\s*:?\s*$",
    _I,
)
# "Related: Hikvision cameras in schools (FOI 123)" or "Popular searches: bins, Hikvision" on one line.
RELATED_INLINE = re.compile(
    r"^(?:(?:other |more )?related(?: [a-z]+){0,2}|other requests like this|popular searches|see also|"
    r"recent(?: disclosure log)? (?:entries|disclosures|requests))\s*:\s*\S",
    _I,
)
ANSWERED_INLINE = re.compile(r"(?:\s[-–]|:)\s*\d[\d,]*\.?\s*$")
TITLE_LIKE = re.compile(r"^[^.?!:]{0,80}$")


def is_request_marker(line: str) -> bool:
    return len(line) <= 240 and bool(REQUEST_MARKER.match(line))


def is_request_inline(line: str) -> bool:
    return bool(REQUEST_INLINE.match(line)) and not is_request_marker(line)


def is_answer_inline(line: str) -> bool:
    return bool(ANSWER_INLINE.match(line)) and not is_answer_marker(line)


def is_answer_marker(line: str) -> bool:
    return len(line) <= 160 and bool(ANSWER_MARKER.match(line))


def is_thread_marker(lines: list, index: int) -> bool:
    """An older message quoted below the reply: 'Original Message', 'On ... wrote:', '>' lines, From/Sent pairs."""
    text = lines[index].text
    if THREAD_MARKER.match(text):
        # "Home > About us > FOI" wrapped so that "> Disclosure log" starts a line is a breadcrumb, not a quote.
        above = lines[index - 1].text if index else ""
        return not (text.lstrip().startswith(">") and re.search(r"\s[>›]\s", above) and not above.lstrip().startswith(">"))
    if index > 3 and re.match(r"^\s*from:\s*\S", text, _I):
        following = " ".join(line.text for line in lines[index + 1 : index + 4])
        return bool(re.search(r"\b(?:sent|date):", following, _I))
    return False


def is_nav(line: str) -> bool:
    return len(line) < 400 and (bool(NAV.search(line)) or bool(RELATED_INLINE.match(line)) or is_nav_bar(line))


def is_nav_bar(line: str) -> bool:
    """A menu flattened into cells: no numbers, and most cells are menu words."""
    cells = [re.sub(r"^[\w ]{1,12}:\s*", "", c.strip()) for c in line.strip().strip("|").split("|")]
    cells = [c for c in cells if c]
    if len(cells) < 2 or any(re.search(r"\d", c) for c in cells):
        return False
    menu = sum(1 for c in cells if NAV_CELL.match(c))
    return menu >= 2 and menu * 2 >= len(cells)


def is_related_heading(line: str) -> bool:
    return len(line) < 80 and bool(RELATED_HEADING.match(line))


def ends_related_block(line: str) -> bool:
    """A line that is content again after a list of links: a letter, a request/answer marker, a paragraph."""
    return (
        len(line) > 120
        or bool(re.match(r"^(?:dear\b|from:|to:|date:)", line, _I))
        or is_request_marker(line)
        or is_answer_marker(line)
    )


def is_boilerplate(text: str) -> bool:
    return bool(BOILERPLATE.search(text))


def looks_like_question(text: str) -> bool:
    """The request's wording: a question mark at the end or a request verb at the start."""
    stripped = text.strip().lstrip("\"“‘'")
    if stripped.endswith("?") or re.search(r"\?\s*[\"”')]*\s*$", stripped):
        return True
    if ANSWERED_INLINE.search(stripped):  # "Number of cameras - 54": the question carries its answer
        return False
    return bool(QUESTION_START.match(stripped)) and not looks_like_answer(stripped)


_ENUMERATOR = re.compile(r"^\s*(?:\(?(?:[a-h]|\d{1,2}|i{1,3}|iv|vi{0,3})[.)]|q\d+[.:]?|question \d+[.:]?)\s+", _I)


def looks_like_answer(text: str) -> bool:
    stripped = _ENUMERATOR.sub("", text.strip(), count=1)
    if stripped.endswith("?"):
        return False
    return bool(ANSWER_START.match(stripped))


def is_title_like(text: str) -> bool:
    """Short heading lines before any marker (page titles, reference lines)."""
    return bool(TITLE_LIKE.match(text.strip())) and not looks_like_answer(text)


def is_header_line(text: str) -> bool:
    """Subject lines, reference lines, page titles such as 'FOI 123 - Hikvision cameras'."""
    stripped = text.strip()
    return len(stripped) < 140 and bool(HEADER_LINE.match(stripped)) and not stripped.endswith("?")


def is_table_row(line: str) -> bool:
    return line.count(" | ") >= 1 or (line.count("|") >= 2 and len(line.strip()) > 2)
