"""One answer per reply from the answers of its parts.

The rule, in order:
1. A part *answers* when it states an outcome other than ``other`` or names a maker or a count.
   A covering e-mail that only says "please find our response attached" does not.
2. Attachments speak before the covering message: the formal response is usually the attached
   letter or spreadsheet, and the e-mail around it is a summary at best. The first answering
   attachment gives the outcome and the camera total; later parts fill what it leaves empty.
3. A maker is in use, or denied, as the first part that speaks about it says. When another part
   says the opposite (the e-mail says Hikvision is used, the attachment says it is not), the
   earlier part wins as above, and the answer goes to review with both passages quoted.
4. Counts are taken per maker from the part that decided the maker. Exemptions are the union.
5. The answer needs review when any part that contributed does, when parts disagree on the
   outcome, or when an attachment could not be read (e.g. a scan that needs OCR).
Evidence keeps the document id of the part it was quoted from.
"""

from __future__ import annotations

from collections.abc import Iterable

from cctv_audit.answers.schema import Answer, EvidenceSpan
from cctv_audit.intake.parts import Part

_MAKER_FIELDS = {"in_use": ("in_use", "count"), "denied": ("denied",)}


def answers_something(answer: Answer) -> bool:
    """True when a part states an outcome, a maker or a count (rule 1)."""
    return (
        answer.outcome != "other"
        or bool(answer.manufacturers_in_use)
        or bool(answer.manufacturers_denied)
        or bool(answer.counts)
    )


def merge_parts(readings: list[tuple[Part, Answer]], *, unread: Iterable[str] = ()) -> Answer:
    """The reply's one answer from its parts' answers (see the module's rules)."""
    unread = list(unread)
    if len(readings) == 1 and not unread:
        return readings[0][1]
    ordered = sorted(
        readings, key=lambda pair: pair[0].role == "cover"
    )  # attachments first (rule 2)
    speaking = [(part, answer) for part, answer in ordered if answers_something(answer)]
    if not speaking:
        speaking = ordered[:1]
    merged = Answer()
    reasons: list[str] = []
    _take_outcome(merged, speaking, reasons)
    _take_makers(merged, speaking, reasons)
    merged.exemptions = list(dict.fromkeys(e for _, a in speaking for e in a.exemptions))
    merged.evidence += [e for _, a in speaking for e in a.evidence if e.field == "exemption"]
    for _, answer in speaking:
        for key, value in answer.confidence.items():
            merged.confidence.setdefault(key, value)
    contributed = [answer for _, answer in speaking]
    reasons += [
        f"{part.label}: {reason}" for part, answer in speaking for reason in answer.review_reasons
    ]
    reasons += [f"attachment {name} could not be read: check it by hand" for name in unread]
    merged.review_reasons = list(dict.fromkeys(reasons))
    merged.candidates = [c for _, answer in speaking for c in answer.candidates]
    merged.needs_review = bool(merged.review_reasons) or any(a.needs_review for a in contributed)
    merged.document_id = ordered[0][0].document.id if ordered else None
    return merged


def _take_outcome(merged: Answer, speaking: list[tuple[Part, Answer]], reasons: list[str]) -> None:
    part, first = speaking[0]
    merged.outcome = first.outcome
    merged.total_cameras = next(
        (a.total_cameras for _, a in speaking if a.total_cameras is not None), None
    )
    merged.evidence += [e for e in first.evidence if e.field in ("outcome", "total_cameras")]
    for other_part, other in speaking[1:]:
        if other.outcome not in ("other", first.outcome):
            reasons.append(
                f"{part.label} reads {first.outcome}{_quoted(first, 'outcome')} but {other_part.label} "
                f"reads {other.outcome}{_quoted(other, 'outcome')}"
            )


def _take_makers(merged: Answer, speaking: list[tuple[Part, Answer]], reasons: list[str]) -> None:
    decided: dict[str, tuple[str, Part, Answer]] = {}
    for part, answer in speaking:
        for field, names in (
            ("in_use", answer.manufacturers_in_use),
            ("denied", answer.manufacturers_denied),
        ):
            for name in names:
                if name not in decided:
                    decided[name] = (field, part, answer)
                elif decided[name][0] != field:
                    _disagree(reasons, name, decided[name], (field, part, answer))
    for name, (field, part, answer) in decided.items():
        target = merged.manufacturers_in_use if field == "in_use" else merged.manufacturers_denied
        target.append(name)
        if field == "in_use" and name in answer.counts:
            merged.counts[name] = answer.counts[name]
        merged.evidence += [
            e for e in answer.evidence if e.field in _MAKER_FIELDS[field] and _names(e, name)
        ]


def _disagree(
    reasons: list[str], name: str, kept: tuple[str, Part, Answer], other: tuple[str, Part, Answer]
) -> None:
    words = {"in_use": "in use", "denied": "not used"}
    (field, part, answer), (other_field, other_part, other_answer) = kept, other
    reasons.append(
        f"{name}: {part.label} says {words[field]}{_quoted(answer, field, name)}, "
        f"{other_part.label} says {words[other_field]}{_quoted(other_answer, other_field, name)}"
    )


def _names(span: EvidenceSpan, name: str) -> bool:
    return (
        span.value == name
        or span.manufacturer_id == name
        or (isinstance(span.value, str) and span.value.lower() == name.lower())
    )


def _quoted(answer: Answer, field: str, name: str | None = None) -> str:
    """`` ("the passage", document 12)`` for the first span of ``field`` (and maker), if any."""
    for span in answer.evidence:
        if span.field == field and (name is None or _names(span, name)):
            return f' ("{span.quote.strip()[:160]}", document {span.document_id})'
    return ""
