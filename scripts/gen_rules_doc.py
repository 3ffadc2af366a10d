"""Regenerate the cue table and the outcome table of docs/answers.md from src/cctv_audit/answers/rules/."""

from __future__ import annotations

from pathlib import Path

from cctv_audit.answers.outcome_table import docs_outcome_table
from cctv_audit.answers.rules import docs_table, with_generated

DOCS = Path(__file__).resolve().parents[1] / "docs" / "answers.md"


def main() -> None:
    text = DOCS.read_text(encoding="utf-8")
    text = with_generated(text, "cues", docs_table())
    text = with_generated(text, "outcome-table", docs_outcome_table())
    DOCS.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
