"""The answers' cues as data: load ``answers/rules/*.yaml``, validate it, compile every cue once.

A rules file holds named **fragments** (reusable alternations such as the labels
of a request) and **cues** (one regex each, with a one-line reason and examples
that must and must not match). A cue's pattern is literal regex plus ``{name}``
references to fragments; ``{1,3}``-style quantifiers are left alone. Modules ask
for a compiled pattern by id and never hold regex literals::

    REQUEST_MARKER = cue("segment.request_marker")

Every error names the file and the id at fault (``segment.yaml: segment.nav:
unknown fragment {menu_word}``) so the person editing the data can fix it
without reading code. Examples are checked by tests, not at load time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from cctv_audit.errors import RulesError

RULES_DIR = Path(__file__).parent / "rules"
#: libyaml's loader is about ten times faster than the pure-Python one, when installed.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: ``{name}`` is a fragment reference; ``{3}`` and ``{1,40}`` are quantifiers and stay.
_REFERENCE = re.compile(r"\{([a-z_][a-z0-9_]*)\}")
_FLAGS: dict[str, re.RegexFlag] = {
    "ignorecase": re.IGNORECASE,
    "multiline": re.MULTILINE,
    "dotall": re.DOTALL,
}
FlagName = Literal["ignorecase", "multiline", "dotall"]
#: How the code applies the cue; the examples are checked the same way.
Mode = Literal["search", "match", "fullmatch"]
_Model = TypeVar("_Model", bound=BaseModel)


class _Pattern(BaseModel):
    """A regex given whole (``pattern``) or as alternatives, one per item (``any``)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    why: str = Field(min_length=3)
    pattern: str | None = None
    any: list[str] | None = Field(default=None, min_length=1)

    @field_validator("why")
    @classmethod
    def _one_line(cls, value: str) -> str:
        if "\n" in value.strip():
            raise ValueError("the reason must be one line")
        return value.strip()

    @model_validator(mode="after")
    def _one_form(self) -> _Pattern:
        if (self.pattern is None) == (self.any is None):
            raise ValueError(
                "give exactly one of 'pattern' (one regex) or 'any' (a list of alternatives)"
            )
        return self

    def source(self) -> str:
        """The regex text before fragment references are expanded."""
        return self.pattern if self.pattern is not None else "|".join(self.any or [])


class Fragment(_Pattern):
    """A named piece of pattern: ``any`` becomes one non-capturing group, ``pattern`` is used as written."""

    def body(self) -> str:
        return self.pattern if self.pattern is not None else "(?:" + "|".join(self.any or []) + ")"


class Cue(_Pattern):
    """One cue: a pattern, its flags, why it exists, and examples that must and must not match."""

    flags: list[FlagName] = Field(default_factory=list)
    mode: Mode = "search"
    examples: list[str] = Field(min_length=1)
    not_examples: list[str] = Field(min_length=1)

    def regex_flags(self) -> int:
        value = 0
        for name in self.flags:
            value |= _FLAGS[name]
        return value

    def hits(self, pattern: re.Pattern[str], text: str) -> bool:
        """True when ``pattern`` finds ``text`` the way the code applies this cue."""
        return getattr(pattern, self.mode)(text) is not None


@dataclass(frozen=True)
class CueBook:
    """Every fragment and cue of a rules folder, with each cue compiled."""

    fragments: dict[str, Fragment]
    cues: dict[str, Cue]
    compiled: dict[str, re.Pattern[str]]
    #: The file (name within the folder) that defines each fragment and cue id.
    origins: dict[str, str]

    def pattern(self, cue_id: str) -> re.Pattern[str]:
        try:
            return self.compiled[cue_id]
        except KeyError:
            raise RulesError(
                f"unknown cue {cue_id!r}; define it in a file of {RULES_DIR}"
            ) from None

    def used_fragments(self) -> set[str]:
        """Fragments some cue refers to, directly or through another fragment."""
        used: set[str] = set()
        todo = [name for cue in self.cues.values() for name in _REFERENCE.findall(cue.source())]
        while todo:
            name = todo.pop()
            if name not in used:
                used.add(name)
                todo.extend(_REFERENCE.findall(self.fragments[name].source()))
        return used

    def failing_examples(self, cue_id: str) -> list[str]:
        """Examples of the cue that do not match and not-examples that do (empty when all hold)."""
        cue, pattern = self.cues[cue_id], self.compiled[cue_id]
        missed = [f"should match: {text!r}" for text in cue.examples if not cue.hits(pattern, text)]
        wrong = [
            f"should not match: {text!r}" for text in cue.not_examples if cue.hits(pattern, text)
        ]
        return missed + wrong


def cue(cue_id: str) -> re.Pattern[str]:
    """The compiled pattern of a bundled cue (loaded and compiled once per process)."""
    return load_rules().pattern(cue_id)


@lru_cache(maxsize=1)
def load_rules() -> CueBook:
    """The bundled cue book, validated and compiled once."""
    return load_rules_from(RULES_DIR)


def load_rules_from(directory: Path) -> CueBook:
    """Load, validate and compile every ``*.yaml`` of a rules folder (uncached)."""
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise RulesError(f"{directory}: no rules files (*.yaml) found")
    fragments: dict[str, Fragment] = {}
    cues: dict[str, Cue] = {}
    origins: dict[str, str] = {}
    for path in files:
        raw = read_yaml_mapping(path, ("fragments", "cues"))
        for kind, model, store in (("fragments", Fragment, fragments), ("cues", Cue, cues)):
            for record in _records(path, raw.get(kind), kind, model):
                _check_new(path, record.id, origins)
                if kind == "cues":
                    _check_prefix(path, record.id)
                origins[record.id] = path.name
                store[record.id] = record
    expanded: dict[str, str] = {}
    compiled = {cue_id: _compile(cue, fragments, origins, expanded) for cue_id, cue in cues.items()}
    return CueBook(fragments, cues, compiled, origins)


def read_yaml_mapping(path: Path, sections: tuple[str, ...]) -> dict[str, Any]:
    """A rules or table file read as a mapping whose top-level keys are among ``sections``."""
    try:
        with path.open(encoding="utf-8") as handle:
            raw = yaml.load(handle, Loader=_YAML_LOADER) or {}
    except OSError as exc:
        raise RulesError(f"{path.name}: cannot read the file: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path.name}:{mark.line + 1}" if mark is not None else path.name
        raise RulesError(
            f"{where}: not valid YAML: {getattr(exc, 'problem', None) or exc}"
        ) from exc
    if not isinstance(raw, dict) or set(raw) - set(sections):
        wanted = " and/or ".join(f"'{name}:'" for name in sections)
        raise RulesError(f"{path.name}: expected a mapping with {wanted} only")
    return raw


def _records(path: Path, section: Any, kind: str, model: type[_Pattern]) -> list[Any]:
    if section is None:
        return []
    if not isinstance(section, dict):
        raise RulesError(f"{path.name}: '{kind}:' must map each id to a record")
    records = []
    for key, value in section.items():
        if not isinstance(value, dict):
            raise RulesError(f"{path.name}: {key}: expected a mapping (why, pattern or any, ...)")
        records.append(validate_record(model, {"id": key, **value}, f"{path.name}: {key}"))
    return records


def validate_record(model: type[_Model], data: Any, where: str) -> _Model:
    """Validate one record; a failure names ``where`` (the file and the record) and the field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        at = f"{where}.{field}" if field else where
        raise RulesError(
            f"{at}: {first['msg']} ({len(exc.errors())} problem(s); fix the rules file)"
        ) from None


def _check_new(path: Path, record_id: str, origins: dict[str, str]) -> None:
    if record_id in origins:
        raise RulesError(f"{path.name}: {record_id}: already defined in {origins[record_id]}")


def _check_prefix(path: Path, cue_id: str) -> None:
    """A cue's id starts with its file's name, so an id says where to edit it."""
    if not cue_id.startswith(f"{path.stem}."):
        raise RulesError(
            f"{path.name}: {cue_id}: a cue id in {path.name} must start with '{path.stem}.'"
        )


def _compile(
    cue: Cue, fragments: dict[str, Fragment], origins: dict[str, str], expanded: dict[str, str]
) -> re.Pattern[str]:
    where = f"{origins[cue.id]}: {cue.id}"
    text = _expand(cue.source(), fragments, where, expanded, ())
    try:
        return re.compile(text, cue.regex_flags())
    except re.error as exc:
        raise RulesError(f"{where}: not a valid regex after expanding fragments: {exc}") from None


def _expand(
    text: str,
    fragments: dict[str, Fragment],
    where: str,
    expanded: dict[str, str],
    chain: tuple[str, ...],
) -> str:
    """Replace each ``{name}`` with the fragment's body, recursively; unknown names and cycles fail."""

    def body(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in chain:
            raise RulesError(
                f"{where}: fragment {{{name}}} refers to itself ({' -> '.join(chain + (name,))})"
            )
        if name not in fragments:
            raise RulesError(
                f"{where}: unknown fragment {{{name}}}; define it under 'fragments:' in a rules file"
            )
        if name not in expanded:
            expanded[name] = _expand(
                fragments[name].body(), fragments, where, expanded, chain + (name,)
            )
        return expanded[name]

    return _REFERENCE.sub(body, text)


def docs_table(book: CueBook | None = None) -> str:
    """The markdown table of every cue (id, reason, one example) for docs/answers.md."""
    book = book or load_rules()
    rows = ["| cue | why | example |", "|---|---|---|"]
    for cue_id in sorted(book.cues):
        cue = book.cues[cue_id]
        rows.append(f"| `{cue_id}` | {_cell(cue.why)} | `{_cell(cue.examples[0])}` |")
    return "\n".join(rows) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


DOCS_END = "<!-- /generated -->"
DOCS_START = "<!-- generated:cues -->\n"


def with_generated(markdown: str, name: str, body: str) -> str:
    """``markdown`` with the section between ``<!-- generated:NAME -->`` and its end marker set to ``body``."""
    marker = f"<!-- generated:{name} -->\n"
    head, start, rest = markdown.partition(marker)
    _, end, tail = rest.partition(DOCS_END)
    if not start or not end:
        raise RulesError(f"no '{marker.strip()}' ... '{DOCS_END}' section to fill in")
    return head + start + body + end + tail


def generated_section(markdown: str, name: str) -> str:
    """The text between ``<!-- generated:NAME -->`` and its end marker (for the tests that it is current)."""
    marker = f"<!-- generated:{name} -->\n"
    if marker not in markdown:
        raise RulesError(f"no '{marker.strip()}' section")
    return markdown.split(marker, 1)[1].split(DOCS_END, 1)[0]


def with_docs_table(markdown: str, book: CueBook | None = None) -> str:
    """``markdown`` with the section between the cue markers replaced by :func:`docs_table`."""
    return with_generated(markdown, "cues", docs_table(book))
