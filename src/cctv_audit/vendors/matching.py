"""Find manufacturer mentions in text, model numbers and MAC addresses.

Precision comes first: a wrong mention can become a false "council X uses
Hikvision". Unambiguous names (Hikvision, Dahua, Pelco) match anywhere, in any
case. Names that are also ordinary words (Axis, Reveal, Sony, Swann...) are
marked ``context: true`` in the data and match only when capitalised and
backed by camera context, as described in ``data/matching.yaml``.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from cctv_audit.vendors.kb import KnowledgeBase, name_key
from cctv_audit.vendors.patterns import (
    MAC_IN_TEXT,
    Label,
    Model,
    build_label_regex,
    build_model_regex,
    labels_of,
    models_of,
    normalise,
    token_end,
)
from cctv_audit.vendors.schema import OuiBlock, Source

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-/]*|\d+|[,&/;]")
_LABEL_AFTER = re.compile(r"\s*\d*\s*:")
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n\s*\n")
_MAC_SHAPE = re.compile(
    r"[0-9A-Fa-f]{2}(?:[:\-\s]?[0-9A-Fa-f]{2}){2,5}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?:\.[0-9A-Fa-f]{4})?"
)


@dataclass(frozen=True)
class Mention:
    """A manufacturer named in text: the span, what it names and who really makes it."""

    start: int
    end: int
    text: str
    manufacturer_id: str
    maker_id: str
    kind: str  # "name" | "alias" | "brand" | "model" | "mac"
    rebadge_sources: tuple[Source, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form."""
        data = {
            k: getattr(self, k)
            for k in ("start", "end", "text", "manufacturer_id", "maker_id", "kind")
        }
        data["rebadge_sources"] = [s.model_dump(exclude_none=True) for s in self.rebadge_sources]
        return data


@dataclass
class _Candidate:
    start: int
    end: int
    maker_id: str
    kind: str
    context: bool = False


class Matcher:
    """Compiled names, model patterns and MAC blocks of one knowledge base."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.labels: list[Label] = [
            label for m in kb.manufacturers.values() for label in labels_of(m)
        ]
        self.label_regex = build_label_regex(self.labels)
        self.plain_spellings: dict[str, set[str]] = {m: set() for m in kb.manufacturers}
        for label in self.labels:
            if not label.context:
                self.plain_spellings[label.maker_id].add(_spelling(label.text))
        self.name_keys = {
            m.id: {name_key(text) for text in [m.name, *m.legal_names]}
            for m in kb.manufacturers.values()
        }
        self.models: list[Model] = [
            model for m in kb.manufacturers.values() for model in models_of(m)
        ]
        self.model_regex = build_model_regex(self.models)
        rules = kb.matching
        self.after_window = int(rules.get("after_window", 2))
        self.before_window = int(rules.get("before_window", 4))
        self.list_gap_max = int(rules.get("list_gap_max", 12))
        self.camera_words = {w.casefold() for w in rules.get("camera_words", [])}
        self.company_words = set(rules.get("company_words", []))
        self.cues = {w.casefold() for w in rules.get("cues", [])}
        self.joiners = {w.casefold() for w in rules.get("list_joiners", [])}
        self.verb_objects = {w.casefold() for w in rules.get("not_before", [])}
        self.vetoes = [re.compile(v, re.IGNORECASE) for v in rules.get("vetoes", [])]
        self.oui = {(b.bits, b.prefix): b for b in kb.oui}

    # -- public entry points ----------------------------------------------

    def match_text(self, text: str) -> list[Mention]:
        """Every manufacturer mention in ``text``, in order, without overlaps."""
        norm = normalise(text)
        candidates = self._names(norm) + self._models(norm) + self._macs(norm)
        accepted = self._accept_in_context(norm, candidates)
        accepted = self._drop_vetoed(norm, accepted)
        return [self._mention(text, c) for c in _without_overlaps(accepted)]

    def match_model(self, value: str) -> Mention | None:
        """The maker of a model number such as ``DS-7608NI-K2`` (any case), or None."""
        stripped = normalise(value).strip()
        offset = normalise(value).find(stripped) if stripped else 0
        for candidate in (stripped, stripped.upper()):
            found = self._best_model(candidate)
            if found is not None:
                end = token_end(candidate, 0, found[0])
                return self._mention(
                    value, _Candidate(offset, offset + end, found[1].maker_id, "model")
                )
        models = [m for m in self.match_text(value) if m.kind == "model"]
        return models[0] if models else None

    def _best_model(self, value: str) -> tuple[int, Model] | None:
        """Longest pattern match at the start; free-text (strong) patterns before weak ones."""
        for strong in (True, False):
            best: tuple[int, Model] | None = None
            for model in (m for m in self.models if m.in_text is strong):
                found = model.regex.match(value)
                if found and (best is None or found.end() > best[0]):
                    best = (found.end(), model)
            if best:
                return best
        return None

    def lookup_oui(self, value: str) -> OuiBlock | None:
        """The IEEE block (any relevance) a MAC address or prefix belongs to."""
        cleaned = value.strip().rstrip(".\u2026:-xX* ")
        if not _MAC_SHAPE.fullmatch(cleaned):
            return None
        digits = re.sub(r"[^0-9A-Fa-f]", "", cleaned).upper()
        for bits in (36, 28, 24):
            if len(digits) * 4 >= bits and (block := self.oui.get((bits, digits[: bits // 4]))):
                return block
        return None

    def match_mac(self, value: str) -> Mention | None:
        """The maker of a MAC address or prefix (``BC:AD:28:…``); None for unknown or non-video blocks."""
        block = self.lookup_oui(value)
        if block is None or block.relevance == "low":
            return None
        return self._mention(value, _Candidate(0, len(value), block.manufacturer_id, "mac"))

    # -- candidates -------------------------------------------------------

    def _names(self, text: str) -> list[_Candidate]:
        found = []
        for match in self.label_regex.finditer(text):
            label = self.labels[_group_index(match)]
            matched = match.group()
            if label.context and not matched[0].isupper():
                continue  # "axis", "reveal": ordinary words
            # A stray space or hyphen inside a word ("Uni view") may be OCR damage or two
            # ordinary words, so it needs the same camera context as an ambiguous name.
            split = _is_ocr_split(matched, label.text)
            if split and matched.islower():
                continue
            key = name_key(matched)
            kind = "name" if key in self.name_keys[label.maker_id] else label.kind
            # "Dahua" may be caught by the longer context alias "Da Hua": the plain spelling decides.
            context = (
                label.context and _spelling(matched) not in self.plain_spellings[label.maker_id]
            ) or split
            found.append(_Candidate(match.start(), match.end(), label.maker_id, kind, context))
        return found

    def _models(self, text: str) -> list[_Candidate]:
        found = []
        for match in self.model_regex.finditer(text):
            model = self.models[_group_index(match)]
            end = token_end(text, match.start(), match.end())
            found.append(_Candidate(match.start(), end, model.maker_id, "model"))
        return found

    def _macs(self, text: str) -> list[_Candidate]:
        found = []
        for match in MAC_IN_TEXT.finditer(text):
            block = self.lookup_oui(match.group())
            if block is not None and block.relevance != "low":
                found.append(_Candidate(match.start(), match.end(), block.manufacturer_id, "mac"))
        return found

    # -- context ----------------------------------------------------------

    def _accept_in_context(self, text: str, candidates: list[_Candidate]) -> list[_Candidate]:
        """Accept plain names, then context names backed by words or neighbouring mentions."""
        accepted = sorted((c for c in candidates if not c.context), key=lambda c: (c.start, -c.end))
        starts = [c.start for c in accepted]
        pending = [c for c in candidates if c.context]
        changed = True
        while pending and changed:  # repeat: "Hikvision, Axis, Sony" accepts Axis, then Sony
            changed, waiting = False, []
            for cand in pending:
                i = bisect_left(starts, cand.start)
                near = accepted[max(0, i - 2) : i + 2]
                if self._has_context(text, cand, near) or self._in_list(text, cand, near):
                    accepted.insert(i, cand)
                    starts.insert(i, cand.start)
                    changed = True
                else:
                    waiting.append(cand)
            pending = waiting
        return accepted

    def _has_context(self, text: str, cand: _Candidate, accepted: list[_Candidate]) -> bool:
        """Camera or company words just after, a maker cue just before, or its own model next."""
        if self._context_after(_sentence_after(text, cand.end)):
            return True
        if any(
            c.kind == "model" and c.maker_id == cand.maker_id and 0 <= c.start - cand.end <= 3
            for c in accepted
        ):
            return True
        return self._context_before(_sentence_before(text, cand.start))

    def _context_after(self, after: str) -> bool:
        words = _WORD.findall(after)[: self.after_window]
        if words and words[0].casefold() in self.verb_objects:
            return False  # "Reveal the cameras", "Axis of": the word is used as a verb or noun
        if _LABEL_AFTER.match(after):
            return False  # "Milestone 3: cameras installed" is a heading, not a maker
        lowered = [w.casefold() for w in words]
        pairs = [" ".join(lowered[i : i + 2]) for i in range(len(lowered) - 1)]
        return any(w in self.camera_words for w in lowered + pairs) or any(
            w in self.company_words for w in words
        )

    def _context_before(self, preceding: str) -> bool:
        before = [w.casefold() for w in _WORD.findall(preceding)][-self.before_window :]
        if (
            before
            and preceding.rstrip().endswith(":")
            and before[-1] in self.camera_words | self.cues
        ):
            return True  # "Cameras: Axis", "Make: Sony"
        pairs = [" ".join(before[i : i + 2]) for i in range(len(before) - 1)]
        return any(w.rstrip(":") in self.cues for w in before + pairs)

    def _in_list(self, text: str, cand: _Candidate, accepted: list[_Candidate]) -> bool:
        for other in accepted:
            if other.kind == "mac":
                continue
            gap = (
                text[other.end : cand.start]
                if other.end <= cand.start
                else text[cand.end : other.start]
            )
            if len(gap) > self.list_gap_max or not all(
                t.casefold() in self.joiners for t in _WORD.findall(gap)
            ):
                continue
            if gap.strip() or other.maker_id == cand.maker_id:  # a list, or "Milestone XProtect"
                return True
        return False

    def _drop_vetoed(self, text: str, candidates: list[_Candidate]) -> list[_Candidate]:
        """Remove candidates inside a veto phrase ("Hieronymus Bosch", "Axis of")."""
        spans = sorted((m.start(), m.end()) for veto in self.vetoes for m in veto.finditer(text))
        if not spans:
            return candidates
        starts = [a for a, _ in spans]
        kept = []
        for cand in candidates:
            i = bisect_right(starts, cand.start)
            if not any(b >= cand.end for _, b in spans[max(0, i - 3) : i]):
                kept.append(cand)
        return kept

    # -- output -----------------------------------------------------------

    def _mention(self, original: str, cand: _Candidate) -> Mention:
        maker = self.kb.manufacturers[cand.maker_id]
        real = self.kb.resolve_maker(maker.id)
        rebadge = (
            next((r for r in maker.rebadges if r.maker == maker.made_by), None)
            if maker.made_by
            else None
        )
        kind = "brand" if rebadge and cand.kind in {"name", "alias"} else cand.kind
        sources = tuple(rebadge.sources) if rebadge else ()
        return Mention(
            cand.start, cand.end, original[cand.start : cand.end], maker.id, real, kind, sources
        )


def _group_index(match: re.Match[str]) -> int:
    """Index of the named alternative (``l12``/``m3``) that matched.

    Patterns have no capturing groups of their own (the loader checks), so the last group is ours.
    """
    group = match.lastgroup
    if group is None:  # every alternative is wrapped in a named group by the loader
        raise LookupError(
            f"model pattern matched {match.group(0)!r} outside its named alternatives"
        )
    return int(group[1:])


def _spelling(text: str) -> str:
    """Case- and spacing-insensitive, but not separator-blind ("Da Hua" is not "Dahua")."""
    return " ".join(text.casefold().split())


def _is_ocr_split(matched: str, label: str) -> bool:
    """True when the text has a space or hyphen inside a word of the label."""
    return len(re.findall(r"[\s\-]", matched)) > len(re.findall(r"[\s\-]", label))


def _sentence_after(text: str, end: int) -> str:
    window = text[end : end + 80]
    stop = _SENTENCE_END.search(window)
    return window[: stop.start()] if stop else window


def _sentence_before(text: str, start: int) -> str:
    window = text[max(0, start - 80) : start]
    stops = list(_SENTENCE_END.finditer(window))
    return window[stops[-1].end() :] if stops else window


def _without_overlaps(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the longest of overlapping candidates (a model beats the name inside it)."""
    kept: list[_Candidate] = []
    starts: list[int] = []
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start)):
        i = bisect_left(starts, cand.start)
        if (i > 0 and kept[i - 1].end > cand.start) or (i < len(kept) and kept[i].start < cand.end):
            continue
        kept.insert(i, cand)
        starts.insert(i, cand.start)
    return kept


@lru_cache(maxsize=4)
def matcher_for(kb: KnowledgeBase) -> Matcher:
    """The compiled matcher of a knowledge base (built once per process)."""
    return Matcher(kb)
