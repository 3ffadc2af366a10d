"""Score extraction against a labelled corpus (``CASEID.txt`` + ``CASEID.json``).

Scoring follows the eval README: outcome exact match; in-use, denied and
exemptions as sets (micro precision, recall, F1; exemptions compared by law and
section number); counts exact per maker; a predicted in-use state-linked maker
that the labels do not have is a false accusation.
"""

from __future__ import annotations

import glob
import json
import re
import statistics
import time
from collections.abc import Hashable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path

from cctv_audit.answers.extract import extract_answer
from cctv_audit.answers.lexicon import is_state_linked_name
from cctv_audit.answers.schema import Answer
from cctv_audit.documents import extract_file
from cctv_audit.errors import InputError
from cctv_audit.vendors import load_kb


@dataclass
class SetScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: AbstractSet[Hashable], expected: AbstractSet[Hashable]) -> None:
        self.tp += len(predicted & expected)
        self.fp += len(predicted - expected)
        self.fn += len(expected - predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class CaseResult:
    case_id: str
    expected: dict
    predicted: Answer
    seconds: float

    @property
    def mistakes(self) -> list[str]:
        out = []
        p, e = self.predicted, self.expected
        if p.outcome != e.get("outcome"):
            out.append(f"outcome {p.outcome} != {e.get('outcome')}")
        for name, got, want in [
            ("in_use", p.manufacturers_in_use, e.get("manufacturers_in_use", [])),
            ("denied", p.manufacturers_denied, e.get("manufacturers_denied", [])),
        ]:
            if maker_keys(got) != maker_keys(want):
                out.append(f"{name} {sorted(got)} != {sorted(want)}")
        if {exemption_key(x) for x in p.exemptions} != {
            exemption_key(x) for x in e.get("exemptions", [])
        }:
            out.append(f"exemptions {p.exemptions} != {e.get('exemptions', [])}")
        if keyed_counts(p.counts) != keyed_counts(e.get("counts") or {}):
            out.append(f"counts {p.counts} != {e.get('counts')}")
        return out


@dataclass
class EvalReport:
    """Figures for a corpus plus each case's result."""

    cases: list[CaseResult] = field(default_factory=list)
    in_use: SetScore = field(default_factory=SetScore)
    denied: SetScore = field(default_factory=SetScore)
    exemptions: SetScore = field(default_factory=SetScore)
    outcome_correct: int = 0
    counts_correct: int = 0
    counts_total: int = 0
    totals_correct: int = 0
    false_accusations: list[dict] = field(default_factory=list)

    @property
    def outcome_accuracy(self) -> float:
        return self.outcome_correct / len(self.cases) if self.cases else 0.0

    @property
    def counts_exact(self) -> float:
        return self.counts_correct / self.counts_total if self.counts_total else 1.0

    @property
    def seconds_per_reply(self) -> float:
        return sum(c.seconds for c in self.cases) / len(self.cases) if self.cases else 0.0

    def accepted(self) -> dict:
        """How the answers accepted without review did: the figures that say whether auto-accept can be trusted."""
        accepted = [c for c in self.cases if not c.predicted.needs_review]
        accused = {f["case"] for f in self.false_accusations}
        return {
            "cases": len(accepted),
            "outcome_accuracy": round(
                sum(c.predicted.outcome == c.expected.get("outcome") for c in accepted)
                / len(accepted),
                3,
            )
            if accepted
            else 1.0,
            "fully_right": sum(not c.mistakes for c in accepted),
            "false_accusations": sum(c.case_id in accused for c in accepted),
            "review_share": round(1 - len(accepted) / len(self.cases), 3) if self.cases else 0.0,
        }

    def to_dict(self) -> dict:
        return {
            "cases": len(self.cases),
            "outcome_accuracy": round(self.outcome_accuracy, 3),
            "in_use": self.in_use.to_dict(),
            "denied": self.denied.to_dict(),
            "exemptions": self.exemptions.to_dict(),
            "counts_exact": round(self.counts_exact, 3),
            "counts_compared": self.counts_total,
            "total_cameras_exact": round(self.totals_correct / len(self.cases), 3)
            if self.cases
            else 0.0,
            "false_accusations": self.false_accusations,
            "seconds_per_reply": round(self.seconds_per_reply, 4),
            "median_ms_per_reply": round(1000 * statistics.median(c.seconds for c in self.cases), 2)
            if self.cases
            else 0.0,
            "accepted_without_review": self.accepted(),
            "mistakes": {c.case_id: c.mistakes for c in self.cases if c.mistakes},
        }


def maker_key(name: str) -> str:
    """One key per maker whatever the name used: labels say "Panasonic" and "Motorola" where the knowledge
    base names i-PRO and Motorola Solutions (an alias of each), so makers are compared by knowledge-base id."""
    found = load_kb().find(name)
    return found.id if found is not None else name.casefold()


def maker_keys(names) -> set[str]:
    return {maker_key(n) for n in names}


def keyed_counts(counts: dict[str, int]) -> dict[str, int]:
    keyed: dict[str, int] = {}
    for name, value in counts.items():
        keyed[maker_key(name)] = keyed.get(maker_key(name), 0) + value
    return keyed


def exemption_key(label: str) -> tuple[str, str]:
    """('FOIA', '31') from 'FOIA s31(1)(a)'; EIR keeps the regulation path: ('EIR', '12(4)(b)')."""
    law = label.split()[0].upper() if label.split() else ""
    law = "EIR" if law in {"EIR", "EISR", "EIRS"} else law
    if law == "EIR":
        match = re.search(r"(\d{1,2}(?:\s*\(\s*\w+\s*\))*)", label)
        return law, re.sub(r"\s+", "", match.group(1)).lower() if match else label
    match = re.search(r"(\d{1,2}[A-Z]?)", label.split(maxsplit=1)[-1])
    return law, match.group(1) if match else label


def load_case(reply: Path) -> dict:
    """The labels written beside a reply: ``CASEID.json`` next to ``CASEID.txt`` (or ``.pdf``, ``.eml``...)."""
    labels = reply.with_suffix(".json")
    if not labels.exists():
        raise _no_labels(reply)
    try:
        return json.loads(labels.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"labels are not valid JSON ({exc})", source=str(labels)) from exc


def _no_labels(reply: Path) -> InputError:
    labels = reply.with_suffix(".json")
    return InputError(
        f"no labels file beside the reply; write {labels.name} next to {reply.name}",
        source=str(labels),
    )


def reply_files(directory: Path) -> list[Path]:
    """Each labelled reply of a folder: the file beside each ``CASEID.json`` with the same name.

    A ``.txt`` reply is read as it is; any other format (PDF, DOCX, XLSX, EML, HTML, a scan) goes
    through the documents layer, as ``extract FILE`` does, so a team can score replies as they came."""
    replies = []
    for labels in sorted(directory.glob("*.json")):
        beside = sorted(p for p in directory.glob(f"{glob.escape(labels.stem)}.*") if p != labels)
        if not beside:
            raise InputError(
                f"labels without a reply: put the reply beside it as {labels.stem}.txt "
                "(or .pdf, .docx, .xlsx, .eml, .html...)",
                source=str(labels),
            )
        if len(beside) > 1:
            names = ", ".join(p.name for p in beside)
            raise InputError(f"more than one reply for these labels ({names})", source=str(labels))
        replies.append(beside[0])
    orphans = sorted(t for t in directory.glob("*.txt") if not t.with_suffix(".json").exists())
    if orphans:
        raise _no_labels(
            orphans[0]
        )  # a reply without labels would silently drop out of the figures
    return replies


def reply_text(reply: Path) -> str:
    if reply.suffix.lower() == ".txt":
        return reply.read_text(encoding="utf-8")
    return extract_file(reply).text


def evaluate(directory: str | Path) -> EvalReport:
    """Run extraction over every labelled reply in ``directory`` and score it against its ``CASEID.json``."""
    directory = Path(directory)
    if not directory.is_dir():
        raise InputError(
            "not a directory of labelled replies (CASEID.txt, .pdf, .eml... + CASEID.json)",
            source=str(directory),
        )
    report = EvalReport()
    for reply in reply_files(directory):
        expected = load_case(reply)
        text = reply_text(reply)
        started = time.perf_counter()
        predicted = extract_answer(text)
        report.cases.append(
            CaseResult(reply.stem, expected, predicted, time.perf_counter() - started)
        )
        score_case(report, reply.stem, expected, predicted)
    if not report.cases:
        raise InputError(
            "no labelled replies found (CASEID.json beside each)", source=str(directory)
        )
    return report


def score_case(report: EvalReport, case_id: str, expected: dict, predicted: Answer) -> None:
    """Add one case to the report's figures (used by `evaluate`, the robustness test and the bench)."""
    want_use = maker_keys(expected.get("manufacturers_in_use") or [])
    report.outcome_correct += predicted.outcome == expected.get("outcome")
    report.in_use.add(maker_keys(predicted.manufacturers_in_use), want_use)
    report.denied.add(
        maker_keys(predicted.manufacturers_denied),
        maker_keys(expected.get("manufacturers_denied") or []),
    )
    report.exemptions.add(
        {exemption_key(x) for x in predicted.exemptions},
        {exemption_key(x) for x in expected.get("exemptions") or []},
    )
    want_counts, got_counts = (
        keyed_counts(expected.get("counts") or {}),
        keyed_counts(predicted.counts),
    )
    for maker in set(want_counts) | set(got_counts):
        report.counts_total += 1
        report.counts_correct += want_counts.get(maker) == got_counts.get(maker)
    report.totals_correct += expected.get("total_cameras") == predicted.total_cameras
    for maker in sorted(m for m in predicted.manufacturers_in_use if maker_key(m) not in want_use):
        if is_state_linked_name(maker):
            quotes = [
                e.quote for e in predicted.evidence if e.field == "in_use" and e.value == maker
            ]
            report.false_accusations.append(
                {"case": case_id, "manufacturer": maker, "evidence": quotes[:3]}
            )
