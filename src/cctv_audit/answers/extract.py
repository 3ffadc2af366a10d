"""The extraction pipeline: segment, find makers, decide their status, count, cite, classify.

``extract_answer`` is pure (no database, no network) and deterministic; every
value in the :class:`Answer` has at least one :class:`EvidenceSpan` whose
``quote`` is ``text[start:end]`` and whose ``reason`` names the rule that fired.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from typing import Literal

from cctv_audit.answers.arithmetic import local_remainders, remainder_count, rest_of_total
from cctv_audit.answers.count_model import CountResult, CountSpan
from cctv_audit.answers.counts import maker_counts, recorder_mention
from cctv_audit.answers.exemptions import document_law, find_exemptions
from cctv_audit.answers.lexicon import MakerHit, find_makers
from cctv_audit.answers.maker_layout import answers_to_camera_questions
from cctv_audit.answers.makers import MakerFinding, classify_mentions
from cctv_audit.answers.outcome import (
    READS_AS,
    contested,
    decide_rule,
    gather_signals,
    outcome_unit,
)
from cctv_audit.answers.outcome_table import Signal
from cctv_audit.answers.rules import cue
from cctv_audit.answers.schema import (
    Answer,
    Candidate,
    EvidenceField,
    EvidenceSpan,
    Outcome,
    Passage,
)
from cctv_audit.answers.segment import question_offset, segment
from cctv_audit.answers.totals import total_cameras
from cctv_audit.answers.units import Unit

#: "predominantly Avigilon", "mainly Axis": the maker is most of the cameras, so the total is not its count.
PART_SHARE = cue("extract.part_share")

#: Words that put a use claim in the present, against earlier past use of the same maker.
STILL_IN_USE = cue("extract.still_in_use")

#: Past use stated as over now: the maker is not used now (a denial, as "no longer has any" is).
ENDED_NOW = cue("extract.ended_now")

#: A later reply correcting an earlier one in the same thread or page.
CORRECTION = cue("extract.correction")

#: Bump when a rule changes what is extracted: saved answers are keyed by it.
EXTRACTOR_VERSION = "rules-1.27"

#: "1 drone", "two dash cams of unknown make": camera-carrying devices counted without a maker.
UNNAMED_DEVICES = cue("extract.unnamed_devices")

#: OCR confusions in scanned letters, each mended with a string of the same length so that every
#: offset (and so every evidence quote, taken from the original text) is unchanged:
#: "n0t" -> "not", "Counci1" -> "Council", "carneras" -> " cameras", "rnake" -> " make", "lnformation".
_OCR_FIXES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (cue("extract.ocr_zero_in_word"), lambda m: "o"),
    (cue("extract.ocr_one_at_word_end"), lambda m: "l"),
    (cue("extract.ocr_rn_camera"), lambda m: f" {m.group(1)}amera"),
    (cue("extract.ocr_rn_m"), lambda m: " m"),
    (cue("extract.ocr_l_information"), lambda m: "I"),
]


def ocr_mended(text: str) -> str:
    """``text`` with common OCR confusions mended, same length, same offsets."""
    for pattern, fix in _OCR_FIXES:
        text = pattern.sub(fix, text)
    return text


def extract_answer(
    text: str,
    *,
    question: str | None = None,
    document_id: int | None = None,
    law: str | None = None,
) -> Answer:
    """What the reply ``text`` answers, with evidence. ``question`` is the request when known separately;
    ``law`` ("FOIA" or "FOISA") overrides the law guessed from the text."""
    original, text = text, ocr_mended(text)
    units = segment(text, question)
    hits = _all_hits(text, question)
    hits += answers_to_camera_questions(text, units, hits)
    for unit in units:
        unit.hits = [h for h in hits if unit.start <= h.start < unit.end]
    builder = _Builder(original, document_id)  # quotes come from the text as given
    findings = classify_mentions(units, hits)
    for finding in findings:
        if finding.status in {
            "in_use",
            "past",
        }:  # numbers there belong to a maker, not to the total
            finding.unit.in_use_hits.append(finding.hit)
    in_use, denied = builder.makers(findings)
    builder.counts(units, findings, in_use, denied)
    citations = find_exemptions(units, document_law(text, law))
    for citation in citations:
        builder.evidence(
            "exemption",
            citation.label,
            citation.unit,
            citation.reason,
            span=(citation.start, citation.end),
        )
    substantive = {
        i for i, u in enumerate(units) if u.role == "answer" and _has_claim(u, findings, builder)
    }
    signals = gather_signals(units, citations, substantive)
    row = decide_rule(signals)
    outcome, rule, confidence = row.outcome, row.rule, row.confidence
    if not row.relies_on_exemptions:  # a time-extension letter: exemptions only considered
        builder.spans = [e for e in builder.spans if e.field != "exemption"]
        citations = []
    shown = outcome_unit(signals, outcome)
    if shown is not None:
        builder.evidence("outcome", outcome, shown, rule)
    if confidence < 0.6:
        builder.review(f"outcome: {rule}")
    builder.outcome_contest(outcome, rule, shown, contested(signals, row))
    builder.confidence["outcome"] = confidence
    builder.confidence["exemptions"] = 0.85 if citations else (0.9 if outcome != "refused" else 0.5)
    if outcome == "refused" and not citations:
        builder.review("refused but no exemption found")
    return builder.answer(outcome, [c.label for c in citations], in_use, denied)


def _all_hits(text: str, question: str | None) -> list[MakerHit]:
    hits = find_makers(text)
    if question:
        offset = question_offset(question)
        shifted = [
            MakerHit(
                h.start + offset,
                h.end + offset,
                h.text,
                h.maker_id,
                h.name,
                h.kind,
                h.state_linked,
                h.via,
            )
            for h in find_makers(question)
        ]
        hits = shifted + hits
    return hits


#: "Two DJI Inspire 2 aircraft", "14 of the Hikvision cameras": a number of units just before the maker.
SOME_UNITS = cue("extract.some_units")


def _settled(group: list[MakerFinding]) -> list[MakerFinding]:
    """The mentions that speak for or against the maker as a whole."""
    if any(f.status == "in_use" and f.strong for f in group):
        # "Two DJI Inspire 2 aircraft were withdrawn" or a site's row of 0 beside the maker's kit in use
        # elsewhere: some units ended, not the maker.
        return [
            f
            for f in group
            if not (
                f.status in {"past", "denied"} and (_some_units_only(f) or f.unit.cells is not None)
            )
        ]
    if any(f.status in {"denied", "past"} and f.strong for f in group):
        # A name without any statement of use (a thread's title, a keyword line) does not contest a denial.
        return [f for f in group if not (f.status == "in_use" and not f.strong)]
    return group


def _some_units_only(finding: MakerFinding) -> bool:
    """The past or denied mention is about a number of units, not about every device of the maker."""
    if finding.hit.start < finding.unit.start:
        return False
    before = finding.unit.text[: finding.hit.start - finding.unit.start]
    return bool(SOME_UNITS.search(before))


def _has_claim(unit: Unit, findings: list[MakerFinding], builder: _Builder) -> bool:
    # Only what is claimed counts as disclosed: a state-linked name left for review is not data.
    if any(
        f.unit is unit
        and (
            f.status in {"denied", "past"}
            or (f.status == "in_use" and (f.strong or not f.state_linked))
            or f.scoped
        )
        for f in findings
    ):
        return True
    return any(
        e.start >= unit.start and e.end <= unit.end and e.value != 0
        for e in builder.spans
        if e.field in {"count", "total_cameras"}
    )


#: What the reply says of one maker in the end: in use, denied, or (None) neither.
Verdict = Literal["in_use", "denied"]


class _Builder:
    """Collects values, evidence, confidence and review reasons while the pipeline runs."""

    def __init__(self, text: str, document_id: int | None):
        self.text = text
        self.document_id = document_id
        self.spans: list[EvidenceSpan] = []
        self.confidence: dict[str, float] = {}
        self.reasons: list[str] = []
        self.counts_found: dict[str, int] = {}
        self.total: int | None = None
        self.maker_ids: dict[str, str] = {}
        self.candidates: list[Candidate] = []

    def review(self, reason: str) -> None:
        if reason not in self.reasons:
            self.reasons.append(reason)

    def passage(self, unit: Unit, reason: str) -> Passage | None:
        if unit.start < 0:  # the separately supplied request: not part of this document
            return None
        return Passage(
            start=unit.start,
            end=unit.end,
            quote=self.text[unit.start : unit.end],
            reason=reason,
            document_id=self.document_id,
        )

    def candidate(
        self,
        field: EvidenceField,
        value,
        *,
        chosen: bool,
        support: list[tuple[Unit, str]],
        against: list[tuple[Unit, str]] | None = None,
    ) -> None:
        """A reading a reviewer may pick, with the passages for and against it (one candidate per value)."""

        def passages(pairs, known: list[Passage]) -> list[Passage]:
            seen = {(p.start, p.end) for p in known}
            out = []
            for unit, why in pairs:
                found = self.passage(unit, why)
                if (
                    found is not None and (found.start, found.end) not in seen
                ):  # each passage once per side
                    seen.add((found.start, found.end))
                    out.append(found)
            return out

        for existing in self.candidates:
            if existing.field == field and existing.value == value:
                existing.support += passages(support, existing.support)
                existing.against += passages(against or [], existing.against)
                existing.chosen = existing.chosen or chosen
                return
        self.candidates.append(
            Candidate(
                field=field,
                value=value,
                chosen=chosen,
                support=passages(support, []),
                against=passages(against or [], []),
            )
        )

    def outcome_contest(
        self, outcome: Outcome, rule: str, shown: Unit | None, contest: list[tuple[Signal, Unit]]
    ) -> None:
        """Signals the outcome rule set aside that read otherwise: both readings go to a person."""
        for signal, unit in contest:
            other = READS_AS[signal]
            if other == outcome:
                continue
            self.review(f"outcome: read as {outcome} ({rule}), but a passage reads as {other}")
            chosen = [(shown, rule)] if shown is not None else []
            self.candidate(
                "outcome",
                outcome,
                chosen=True,
                support=chosen,
                against=[(unit, f"reads as {other}")],
            )
            self.candidate(
                "outcome",
                other,
                chosen=False,
                support=[(unit, f"signal: {signal}")],
                against=chosen,
            )

    def evidence(
        self,
        field: EvidenceField,
        value,
        unit: Unit,
        reason: str,
        *,
        maker_id: str | None = None,
        span: tuple[int, int] | None = None,
    ) -> None:
        # The quote is always the whole sentence, list item or table row; a narrower span
        # (the number, the section cited) is named in the reason.
        start, end = unit.start, unit.end
        if start < 0:  # the separately supplied request: not part of this document
            return
        if span is not None and span != (start, end) and 0 <= span[0] < span[1] <= len(self.text):
            reason = f"{reason}: '{self.text[span[0] : span[1]]}'"
        self.spans.append(
            EvidenceSpan(
                field=field,
                value=value,
                manufacturer_id=maker_id,
                start=start,
                end=end,
                quote=self.text[start:end],
                reason=reason,
                document_id=self.document_id,
            )
        )

    def makers(self, findings: list[MakerFinding]) -> tuple[list[str], list[str]]:
        """Decide in-use and denied makers from all findings, most cautious first."""
        by_name: dict[str, list[MakerFinding]] = defaultdict(list)
        for finding in findings:
            by_name[finding.name].append(finding)
            self.maker_ids[finding.name] = finding.maker_id
        in_use, denied = [], []
        for name, group in by_name.items():
            verdict = self._verdict(name, group)
            if verdict == "in_use":
                in_use.append(name)
            elif verdict == "denied":
                denied.append(name)
        self.confidence["manufacturers_in_use"] = 0.9 if not self.reasons else 0.7
        self.confidence["manufacturers_denied"] = 0.85
        return in_use, denied

    def _verdict(self, name: str, group: list[MakerFinding]) -> Verdict | None:
        group = _settled(group)
        statuses = {f.status for f in group}
        strong_use = [f for f in group if f.status == "in_use" and f.strong]
        if "in_use" in statuses and ({"denied", "past"} & statuses):
            decided, strong_use = self._both(name, group, strong_use)
            if decided != "open":
                return decided
        self._doubtful_skips(name, group, strong_use)
        if strong_use:
            for finding in strong_use:
                self.evidence(
                    "in_use", name, finding.unit, finding.reason, maker_id=finding.maker_id
                )
            self.confidence[f"in_use:{name}"] = (
                0.9
                if len({f.unit.start for f in strong_use}) > 1 or not group[0].state_linked
                else 0.85
            )
            return "in_use"
        weak_use = [f for f in group if f.status == "in_use" and not f.strong]
        if weak_use:
            return self._weak_use(name, group, weak_use)
        return self._denial(name, group, statuses)

    def _both(
        self, name: str, group: list[MakerFinding], strong_use: list[MakerFinding]
    ) -> tuple[Verdict | Literal["open"] | None, list[MakerFinding]]:
        """The reply names the maker in use and not in use: a correction decides, or a clause saying some are
        still in use now ("the remaining four are still in use"); otherwise it is left to a person ("open" goes on
        with the use claims that remain)."""
        self.review(f"{name}: the reply both names it in use and not in use")
        self._maker_candidates(name, group)
        corrected = self._corrected(group)
        if corrected:
            for finding in corrected:
                self.evidence(
                    "denied",
                    name,
                    finding.unit,
                    f"{finding.reason}, in a correction of the earlier reply",
                    maker_id=finding.maker_id,
                )
            return "denied", strong_use
        current = [f for f in strong_use if STILL_IN_USE.search(f.unit.text)]
        if any(f.status == "denied" for f in group) or not current:
            if group[0].state_linked or not strong_use:
                return None, strong_use
            return "open", strong_use
        return "open", current

    def _doubtful_skips(
        self, name: str, group: list[MakerFinding], strong_use: list[MakerFinding]
    ) -> None:
        # A mention set aside beside a clear statement of use contests nothing, and one a rule recognised (an
        # intercom, the request, another body's cameras) is decided; only one set aside for want of a signal
        # is put to a person.
        for finding in group:
            if (
                finding.status == "skip"
                and finding.state_linked
                and not strong_use
                and finding.doubtful
            ):
                self.review(f"{name}: named but not claimed ({finding.reason})")
                self._maker_candidates(name, group)

    def _weak_use(
        self, name: str, group: list[MakerFinding], weak_use: list[MakerFinding]
    ) -> Verdict | None:
        self.review(f"{name}: named without a clear statement of use")
        self._maker_candidates(name, group)
        if group[0].state_linked:
            return None
        for finding in weak_use:
            self.evidence("in_use", name, finding.unit, finding.reason, maker_id=finding.maker_id)
        self.confidence[f"in_use:{name}"] = 0.6
        return "in_use"

    def _denial(
        self, name: str, group: list[MakerFinding], statuses: AbstractSet[str]
    ) -> Verdict | None:
        denials = [f for f in group if f.status == "denied"]
        if not denials and "in_use" not in statuses:
            # "Edesix cameras were used until 2021; these are no longer in use": use ended, so not used now.
            denials = [f for f in group if f.status == "past" and ENDED_NOW.search(f.unit.text)]
        for finding in denials:
            self.evidence("denied", name, finding.unit, finding.reason, maker_id=finding.maker_id)
        return "denied" if denials else None

    def _maker_candidates(self, name: str, group: list[MakerFinding]) -> None:
        """'In use' and 'denied' as readings of one maker, each with the mentions for and against it.
        ``chosen`` is settled in :meth:`answer`, once the verdict is known."""
        use = [(f.unit, f.reason) for f in group if f.status in {"in_use", "skip"}]
        not_use = [(f.unit, f.reason) for f in group if f.status in {"denied", "past"}]
        if use:
            self.candidate("in_use", name, chosen=False, support=use, against=not_use)
        if any(f.status == "denied" for f in group):
            self.candidate(
                "denied",
                name,
                chosen=False,
                support=[(f.unit, f.reason) for f in group if f.status == "denied"],
                against=use,
            )

    def _corrected(self, group: list[MakerFinding]) -> list[MakerFinding]:
        """Denials after every use claim, with a correction between them ('I must correct our earlier
        reply ... made by Uniview, not Dahua, as we stated in error'): the later reply stands."""
        last_use = max(f.unit.end for f in group if f.status == "in_use")
        later = [f for f in group if f.status == "denied" and f.unit.start >= last_use]
        if later and CORRECTION.search(self.text[last_use : later[-1].unit.end]):
            return later
        return []

    def counts(
        self, units: list[Unit], findings: list[MakerFinding], in_use: list[str], denials: list[str]
    ) -> None:
        per_maker = maker_counts(units, findings, set(in_use))
        # Recorders (NVR/DVR) put their maker in use but are no cameras: they give no count.
        per_maker = {name: r for name, r in per_maker.items() if not r.recorders}
        local_remainders(units, findings, per_maker)
        for name in [n for n, r in per_maker.items() if r.value == 0]:
            # "Hikvision | 0" or "Hikvision – 0" states that none are in use.
            in_use.remove(name)
            denials.append(name)
            self.spans = [s for s in self.spans if not (s.field == "in_use" and s.value == name)]
            self._count_evidence(
                "denied", name, per_maker.pop(name), maker=name, note="a count of zero"
            )
        total = total_cameras(units, frozenset(r.value for r in per_maker.values()))
        if total is None:
            total = rest_of_total(units)
        if total is not None and total.sure:
            self._remainder(findings, in_use, per_maker, total)
        for name, result in per_maker.items():
            self._count_evidence("count", result.value, result, maker=name)
            self.counts_found[name] = result.value
        counted = all(span.kind != "singular" for r in per_maker.values() for span in r.spans)
        cameras = [
            r for r in per_maker.values() if not r.recorders
        ]  # recorders are devices of a maker, not cameras
        # A maker named only for its recorders ("They record to a Hikvision NVR") adds no cameras to the sum.
        recorders_only = {
            name
            for name in in_use
            if name not in per_maker
            and all(
                recorder_mention(f) for f in findings if f.name == name and f.status == "in_use"
            )
        }
        unnamed = [
            u
            for u in units
            if u.role == "answer" and not u.in_use_hits and UNNAMED_DEVICES.search(u.text)
        ]
        if total is None and cameras and set(per_maker) | recorders_only == set(in_use) and counted:
            if unnamed:  # "1 drone with a built-in camera" beside "14 body worn cameras made by Reveal": not 14 in all
                self.review(
                    "devices of an unnamed maker beside the counted makers: no total from the sum"
                )
            else:
                total = CountResult(
                    sum(r.value for r in cameras), [s for r in cameras for s in r.spans]
                )
        if total is not None:
            self.total = total.value
            self._count_evidence("total_cameras", total.value, total)
            if not total.sure:
                self.review("several camera numbers and no stated total")
        # An approximate figure ('approximately 60', 'over 200') is not a count by the labelling conventions: decided,
        # so it is not a reason for review on its own.
        if len(in_use) == 1 and not per_maker and total is not None and total.value > 0:
            self._only_maker_count(findings, in_use[0], total)
        self.confidence["counts"] = 0.8 if self.counts_found else 0.9
        self.confidence["total_cameras"] = 0.8 if total is None or total.sure else 0.5

    def _only_maker_count(
        self, findings: list[MakerFinding], only: str, total: CountResult
    ) -> None:
        """The total is the count of the only maker named, unless it is most of them ("predominantly Avigilon")."""
        if any(f.name == only and PART_SHARE.search(f.unit.text) for f in findings):
            return
        self.counts_found[only] = total.value
        note = "the only maker named, so the total is its count"
        self._count_evidence("count", total.value, total, maker=only, note=note)

    @staticmethod
    def _remainder(
        findings: list[MakerFinding],
        in_use: list[str],
        per_maker: dict[str, CountResult],
        total: CountResult,
    ) -> None:
        """'40 cameras: 12 Axis and the remainder Hikvision': the one maker without a count, named as the rest,
        has the total less the other makers' cameras (only when every other maker in use has a count)."""
        missing = [name for name in in_use if name not in per_maker]
        if len(missing) != 1:
            return
        rest = [f for f in findings if f.name == missing[0] and remainder_count(f)]
        counted = sum(r.value for r in per_maker.values() if not r.recorders)
        if not rest or not counted or total.value - counted <= 0:
            return
        finding = rest[0]
        unit, hit = finding.unit, finding.hit
        per_maker[missing[0]] = CountResult(
            total.value - counted,
            [
                CountSpan(
                    unit,
                    hit.start,
                    hit.end,
                    f"the rest of the total: {total.value} less {counted} counted for the other makers",
                    "remainder",
                )
            ]
            + [span for span in total.spans],
        )

    def _count_evidence(
        self,
        field: EvidenceField,
        value,
        result: CountResult,
        maker: str | None = None,
        note: str = "",
    ) -> None:
        for unit, start, end, reason, _ in result.spans:
            why = f"{maker}: {reason}" if maker else reason
            self.evidence(
                field,
                value,
                unit,
                f"{why}; {note}" if note else why,
                span=(start, end),
                maker_id=self.maker_ids.get(maker) if maker else None,
            )

    def answer(
        self, outcome: Outcome, exemptions: list[str], in_use: list[str], denied: list[str]
    ) -> Answer:
        for candidate in self.candidates:
            if candidate.field == "in_use":
                candidate.chosen = candidate.value in in_use
            elif candidate.field == "denied":
                candidate.chosen = candidate.value in denied
        return Answer(
            outcome=outcome,
            exemptions=exemptions,
            manufacturers_in_use=sorted(in_use),
            manufacturers_denied=sorted(denied),
            counts=dict(sorted(self.counts_found.items())),
            total_cameras=self.total,
            evidence=self.spans,
            confidence=self.confidence,
            needs_review=bool(self.reasons),
            review_reasons=self.reasons,
            candidates=self.candidates if self.reasons else [],
            document_id=self.document_id,
        )
