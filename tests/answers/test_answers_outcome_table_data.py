"""The outcome table as data: its names are the code's, every row can decide, broken files fail clearly."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import get_args

import pytest

from cctv_audit.answers import outcome
from cctv_audit.answers.outcome_table import (
    OUTCOME_TABLE,
    SIGNALS,
    docs_outcome_table,
    load_outcome_table,
    outcome_table,
    shadowed_rows,
)
from cctv_audit.answers.rules import generated_section
from cctv_audit.answers.schema import OUTCOMES, Outcome
from cctv_audit.errors import RulesError

TABLE = outcome_table()
DOCS = Path(__file__).resolve().parents[2] / "docs" / "answers.md"


def _emitted_signals() -> set[str]:
    """Every signal name the code of outcome.py passes to ``signals.add(...)``."""
    tree = ast.parse(Path(outcome.__file__).read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "add"
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "signals"
        ):
            names |= {
                n.value
                for n in ast.walk(node.args[0])
                if isinstance(n, ast.Constant) and isinstance(n.value, str)
            }
    return names


def test_the_signal_list_is_exactly_what_the_code_emits() -> None:
    assert _emitted_signals() == set(SIGNALS)


def test_every_signal_named_in_the_table_is_one_the_code_emits() -> None:
    named = set(TABLE.reads_as) | {s for signals in TABLE.shown_by.values() for s in signals}
    for row in (*TABLE.rows, TABLE.undecided):
        named |= row.when | row.unless | row.contested_by
    assert named <= _emitted_signals()


def test_outcomes_are_the_schema_outcomes() -> None:
    assert set(get_args(Outcome)) == set(OUTCOMES)
    assert {row.outcome for row in TABLE.rows} | set(TABLE.reads_as.values()) <= set(OUTCOMES)
    assert set(TABLE.shown_by) == set(OUTCOMES)


def test_every_row_can_decide_some_reply() -> None:
    assert shadowed_rows(TABLE) == []


def test_the_module_uses_the_bundled_table() -> None:
    assert outcome.OUTCOME_RULES == TABLE.rows
    assert outcome.UNDECIDED == TABLE.undecided
    assert outcome.READS_AS == TABLE.reads_as
    assert TABLE.rows[0].id == "extension_letter"


def test_the_first_row_that_holds_decides() -> None:
    assert TABLE.decide({"refusal", "data"}).id == "refusal_beside_data"
    assert TABLE.decide({"refusal"}).outcome == "refused"
    assert TABLE.decide({"ncnd", "data"}).id == "ncnd_for_part"
    assert TABLE.decide({"procedural", "pointer"}).id == "disclosed_in_attachment"
    assert TABLE.decide(set()) is TABLE.undecided


def test_only_a_time_extension_letter_relies_on_no_exemption() -> None:
    assert [row.id for row in TABLE.rows if not row.relies_on_exemptions] == ["extension_letter"]
    assert TABLE.undecided.relies_on_exemptions


def _table_text() -> str:
    return OUTCOME_TABLE.read_text(encoding="utf-8")


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "outcome_table.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_row_shadowed_by_an_earlier_one_is_found(tmp_path: Path) -> None:
    # "refused" moved up: refusal alone holds whenever "refusal and data" or "refusal and partial" do
    text = _table_text()
    beside = text[text.index("  - id: refusal_beside_data") : text.index("  - id: refusal_of_part")]
    refused = text[text.index("  - id: refused\n") : text.index("  - id: not_held_beside_data")]
    swapped = text.replace(beside, "@@").replace(refused, beside).replace("@@", refused)
    table = load_outcome_table(_write(tmp_path, swapped))
    assert set(shadowed_rows(table)) == {"refusal_beside_data", "refusal_of_part"}


def test_unknown_signal_names_file_and_row(tmp_path: Path) -> None:
    path = _write(tmp_path, _table_text().replace("when: [refusal]\n", "when: [refusals]\n", 1))
    with pytest.raises(
        RulesError, match=r"outcome_table\.yaml: row 8 \(refused\)\.when\.0: Input should be"
    ):
        load_outcome_table(path)


def test_unknown_outcome_names_file_and_row(tmp_path: Path) -> None:
    path = _write(tmp_path, _table_text().replace("outcome: refused\n", "outcome: withheld\n", 1))
    with pytest.raises(
        RulesError, match=r"outcome_table\.yaml: row 6 \(refused_on_cost\)\.outcome:"
    ):
        load_outcome_table(path)


def test_a_row_that_can_never_hold_is_refused(tmp_path: Path) -> None:
    path = _write(
        tmp_path, _table_text().replace("unless: [data]\n", "unless: [data, extension]\n", 1)
    )
    with pytest.raises(
        RulesError,
        match=r"row 1 \(extension_letter\): .*extension both in 'when' and 'unless'",
    ):
        load_outcome_table(path)


def test_a_contesting_signal_needs_a_reading(tmp_path: Path) -> None:
    path = _write(tmp_path, _table_text().replace("  procedural: other\n", ""))
    table_text = path.read_text(encoding="utf-8").replace(
        "    contested_by: [substantive, pointer]\n", "    contested_by: [procedural]\n", 1
    )
    path.write_text(table_text, encoding="utf-8")
    with pytest.raises(
        RulesError,
        match=r"row 1 \(extension_letter\)\.contested_by: procedural has no outcome under 'reads_as'",
    ):
        load_outcome_table(path)


def test_every_signal_needs_a_meaning(tmp_path: Path) -> None:
    text = "\n".join(
        line for line in _table_text().splitlines() if not line.startswith("  ncnd_grounds:")
    )
    with pytest.raises(RulesError, match=r"signals: no meaning given for ncnd_grounds"):
        load_outcome_table(_write(tmp_path, text + "\n"))


def test_row_ids_are_unique(tmp_path: Path) -> None:
    path = _write(tmp_path, _table_text().replace("id: refusal_of_part", "id: refused", 1))
    with pytest.raises(RulesError, match=r"row 8 \(refused\): id already used"):
        load_outcome_table(path)


def test_unknown_section_is_refused(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match=r"outcome_table\.yaml: expected a mapping with"):
        load_outcome_table(_write(tmp_path, _table_text() + "\nextra: {}\n"))


def test_outcome_table_in_answers_md_is_current() -> None:
    section = generated_section(DOCS.read_text(encoding="utf-8"), "outcome-table")
    assert section == docs_outcome_table(), (
        "run `make docs` (scripts/gen_docs.py) to regenerate the outcome table"
    )
