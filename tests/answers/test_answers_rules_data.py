"""The answers' cue data files: every cue holds to its own examples, and broken files fail clearly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cctv_audit.answers.rules import RULES_DIR, cue, docs_table, load_rules, load_rules_from
from cctv_audit.errors import RulesError

BOOK = load_rules()
DOCS = Path(__file__).resolve().parents[2] / "docs" / "answers.md"


@pytest.mark.parametrize("cue_id", sorted(BOOK.cues))
def test_cue_matches_its_examples_and_not_its_counter_examples(cue_id: str) -> None:
    assert BOOK.failing_examples(cue_id) == []


def test_every_fragment_is_used_by_some_cue() -> None:
    assert set(BOOK.fragments) - BOOK.used_fragments() == set()


def test_ids_are_unique_across_files(tmp_path: Path) -> None:
    for path in RULES_DIR.glob("*.yaml"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "zz.yaml").write_text(
        "fragments:\n  open_word:\n    why: a second definition\n    any: [x]\n", encoding="utf-8"
    )
    with pytest.raises(RulesError, match=r"zz\.yaml: open_word: already defined in lines\.yaml"):
        load_rules_from(tmp_path)


def test_cue_returns_the_compiled_pattern_once() -> None:
    pattern = cue("lines.list_item")
    assert isinstance(pattern, re.Pattern)
    assert cue("lines.list_item") is pattern


def test_unknown_cue_id_is_refused() -> None:
    with pytest.raises(RulesError, match="unknown cue 'lines.no_such_cue'"):
        cue("lines.no_such_cue")


def _write(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


_GOOD_CUE = """
  demo.greeting:
    why: A greeting.
    pattern: '^hello'
    examples: [hello there]
    not_examples: [say hello]
"""


def test_a_small_rules_folder_loads_and_expands_fragments(tmp_path: Path) -> None:
    folder = _write(
        tmp_path,
        "demo.yaml",
        "fragments:\n  word:\n    why: Two words.\n    any: [cat, dog]\n"
        "cues:\n  demo.pet:\n    why: A pet.\n    flags: [ignorecase]\n    mode: match\n"
        "    pattern: '{word}s?\\b'\n    examples: [Cats]\n    not_examples: [a cat]\n",
    )
    book = load_rules_from(folder)
    assert book.compiled["demo.pet"].pattern == r"(?:cat|dog)s?\b"
    assert book.compiled["demo.pet"].flags & re.IGNORECASE
    assert book.failing_examples("demo.pet") == []


def test_unknown_fragment_names_file_and_cue(tmp_path: Path) -> None:
    folder = _write(tmp_path, "demo.yaml", "cues:" + _GOOD_CUE.replace("'^hello'", "'^{salute}'"))
    with pytest.raises(
        RulesError, match=r"demo\.yaml: demo\.greeting: unknown fragment \{salute\}"
    ):
        load_rules_from(folder)


def test_quantifiers_are_not_fragment_references(tmp_path: Path) -> None:
    folder = _write(
        tmp_path, "demo.yaml", "cues:" + _GOOD_CUE.replace("'^hello'", "'^hel{2}o{1,3}'")
    )
    assert load_rules_from(folder).compiled["demo.greeting"].pattern == "^hel{2}o{1,3}"


def test_missing_reason_names_file_cue_and_field(tmp_path: Path) -> None:
    folder = _write(
        tmp_path, "demo.yaml", "cues:" + _GOOD_CUE.replace("    why: A greeting.\n", "")
    )
    with pytest.raises(RulesError, match=r"demo\.yaml: demo\.greeting\.why: Field required"):
        load_rules_from(folder)


def test_cue_without_counter_examples_is_refused(tmp_path: Path) -> None:
    folder = _write(
        tmp_path,
        "demo.yaml",
        "cues:" + _GOOD_CUE.replace("not_examples: [say hello]", "not_examples: []"),
    )
    with pytest.raises(
        RulesError, match=r"demo\.yaml: demo\.greeting\.not_examples: List should have at least 1"
    ):
        load_rules_from(folder)


def test_pattern_and_any_together_are_refused(tmp_path: Path) -> None:
    folder = _write(
        tmp_path,
        "demo.yaml",
        "cues:" + _GOOD_CUE.replace("    pattern:", "    any: [x]\n    pattern:"),
    )
    with pytest.raises(RulesError, match=r"demo\.yaml: demo\.greeting: .*exactly one of 'pattern'"):
        load_rules_from(folder)


def test_invalid_regex_names_file_and_cue(tmp_path: Path) -> None:
    folder = _write(tmp_path, "demo.yaml", "cues:" + _GOOD_CUE.replace("'^hello'", "'^(hello'"))
    with pytest.raises(RulesError, match=r"demo\.yaml: demo\.greeting: not a valid regex"):
        load_rules_from(folder)


def test_unknown_flag_is_refused(tmp_path: Path) -> None:
    folder = _write(
        tmp_path,
        "demo.yaml",
        "cues:" + _GOOD_CUE.replace("    pattern:", "    flags: [verbose]\n    pattern:"),
    )
    with pytest.raises(RulesError, match=r"demo\.yaml: demo\.greeting\.flags\.0: Input should be"):
        load_rules_from(folder)


def test_cue_id_must_start_with_its_file_name(tmp_path: Path) -> None:
    folder = _write(tmp_path, "other.yaml", "cues:" + _GOOD_CUE)
    with pytest.raises(
        RulesError, match=r"other\.yaml: demo\.greeting: .* must start with 'other\.'"
    ):
        load_rules_from(folder)


def test_broken_yaml_names_file_and_line(tmp_path: Path) -> None:
    folder = _write(tmp_path, "demo.yaml", "cues:\n  demo.greeting:\n    why: [unclosed\n")
    with pytest.raises(RulesError, match=r"demo\.yaml:\d+: not valid YAML"):
        load_rules_from(folder)


def test_yaml_booleans_in_word_lists_are_refused(tmp_path: Path) -> None:
    """An unquoted `on` or `no` is a YAML boolean, not a word: the loader says where."""
    folder = _write(
        tmp_path,
        "demo.yaml",
        "fragments:\n  word:\n    why: Words.\n    any: [in, on]\ncues:"
        + _GOOD_CUE.replace("'^hello'", "'{word}'"),
    )
    with pytest.raises(
        RulesError, match=r"demo\.yaml: word\.any\.1: Input should be a valid string"
    ):
        load_rules_from(folder)


def test_fragment_cycle_is_refused(tmp_path: Path) -> None:
    folder = _write(
        tmp_path,
        "demo.yaml",
        "fragments:\n  a:\n    why: Refers to b.\n    pattern: 'x{b}'\n  b:\n    why: Refers to a.\n    pattern: 'y{a}'\n"
        "cues:" + _GOOD_CUE.replace("'^hello'", "'{a}'"),
    )
    with pytest.raises(
        RulesError, match=r"demo\.yaml: demo\.greeting: fragment \{a\} refers to itself"
    ):
        load_rules_from(folder)


def test_docs_table_in_answers_md_is_current() -> None:
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("<!-- generated:cues -->\n", 1)[1].split("<!-- /generated -->", 1)[0]
    assert section == docs_table(), (
        "run `make docs` (scripts/gen_docs.py) to regenerate the cue table"
    )
