"""Find manufacturer names, brands and model numbers in text, through the vendors knowledge base.

``find_makers`` asks :mod:`cctv_audit.vendors` (``match_text``, ``load_kb``)
and turns each mention into a :class:`MakerHit` carrying the canonical maker
name that reports and eval labels use. Whether a maker is state-linked is
decided by ``vendors.is_state_linked`` alone. A broken knowledge-base file
raises the loader's :class:`~cctv_audit.errors.KnowledgeBaseError` (naming the
file); extraction never carries on without the knowledge base.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace

from cctv_audit.answers.rules import cue
from cctv_audit.errors import NotFound
from cctv_audit.vendors import is_state_linked, load_kb, match_model, match_text

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MakerHit:
    """A maker named in the text: ``text[start:end]`` names ``name`` (the real maker)."""

    start: int
    end: int
    text: str
    maker_id: str
    name: str
    kind: str  # manufacturer | brand | vms | installer | component
    state_linked: bool
    via: str  # name | alias | brand | model


def find_makers(text: str) -> list[MakerHit]:
    """Every maker mention in ``text``, in order, without overlaps."""
    hits = _from_vendors(text)
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[MakerHit] = []
    for hit in hits:
        if kept and hit.start < kept[-1].end:
            continue
        kept.append(hit)
    return kept


def bare_names(text: str, start: int, end: int, taken: list[MakerHit]) -> list[MakerHit]:
    """Capitalised knowledge-base names in ``text[start:end]`` that no other hit covers.

    Used for answers to a question about cameras ("Which make?" -> "We use Axis."), where the
    question supplies the camera context the knowledge base asks for.
    """
    kb = _kb()
    hits: list[MakerHit] = []
    for match in _CAPITALISED.finditer(text, start, end):
        words = match.group(0).split(" ")
        for size in range(len(words), 0, -1):
            a = match.start()
            b = a + len(" ".join(words[:size]))
            if any(h.start < b and a < h.end for h in taken + hits):
                continue
            hit = _hit_from_name(kb, text, a, b)
            if hit is not None:
                hits.append(hit)
                break
    return hits


def canonical_name(ref: str) -> str:
    """The canonical short name of a maker id or name ('hikvision' -> 'Hikvision')."""
    found = _kb().find(ref)
    return found.name if found is not None else ref


def is_state_linked_name(name: str) -> bool:
    """True when the knowledge base's maker of this name (or id) is state-linked (``vendors.is_state_linked``)."""
    found = _kb().find(name)
    return found is not None and is_state_linked(found.id)


def _kb():
    """The bundled knowledge base (cached by the loader); a broken data file raises KnowledgeBaseError."""
    return load_kb()


def _from_vendors(text: str) -> list[MakerHit]:
    kb = _kb()
    mentions = match_text(text)
    hits = []
    for mention in mentions:
        hit = _hit_from_mention(kb, mention)
        if hit is not None:
            hits.append(hit)
    covered = [(h.start, h.end) for h in hits]
    for start, end in _exact_cells(text):
        if any(a < end and start < b for a, b in covered):
            continue
        # A cell that is only a model number ("P3245-LVE") names its maker, though the number alone in
        # running text would not (the knowledge base keeps such patterns out of free text).
        hit = _hit_from_name(kb, text, start, end) or _hit_from_model(kb, text, start, end)
        if hit is not None:
            hits.append(hit)
            covered.append((start, end))
    return hits


def _hit_from_model(kb, text: str, start: int, end: int) -> MakerHit | None:
    value = text[start:end]
    if not _MODEL_LIKE.search(value):  # a model number has a letter and a digit side by side
        return None
    mention = match_model(value)
    if mention is None or mention.end - mention.start != end - start:
        return None
    return _hit_from_mention(kb, replace(mention, start=start, end=end, text=text[start:end]))


_CELL = cue("makers.cell")
_MODEL_LIKE = re.compile(r"[A-Za-z]-?\d|\d-?[A-Za-z]")
_CELL_ENUMERATOR = cue("makers.cell_enumerator")
#: Capitalised words, and hyphenated spellings such as 'go-pro' (ordinary words never carry a hyphen like that).
_CAPITALISED = cue("makers.capitalised")
_CAMERA_LINE = cue("makers.camera_line")


def _exact_cells(text: str) -> list[tuple[int, int]]:
    """Spans that may be a bare maker name the knowledge base only accepts in context.

    Table cells and list items that are only a name ('Axis | 3', 'c) Axis, 7 cameras'),
    and capitalised words on a line about cameras ('The cameras are Axis units').
    """
    spans = []
    for match in _CELL.finditer(text):
        raw = match.group(0)
        core = _CELL_ENUMERATOR.sub("", raw).strip(" \t-•*:.")
        if 1 < len(core) <= 40:
            start = match.start() + raw.find(core)
            spans.append((start, start + len(core)))
    above: list[str] = []  # the lines just above that run on into this one (no closing punctuation)
    for line in re.finditer(r"[^\n]+", text):
        # A line about cameras, or one a wrapped sentence about cameras runs on to ("310 cameras ... 42 are" / "Axis.").
        about = _CAMERA_LINE.search(line.group(0)) or any(_CAMERA_LINE.search(a) for a in above)
        above = (
            ([line.group(0)] + above)[:2]
            if not line.group(0).rstrip().endswith((".", ":", "?", "!", "|"))
            else []
        )
        if not about:
            continue
        for match in _CAPITALISED.finditer(line.group(0)):
            # Every run of words in the capitalised phrase: "Lace Market Axis" holds "Axis" at its end.
            words = match.group(0).split(" ")
            for first in range(len(words)):
                offset = len(" ".join(words[:first])) + (1 if first else 0)
                for size in range(len(words) - first, 0, -1):
                    start = line.start() + match.start() + offset
                    spans.append((start, start + len(" ".join(words[first : first + size]))))
    return spans


def _hit_from_name(kb, text: str, start: int, end: int) -> MakerHit | None:
    named = kb.find(text[start:end])
    if named is None:
        return None
    maker = kb.get(named.made_by) if named.made_by else named
    state = is_state_linked(maker.id)
    kind = "brand" if named.kind == "brand" else named.kind
    return MakerHit(start, end, text[start:end], maker.id, maker.name, kind, state, "name")


def _hit_from_mention(kb, mention) -> MakerHit | None:
    try:
        named = kb.get(mention.manufacturer_id)
        maker = kb.get(mention.maker_id or mention.manufacturer_id)
    except NotFound:  # a mention the KB cannot resolve is not evidence
        return None
    via = mention.kind if mention.kind in {"name", "alias", "brand", "model"} else "name"
    kind = "brand" if named.kind == "brand" and maker.kind == "manufacturer" else named.kind
    state = is_state_linked(maker.id)
    return MakerHit(
        mention.start, mention.end, mention.text, maker.id, maker.name, kind, state, via
    )
