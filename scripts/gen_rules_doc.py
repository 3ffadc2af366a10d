"""Regenerate the cue table of docs/answers.md from src/cctv_audit/answers/rules/*.yaml."""

from __future__ import annotations

from pathlib import Path

from cctv_audit.answers.rules import with_docs_table

DOCS = Path(__file__).resolve().parents[1] / "docs" / "answers.md"


def main() -> None:
    text = DOCS.read_text(encoding="utf-8")
    DOCS.write_text(with_docs_table(text), encoding="utf-8")


if __name__ == "__main__":
    main()
