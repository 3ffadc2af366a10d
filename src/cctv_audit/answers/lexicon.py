"""Find manufacturer names, brands and model numbers in text, through the vendors knowledge base.

``find_makers`` asks :mod:`cctv_audit.vendors` (``match_text``, ``load_kb``)
and turns each mention into a :class:`MakerHit` carrying the canonical maker
name that reports and eval labels use. When the knowledge base cannot be
loaded (a broken data file, or a checkout where the vendors package is not
there yet) a small built-in list of the makers FOI replies name most keeps
extraction working; the fallback is logged once so nobody mistakes it for
the real knowledge base.
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass

log = logging.getLogger(__name__)

#: Makers whose use counts as a state-linked accusation in the eval (README of the eval set).
STATE_LINKED_NAMES = frozenset({"Hikvision", "Dahua", "Uniview", "Tiandy", "Ezviz", "Imou", "Huawei", "Kedacom"})


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
    if hits is None:
        hits = _from_fallback(text)
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
    if kb is None:
        return []
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
    kb = _kb()
    if kb is not None:
        found = kb.find(ref)
        if found is not None:
            return found.name
    for entry in _FALLBACK:
        if ref.lower() in {entry[0], entry[1].lower()}:
            return entry[1]
    return ref


def is_state_linked_name(name: str) -> bool:
    return name in STATE_LINKED_NAMES


@functools.lru_cache(maxsize=1)
def _kb():
    try:
        from cctv_audit.vendors import load_kb

        return load_kb()
    except Exception as exc:  # noqa: BLE001 - any failure means: use the fallback list
        log.warning("vendors knowledge base unavailable (%s); using the built-in maker list", exc)
        return None


def _from_vendors(text: str) -> list[MakerHit] | None:
    kb = _kb()
    if kb is None:
        return None
    try:
        from cctv_audit.vendors import match_text

        mentions = match_text(text)
    except Exception as exc:  # noqa: BLE001
        log.warning("vendors.match_text failed (%s); using the built-in maker list", exc)
        return None
    hits = []
    for mention in mentions:
        hit = _hit_from_mention(kb, mention)
        if hit is not None:
            hits.append(hit)
    covered = [(h.start, h.end) for h in hits]
    for start, end in _exact_cells(text):
        if any(a < end and start < b for a, b in covered):
            continue
        hit = _hit_from_name(kb, text, start, end)
        if hit is not None:
            hits.append(hit)
            covered.append((start, end))
    return hits


_CELL = re.compile(r"[^|\n,;():]+?(?=[|\n,;():]|\s[-–]\s|[.!?](?:\s|$)|$)")
#: Capitalised words, and hyphenated spellings such as 'go-pro' (ordinary words never carry a hyphen like that).
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z0-9-]+(?: [A-Z][A-Za-z0-9-]+){0,2}\b|\b[a-z]+-[a-z]+\b")
_CAMERA_LINE = re.compile(r"camera|cctv|\bunits?\b|devices?|domes?|ptz|model|make|manufactur|brand|supplied|bodycam", re.IGNORECASE)


def _exact_cells(text: str) -> list[tuple[int, int]]:
    """Spans that may be a bare maker name the knowledge base only accepts in context.

    Table cells and list items that are only a name ('Axis | 3', 'c) Axis, 7 cameras'),
    and capitalised words on a line about cameras ('The cameras are Axis units').
    """
    spans = []
    for match in _CELL.finditer(text):
        raw = match.group(0)
        core = re.sub(r"^\s*(?:\(?[0-9a-h]{1,2}[.)]|q\d+[.:])\s*", "", raw, flags=re.IGNORECASE).strip(" \t-•*:.")
        if 1 < len(core) <= 40:
            start = match.start() + raw.find(core)
            spans.append((start, start + len(core)))
    above: list[str] = []  # the lines just above that run on into this one (no closing punctuation)
    for line in re.finditer(r"[^\n]+", text):
        # A line about cameras, or one a wrapped sentence about cameras runs on to ("310 cameras ... 42 are" / "Axis.").
        about = _CAMERA_LINE.search(line.group(0)) or any(_CAMERA_LINE.search(a) for a in above)
        above = ([line.group(0)] + above)[:2] if not line.group(0).rstrip().endswith((".", ":", "?", "!", "|")) else []
        if not about:
            continue
        for match in _CAPITALISED.finditer(line.group(0)):
            words = match.group(0).split(" ")
            for size in range(len(words), 0, -1):
                start = line.start() + match.start()
                spans.append((start, start + len(" ".join(words[:size]))))
    return spans


def _hit_from_name(kb, text: str, start: int, end: int) -> MakerHit | None:
    named = kb.find(text[start:end])
    if named is None:
        return None
    maker = kb.get(named.made_by) if named.made_by else named
    state = bool(maker.state_linked) or maker.name in STATE_LINKED_NAMES
    kind = "brand" if named.kind == "brand" else named.kind
    return MakerHit(start, end, text[start:end], maker.id, maker.name, kind, state, "name")


def _hit_from_mention(kb, mention) -> MakerHit | None:
    try:
        named = kb.get(mention.manufacturer_id)
        maker = kb.get(mention.maker_id or mention.manufacturer_id)
    except Exception:  # noqa: BLE001 - a mention the KB cannot resolve is not evidence
        return None
    via = mention.kind if mention.kind in {"name", "alias", "brand", "model"} else "name"
    kind = "brand" if named.kind == "brand" and maker.kind == "manufacturer" else named.kind
    state = bool(maker.state_linked) or maker.name in STATE_LINKED_NAMES
    return MakerHit(mention.start, mention.end, mention.text, maker.id, maker.name, kind, state, via)


# id, name, kind, state_linked, names regex, model-number regex (or "")
_FALLBACK: list[tuple[str, str, str, bool, str, str]] = [
    ("hikvision", "Hikvision", "manufacturer", True, r"hik[\s-]?vision|hilook|hiwatch", r"\bi?DS-\d[A-Z0-9]{3,}[A-Z0-9-/]*"),
    ("dahua", "Dahua", "manufacturer", True, r"dahua|amcrest", r"\b(?:DH-)?(?:IPC|SD|NVR|XVR|HAC)-?[A-Z]{0,4}\d{3,}[A-Z0-9-]*"),
    ("ezviz", "Ezviz", "brand", True, r"ezviz", ""),
    ("imou", "Imou", "brand", True, r"imou", ""),
    ("uniview", "Uniview", "manufacturer", True, r"uniview|\bUNV\b", ""),
    ("tiandy", "Tiandy", "manufacturer", True, r"tiandy", ""),
    ("huawei", "Huawei", "manufacturer", True, r"huawei", ""),
    ("kedacom", "Kedacom", "manufacturer", True, r"kedacom", ""),
    ("axis", "Axis", "manufacturer", False, r"axis communications|\bAXIS\b|\bAxis\b(?=[\s-]+(?:cameras?|[MPQF]\d{4}|communications|ip|dome|network|brand|units?))|(?<=by )Axis\b|\bAxis\b(?=[.,;)]|\s*$|\s*\()", ""),
    ("bosch", "Bosch", "manufacturer", False, r"bosch", r"\b(?:dinion|flexidome|autodome)\b"),
    ("hanwha", "Hanwha", "manufacturer", False, r"hanwha|wisenet|samsung techwin|samsung", ""),
    ("avigilon", "Avigilon", "manufacturer", False, r"avigilon", ""),
    ("edesix", "Edesix", "manufacturer", False, r"edesix", r"\bVideoBadge\b"),
    ("axon", "Axon", "manufacturer", False, r"\baxon\b", ""),
    ("gopro", "GoPro", "manufacturer", False, r"go[\s-]?pro", ""),
    ("motorola", "Motorola Solutions", "manufacturer", False, r"motorola", ""),
    ("reveal", "Reveal Media", "manufacturer", False, r"reveal media", ""),
    ("panasonic", "Panasonic", "manufacturer", False, r"panasonic|i-pro", ""),
    ("sony", "Sony", "manufacturer", False, r"\bsony\b", ""),
    ("vivotek", "Vivotek", "manufacturer", False, r"vivotek", ""),
    ("mobotix", "Mobotix", "manufacturer", False, r"mobotix", ""),
    ("pelco", "Pelco", "manufacturer", False, r"\bpelco\b", ""),
    ("honeywell", "Honeywell", "manufacturer", False, r"honeywell", ""),
    ("genetec", "Genetec", "vms", False, r"genetec", ""),
    ("milestone", "Milestone", "vms", False, r"milestone(?: systems| xprotect)?|xprotect", ""),
]


@functools.lru_cache(maxsize=1)
def _fallback_patterns() -> list[tuple[re.Pattern, str, str, str, bool, str]]:
    out = []
    for maker_id, name, kind, state, names, models in _FALLBACK:
        out.append((re.compile(names, re.IGNORECASE), maker_id, name, kind, state, "name"))
        if models:
            out.append((re.compile(models), maker_id, name, kind, state, "model"))
    return out


def _from_fallback(text: str) -> list[MakerHit]:
    hits = []
    for pattern, maker_id, name, kind, state, via in _fallback_patterns():
        for match in pattern.finditer(text):
            if match.group(0):
                hits.append(MakerHit(match.start(), match.end(), match.group(0), maker_id, name, kind, state, via))
    return hits
