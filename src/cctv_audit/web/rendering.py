"""Templates and the filters that display untrusted text safely.

Document text (reply letters, emails) is untrusted. It is only ever shown
escaped; :func:`highlight` escapes every piece itself before wrapping evidence
spans in ``<mark>``, and :func:`sanitize_html` passes email HTML through nh3
(no scripts, no event handlers, no ``javascript:`` links, no styles).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nh3
from fastapi import Request
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from cctv_audit.web.deps import identity_of
from cctv_audit.web.security import csrf_token

TEMPLATES_DIR = Path(__file__).with_name("templates")
STATIC_DIR = Path(__file__).with_name("static")

SAFE_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "li",
    "ol",
    "p",
    "pre",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}


def highlight(text: str | None, spans: list[dict] | None) -> Markup:
    """``text`` escaped, with each evidence span (``start``/``end`` offsets) wrapped in ``<mark>``.

    Overlapping or out-of-range spans are clipped; every slice of the text is
    escaped, so markup in the document can never become live.
    """
    text = text or ""
    ordered = sorted(
        (
            s
            for s in spans or []
            if isinstance(s.get("start"), int) and isinstance(s.get("end"), int)
        ),
        key=lambda s: (s["start"], s["end"]),
    )
    parts: list[str] = []
    cursor = 0
    for index, span in enumerate(ordered):
        start, end = max(span["start"], cursor), min(span["end"], len(text))
        if end <= start:
            continue
        parts.append(str(escape(text[cursor:start])))
        field = escape(str(span.get("field", "")))
        parts.append(
            f'<mark id="ev-{index}" class="ev ev-{field}" data-field="{field}">'
            f"{escape(text[start:end])}</mark>"
        )
        cursor = end
    parts.append(str(escape(text[cursor:])))
    return Markup("".join(parts))


def highlight_passages(
    text: str | None, numbered: list[tuple[int, Any]] | None, chosen: str | None = None
) -> Markup:
    """``text`` escaped, each candidate passage (``findings.Passage``) a numbered ``<mark>`` to pick.

    ``data-passage`` is the key the review form sends back (``document:start:end``).
    """
    text = text or ""
    parts: list[str] = []
    cursor = 0
    for number, passage in sorted(numbered or [], key=lambda np: (np[1].start, np[1].end)):
        start, end = max(passage.start, cursor), min(passage.end, len(text))
        if end <= start:
            continue
        key = f"{passage.document_id}:{passage.start}:{passage.end}"
        picked = " chosen" if key == chosen else ""
        parts.append(str(escape(text[cursor:start])))
        parts.append(
            f'<mark class="cand{picked}" data-passage="{escape(key)}" data-n="{int(number)}">'
            f"<sup>{int(number)}</sup>{escape(text[start:end])}</mark>"
        )
        cursor = end
    parts.append(str(escape(text[cursor:])))
    return Markup("".join(parts))


def sanitize_html(html: str | None) -> Markup:
    """Email HTML cleaned by nh3: a small tag allow-list, http(s)/mailto links only, no styles."""
    cleaned = nh3.clean(
        html or "",
        tags=SAFE_TAGS,
        attributes={
            "a": {"href", "title"},
            "td": {"colspan", "rowspan"},
            "th": {"colspan", "rowspan"},
        },
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return Markup(cleaned)


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
    env = templates.env
    env.autoescape = True
    env.filters["highlight"] = highlight
    env.filters["highlight_passages"] = highlight_passages
    env.filters["sanitize_html"] = sanitize_html
    env.filters["thousands"] = lambda n: "" if n is None else f"{n:,}"
    return templates


def render(request: Request, name: str, context: dict[str, Any] | None = None, status: int = 200):
    """Render a page with the signed-in identity and the CSRF token available to the template."""
    templates: Jinja2Templates = request.app.state.templates
    # csrf is a callable so that pages without forms do not start a session (no cookie for readers).
    data = {
        "me": identity_of(request),
        "csrf": lambda: csrf_token(request.session),
        **(context or {}),
    }
    response = templates.TemplateResponse(request, name, data, status_code=status)
    if data["me"] is not None:
        response.headers["cache-control"] = "no-store"
    return response
