"""FOI reply drafts written from the inventory, under the body's law.

The officer decides what to withhold and on which ground; this module only
writes the answer the inventory supports and, for a chosen ground, the
standard wording. Locations are left out unless the officer asks for them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from cctv_audit.errors import InputError
from cctv_audit.inventory.phaseout import status_on
from cctv_audit.inventory.summary import InventorySummary, summarise
from cctv_audit.inventory.withholding import ground_for
from cctv_audit.registry.models import Body

#: The survey's usual questions, answered in this order.
QUESTIONS = {
    "makers": "The manufacturers of the CCTV cameras and recorders you use, with the number of each.",
    "flagged": "Whether you use equipment made by Hikvision or Dahua (or brands they make), and how much.",
    "plans": "Any plans to replace such equipment.",
}
LAW_NAMES = {
    "FOIA": "the Freedom of Information Act 2000",
    "FOISA": "the Freedom of Information (Scotland) Act 2002",
}


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    table: tuple[list[str], list[list[str]]] | None = None


@dataclass
class ResponseDraft:
    body: str
    law: str
    reference: str
    date: dt.date
    sections: list[Section]

    def lines(self) -> list[str]:
        """The draft as plain lines: the same text the DOCX and PDF carry."""
        out = [
            f"{self.body}",
            f"Our reference: {self.reference}",
            f"Date: {self.date.isoformat()}",
            "",
        ]
        for section in self.sections:
            out.append(section.heading)
            out.extend(section.paragraphs)
            if section.table:
                headers, rows = section.table
                out.append(" | ".join(headers))
                out.extend(" | ".join(row) for row in rows)
            out.append("")
        return out

    def text(self) -> str:
        return "\n".join(self.lines()).rstrip() + "\n"


def draft_response(
    session: Session,
    body: Body,
    *,
    reference: str,
    withhold: dict[str, str] | None = None,
    include_locations: bool = False,
    today: dt.date | None = None,
) -> ResponseDraft:
    """Draft the reply to the usual CCTV questions from ``body``'s inventory.

    ``withhold`` maps a question key (``makers``, ``flagged``, ``plans``) to the
    ground the officer chose (``s24``/``s31`` under FOIA, ``s31``/``s35`` under FOISA).
    """
    withhold = dict(withhold or {})
    unknown = set(withhold) - set(QUESTIONS)
    if unknown:
        raise InputError(
            f"cannot withhold {', '.join(sorted(unknown))}: the questions are {', '.join(QUESTIONS)}"
        )
    grounds = {key: ground_for(body.regime, code) for key, code in withhold.items()}
    today = today or dt.date.today()
    summary = summarise(session, body.id)
    sections = [_opening(body)]
    for key, question in QUESTIONS.items():
        section = Section(f"{list(QUESTIONS).index(key) + 1}. {question}")
        if key in grounds:
            section.paragraphs.append(grounds[key].text)
        else:
            _ANSWERERS[key](section, session, body, summary, today)
        sections.append(section)
    if include_locations and "makers" not in grounds:
        sections.append(_locations(summary))
    sections.append(_closing(body))
    return ResponseDraft(body.name, body.regime, reference, today, sections)


def _opening(body: Body) -> Section:
    return Section(
        "Your request for information",
        [
            f"We have dealt with your request under {LAW_NAMES[body.regime]}. "
            "The figures below are taken from our CCTV asset register and network audit."
        ],
    )


def _answer_makers(section: Section, session, body, summary: InventorySummary, today) -> None:
    rows = [[m.name, str(m.cameras), str(m.recorders)] for m in summary.makers]
    if summary.unidentified:
        rows.append(["Manufacturer not recorded", str(summary.unidentified), "0"])
    total_cameras = sum(m.cameras for m in summary.makers) + summary.unidentified
    total_recorders = sum(m.recorders for m in summary.makers)
    section.paragraphs.append(
        f"We hold records of {plural(total_cameras, 'camera')} and {plural(total_recorders, 'recorder')}."
    )
    section.table = (["Manufacturer", "Cameras", "Recorders"], rows)


def _answer_flagged(section: Section, session, body, summary: InventorySummary, today) -> None:
    if not summary.flagged:
        section.paragraphs.append(
            "We do not use equipment made by Hikvision, Dahua or other manufacturers on our list of concern."
        )
        return
    for maker in summary.flagged:
        sold_as = f" (sold under the brand names {', '.join(maker.brands)})" if maker.brands else ""
        section.paragraphs.append(
            f"Yes. We use {plural(maker.cameras, 'camera')} and {plural(maker.recorders, 'recorder')} "
            f"made by {maker.name}{sold_as}."
        )


def _answer_plans(section: Section, session, body, summary: InventorySummary, today) -> None:
    point = status_on(session, body.id, today)
    if not point.total:
        section.paragraphs.append("Not applicable: we hold no such equipment.")
        return
    counts = point.counts
    section.paragraphs.append(
        f"We have a replacement programme covering {plural(point.total, 'device')}: {counts['replaced']} replaced, "
        f"{counts['decommissioned']} decommissioned, {counts['ordered']} replacements ordered and "
        f"{counts['to_replace']} still to replace."
    )


_ANSWERERS = {"makers": _answer_makers, "flagged": _answer_flagged, "plans": _answer_plans}


def _locations(summary: InventorySummary) -> Section:
    makers = sorted({name for counts in summary.sites.values() for name in counts})
    rows = [
        [site, *[str(counts.get(m, 0)) for m in makers]] for site, counts in summary.sites.items()
    ]
    return Section(
        "Devices by site", ["As you asked, the counts by site are:"], (["Site", *makers], rows)
    )


def _closing(body: Body) -> Section:
    regulator = (
        "the Scottish Information Commissioner"
        if body.regime == "FOISA"
        else "the Information Commissioner's Office"
    )
    return Section(
        "Your right to ask for a review",
        [
            f"If you are unhappy with this response you may ask us for an internal review. "
            f"If you remain unhappy after the review you may apply to {regulator}."
        ],
    )
