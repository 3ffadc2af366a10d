"""The corpus re-laid out as PDFs and web pages lay text out: wrapped lines, no blank lines, page footers.

Wrapping is what turns "does not use Hikvision" into two lines; none of these layouts may produce
a false accusation, and accuracy may only move a little.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from cctv_audit.answers import extract_answer
from cctv_audit.answers.evaluate import EvalReport, score_case

CORPUS = Path(__file__).resolve().parent / "corpus"


def wrap(width: int):
    def apply(text: str) -> str:
        out = []
        for line in text.split("\n"):
            out.extend(
                [line] if " | " in line or len(line) <= width else textwrap.wrap(line, width)
            )
        return "\n".join(out)

    return apply


def no_blank_lines(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if line.strip())


def page_footer(text: str) -> str:
    lines = text.split("\n")
    middle = len(lines) // 2
    return "\n".join(lines[:middle] + ["Page 1 of 2", "OFFICIAL"] + lines[middle:])


LAYOUTS = {
    "wrap62": wrap(62),
    "wrap40": wrap(40),
    "no-blank-lines": no_blank_lines,
    "page-footer": page_footer,
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_relaid_corpus_keeps_its_accuracy_and_accuses_nobody(layout: str):
    report = EvalReport()
    paths = sorted(CORPUS.glob("*.txt"))
    for path in paths:
        labels = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        score_case(
            report,
            path.stem,
            labels,
            extract_answer(LAYOUTS[layout](path.read_text(encoding="utf-8"))),
        )
    assert report.false_accusations == []
    assert report.outcome_correct / len(paths) >= 0.95
    assert report.in_use.precision >= 0.98 and report.in_use.recall >= 0.95
    assert report.counts_exact >= 0.95 and report.exemptions.f1 >= 0.95
