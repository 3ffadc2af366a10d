"""The outcome table as data: ``answers/rules/tables/outcome_table.yaml``, validated once.

The table is an ordered list of rows; the first whose ``when`` signals are all
present and none of whose ``unless`` signals is present gives the reply's
outcome (:func:`cctv_audit.answers.outcome.decide_rule`). The file also holds
what each signal means, the outcome a signal points to on its own
(``reads_as``, for the readings put to a reviewer) and which signals' units are
quoted as an outcome's evidence (``shown_by``).

:data:`Signal` is the one list of the signals the code emits; every name in the
file is checked against it, and every outcome against ``answers.schema.OUTCOMES``.
A mistake names the file and the row (``outcome_table.yaml: row 6 (refused).when.0:
Input should be 'substantive', ...``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from cctv_audit.answers.rules import RULES_DIR, read_yaml_mapping, validate_record
from cctv_audit.answers.schema import OUTCOMES, Outcome
from cctv_audit.errors import RulesError

#: Every signal :func:`cctv_audit.answers.outcome.gather_signals` can tag a unit with.
Signal = Literal[
    "substantive",
    "data",
    "refusal",
    "cost_refusal",
    "not_held",
    "not_held_others",
    "ncnd",
    "ncnd_blanket",
    "ncnd_grounds",
    "cover_pointer",
    "clarification",
    "partial",
    "extension",
    "pointer",
    "procedural",
]
SIGNALS: tuple[Signal, ...] = get_args(Signal)
OUTCOME_TABLE = RULES_DIR / "tables" / "outcome_table.yaml"
_SECTIONS = ("signals", "rows", "undecided", "reads_as", "shown_by")


class OutcomeRule(BaseModel):
    """One row of the outcome table: when every signal of ``when`` is present and none of ``unless``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1)
    outcome: Outcome
    when: frozenset[Signal] = frozenset()
    unless: frozenset[Signal] = frozenset()
    rule: str = Field(min_length=3)
    confidence: float = Field(ge=0.0, le=1.0)
    #: Signals that, present beside this row, point to another reading: the answer goes to review.
    contested_by: frozenset[Signal] = frozenset()
    #: False when the exemptions the reply names are not relied on (a time-extension letter considering
    #: them): the answer then lists none.
    relies_on_exemptions: bool = True

    @field_validator("outcome")
    @classmethod
    def _known_outcome(cls, value: str) -> str:
        if (
            value not in OUTCOMES
        ):  # the Literal and OUTCOMES are one list; this guards their drifting apart
            raise ValueError(f"unknown outcome {value!r}; one of {', '.join(OUTCOMES)}")
        return value

    @model_validator(mode="after")
    def _can_hold(self) -> OutcomeRule:
        both = self.when & self.unless
        if both:
            raise ValueError(
                f"{', '.join(sorted(both))} both in 'when' and 'unless': the row can never hold"
            )
        return self

    def holds(self, present: set[Signal] | frozenset[Signal]) -> bool:
        return self.when <= present and not (self.unless & present)


class _Readings(BaseModel):
    """The table's mappings: what each signal means, reads as, and which signals show each outcome."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    signals: dict[Signal, str]
    reads_as: dict[Signal, Outcome]
    shown_by: dict[Outcome, tuple[Signal, ...]]


@dataclass(frozen=True)
class OutcomeTable:
    """The ordered rows, the row used when none holds, and the readings of each signal."""

    rows: tuple[OutcomeRule, ...]
    undecided: OutcomeRule
    #: The outcome a signal points to on its own, for the readings put to a reviewer.
    reads_as: dict[Signal, Outcome]
    #: The signals whose unit best shows each outcome, best first.
    shown_by: dict[Outcome, tuple[Signal, ...]]
    #: What each signal means (for the docs).
    meanings: dict[Signal, str]

    def decide(self, present: set[Signal]) -> OutcomeRule:
        """The first row that holds for the signals ``present`` (``undecided`` when none does)."""
        return next((row for row in self.rows if row.holds(present)), self.undecided)


@lru_cache(maxsize=1)
def outcome_table() -> OutcomeTable:
    """The bundled outcome table, validated once."""
    return load_outcome_table(OUTCOME_TABLE)


def load_outcome_table(path: Path) -> OutcomeTable:
    """Load and validate an outcome table file (uncached); every error names the file and the row."""
    raw = read_yaml_mapping(path, _SECTIONS)
    missing = [name for name in _SECTIONS if name not in raw]
    if missing:
        raise RulesError(f"{path.name}: missing section(s) {', '.join(missing)}")
    readings = validate_record(
        _Readings, {key: raw[key] for key in ("signals", "reads_as", "shown_by")}, path.name
    )
    _check_signal_list(path, readings.signals)
    rows = _rows(path, raw["rows"])
    undecided = validate_record(OutcomeRule, raw["undecided"], f"{path.name}: undecided")
    if undecided.when or undecided.unless:
        raise RulesError(
            f"{path.name}: undecided: takes no 'when' or 'unless' (it is used when no row holds)"
        )
    for number, row in enumerate(rows, 1):
        unread = sorted(row.contested_by - set(readings.reads_as))
        if unread:
            raise RulesError(
                f"{path.name}: row {number} ({row.id}).contested_by: {', '.join(unread)} "
                "has no outcome under 'reads_as'"
            )
    unshown = [name for name in OUTCOMES if name not in readings.shown_by]
    if unshown:
        raise RulesError(f"{path.name}: shown_by: no signals for {', '.join(unshown)}")
    return OutcomeTable(
        tuple(rows), undecided, readings.reads_as, readings.shown_by, readings.signals
    )


def _check_signal_list(path: Path, meanings: dict[Signal, str]) -> None:
    """The file describes exactly the signals the code emits (unknown names fail validation earlier)."""
    undescribed = [name for name in SIGNALS if name not in meanings]
    if undescribed:
        raise RulesError(f"{path.name}: signals: no meaning given for {', '.join(undescribed)}")


def _rows(path: Path, section: Any) -> list[OutcomeRule]:
    if not isinstance(section, list) or not section:
        raise RulesError(f"{path.name}: 'rows:' must be a non-empty list of rows, first match wins")
    rows: list[OutcomeRule] = []
    seen: set[str] = set()
    for number, value in enumerate(section, 1):
        name = value.get("id", "?") if isinstance(value, dict) else "?"
        where = f"{path.name}: row {number} ({name})"
        if not isinstance(value, dict):
            raise RulesError(
                f"{where}: expected a mapping (id, outcome, when, unless, rule, confidence)"
            )
        row = validate_record(OutcomeRule, value, where)
        if row.id in seen:
            raise RulesError(f"{where}: id already used by an earlier row")
        seen.add(row.id)
        rows.append(row)
    return rows


def shadowed_rows(table: OutcomeTable) -> list[str]:
    """Rows that can never decide: for every set of signals that satisfies them, an earlier row holds."""
    reachable = {table.decide(set(present)).id for present in _signal_sets()}
    return [row.id for row in table.rows if row.id not in reachable]


def _signal_sets() -> list[frozenset[Signal]]:
    """Every subset of :data:`SIGNALS` (2**12 of them: small enough to try each)."""
    return [
        frozenset(s for bit, s in enumerate(SIGNALS) if mask >> bit & 1)
        for mask in range(1 << len(SIGNALS))
    ]


def docs_outcome_table(table: OutcomeTable | None = None) -> str:
    """The markdown of the outcome table (rows in order, then the signals) for docs/answers.md."""
    table = table or outcome_table()
    lines = [
        "| # | row | outcome | when all of | unless any of | rule | confidence | contested by | exemptions |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for number, row in enumerate(table.rows, 1):
        lines.append(
            f"| {number} | `{row.id}` | `{row.outcome}` | {_names(row.when)} | {_names(row.unless)} "
            f"| {_cell(row.rule)} | {row.confidence:g} | {_names(row.contested_by)} "
            f"| {'relied on' if row.relies_on_exemptions else 'none relied on'} |"
        )
    undecided = table.undecided
    lines += [
        "",
        f"When no row holds: `{undecided.outcome}` ({_cell(undecided.rule)}, "
        + f"confidence {undecided.confidence:g}, sent to review).",
        "",
        "| signal | means | reads as on its own |",
        "|---|---|---|",
    ]
    for name in SIGNALS:
        reading = table.reads_as.get(name)
        lines.append(
            f"| `{name}` | {_cell(table.meanings[name])} | {f'`{reading}`' if reading else '–'} |"
        )
    return "\n".join(lines) + "\n"


def _names(signals: frozenset[Signal]) -> str:
    """Signals in the order of :data:`SIGNALS`, so the docs do not depend on set order."""
    return ", ".join(f"`{name}`" for name in SIGNALS if name in signals) or "–"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
