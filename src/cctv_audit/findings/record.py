"""The published record: what public sources already say about named bodies' CCTV makers.

Bundled in ``data/record/`` (``sources.yaml``, ``bodies.yaml``, ``claims.yaml``) and extended by
campaigners with files in the same format (CSV or YAML, ``import_record``; ``export_record`` writes
it back). Each claim names a body (registry code; a CCTV partnership is one body with members), a
maker, what is claimed (``KINDS``), its scope (``SCOPES``), a count where one is stated for one
maker, the date it was true, the source (URL, publisher, date) and the source's grade (``GRADES``),
with a short quote. Contradictions are kept: every claim is stored, and which ones count is decided
by one stated rule (``FIGURE_RULE``) when figures are computed.

Public API (a SQLAlchemy ``Session`` from ``store.session()``)::

    bundled_register() -> Register            (validated, cached; RecordError names file:line: field)
    lint_register(data_dir=None) -> list[str] (every problem of a data folder, empty when clean)
    read_claims_file(path) -> list[Entry]     (a campaigner's CSV or YAML, validated)
    load_record(session, path=None) -> RecordReport   (bundled or a file; safe to re-run)
    export_record(session, path, fmt=None) -> int
    record_figures(session, *, maker=None) -> list[RecordFigure]
    explain_record(session, key) -> RecordExplanation
    body_record(session, body_id) -> BodyRecord | None;   body_records(session) -> dict[int, BodyRecord]
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.orm import Session

from cctv_audit.errors import NotFound, RecordError
from cctv_audit.findings.claims import make_key, record_claim
from cctv_audit.findings.models import Claim, Disclosure, RecordClaim
from cctv_audit.findings.types import EvidenceInput
from cctv_audit.registry import (
    Body,
    iter_bundled_councils,
    match_body_name,
    regime_for_nation,
    upsert_bodies,
)
from cctv_audit.registry import BodyRecord as RegistryBodyRecord
from cctv_audit.vendors import display_name, load_kb

DATA_DIR = Path(__file__).parent / "data" / "record"

#: Source grades, strongest first.
GRADES = ("own", "official", "press", "campaign", "repost")
GRADE_LABELS = {
    "own": "the body's own reply or statement",
    "official": "official survey or parliamentary answer",
    "press": "press reporting an FOI",
    "campaign": "a campaign's statement",
    "repost": "a repost, blog or aggregator",
}
GRADE_RANK = {g: i for i, g in enumerate(GRADES)}
#: Grades that count in figures; the others are shown beside them, never counted.
COUNTED_GRADES = ("own", "official", "press")
KINDS = ("uses", "does_not_use", "refused", "not_held", "plans_to_remove")
KIND_LABELS = {
    "uses": "uses",
    "does_not_use": "does not use",
    "refused": "refused to say",
    "not_held": "said it holds no information",
    "plans_to_remove": "plans to remove (in use on the date)",
}
SCOPES = ("estate", "public_space", "site", "unstated")
SCOPE_LABELS = {
    "estate": "whole estate",
    "public_space": "public-space CCTV",
    "site": "one building, site or project",
    "unstated": "scope not stated",
}
USE_KINDS = ("uses", "plans_to_remove")

FIGURE_RULE = (
    "Figure rule: a body counts as reported to use a maker when a claim of grade own reply, official "
    "survey/parliamentary answer or press reporting an FOI names it; campaign statements, reposts and claims "
    "by exclusion ('every council except three') are shown, never counted. Use in any scope counts (whole "
    "estate, public-space CCTV, a building or project); 'plans to remove' counts as use on its date; a scoped "
    "denial only answers that scope. A newer denial of the same or stronger grade (covering the scope) "
    "supersedes an older claim of use, and a newer claim of use supersedes an older denial likewise; otherwise "
    "both stand and the body is counted as contested. A count is one maker's, never split between makers. "
    "'At least': bodies the sources do not name are unknown, never 'no'."
)

#: The flat format of ``import_record`` / ``export_record`` (CSV columns, YAML keys).
FLAT_FIELDS = (
    "body",
    "body_name",
    "maker",
    "kind",
    "scope",
    "count",
    "as_of",
    "by_exclusion",
    "source_url",
    "publisher",
    "published",
    "grade",
    "title",
    "quote",
    "note",
)
_ENTRY_KEYS = set(FLAT_FIELDS) | {"source", "bodies", "makers", "group", "except", "source_note"}
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MIRROR_TAG = "published record"
TRUE = {"yes", "true", "1", "y"}


@dataclass(frozen=True)
class Source:
    id: str
    url: str
    publisher: str
    published: str
    grade: str
    title: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class RecordBody:
    """A body the record names that the council register does not have (government, police, partnership)."""

    code: str
    name: str
    nation: str
    body_type: str
    body_type_name: str
    region: str | None = None
    members: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    """One claim about one body and one maker, validated, as read from ``where`` (file:line)."""

    body: str
    maker: str
    kind: str
    scope: str
    as_of: str
    source: Source
    count: int | None = None
    by_exclusion: bool = False
    quote: str | None = None
    note: str | None = None
    where: str = ""

    @property
    def key(self) -> tuple:
        return (
            self.body.lower(),
            self.maker,
            self.kind,
            self.scope,
            self.source.url,
            self.by_exclusion,
        )


@dataclass
class Register:
    sources: dict[str, Source]
    bodies: dict[str, RecordBody]
    entries: list[Entry]


@dataclass
class RecordReport:
    """What ``load_record`` did and what the record holds now."""

    loaded_from: str
    entries: int = 0
    created: int = 0
    updated: int = 0
    bodies_created: int = 0
    claims_in_record: int = 0
    bodies_in_record: int = 0
    sources_by_grade: dict[str, int] = field(default_factory=dict)
    claims_by_grade: dict[str, int] = field(default_factory=dict)
    mirrored_claims: int = 0


@dataclass
class RecordClaimView:
    id: str
    body_code: str
    body_name: str
    maker_id: str
    maker_name: str
    kind: str
    scope: str
    count: int | None
    as_of: str
    by_exclusion: bool
    grade: str
    source_url: str
    publisher: str
    published: str
    title: str | None
    quote: str | None
    note: str | None
    loaded_from: str | None
    #: ``counted``, ``superseded`` or ``not_counted`` under ``FIGURE_RULE``.
    status: str = "counted"
    status_reason: str = ""

    @property
    def grade_label(self) -> str:
        return GRADE_LABELS.get(self.grade, self.grade)

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def scope_label(self) -> str:
        return SCOPE_LABELS.get(self.scope, self.scope)


@dataclass
class BodyRecord:
    """Everything the record says about one body, contradictions side by side."""

    body_id: int
    body_code: str
    body_name: str
    nation: str
    body_type: str
    members: list[str]
    #: maker id -> ``uses``, ``contested``, ``does_not_use``, ``refused``, ``not_held`` or
    #: ``reported_not_counted`` (only campaign, repost or by-exclusion claims of use).
    verdicts: dict[str, str]
    #: Makers on which the sources disagree (any grade).
    contradictions: list[str]
    claims: list[RecordClaimView]


@dataclass
class RecordFigure:
    key: str
    label: str
    value: int
    base: int | None
    base_label: str | None
    sentence: str
    maker_id: str
    #: Counted bodies (codes), and the strongest counted grade of each.
    members: list[str]
    by_grade: dict[str, int]
    contested: list[str]
    #: Why bodies with a weaker claim were not counted: reason -> body codes.
    not_counted: dict[str, list[str]]
    span: str
    rule: str = FIGURE_RULE

    @property
    def basis(self) -> str:
        grades = ", ".join(f"{n} {g}" for g, n in self.by_grade.items() if n) or "none"
        parts = [f"strongest counted source per body: {grades}"]
        if self.contested:
            parts.append(f"{len(self.contested)} contested ({', '.join(self.contested)})")
        for reason, codes in self.not_counted.items():
            parts.append(f"not counted, {reason}: {len(codes)}")
        return "; ".join(parts)


@dataclass
class RecordExplanation:
    figure: RecordFigure
    counted: list[BodyRecord]
    not_counted: list[BodyRecord]


# --- reading and validating ---------------------------------------------------------------------


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that keeps the line of each mapping (``__line__``) for error messages."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def _read_yaml(path: Path, name: str) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8-sig"), Loader=_LineLoader)
    except OSError as exc:
        raise RecordError(f"{name}: cannot read: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise RecordError(f"{name}: not valid YAML: {exc}") from exc


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, list):
        return [_text(v) for v in value if _text(v)]
    return [part.strip() for part in _text(value).split(";") if part.strip()]


def date_floor(text: str) -> dt.date | None:
    """The first day of ``2022``, ``2019-06`` or ``2025-01-06``; None for ``undated``."""
    if text == "undated":
        return None
    parts = [int(p) for p in text.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def _valid_date(text: str) -> bool:
    if text == "undated":
        return True
    if not _DATE.match(text):
        return False
    try:
        date_floor(text)
    except ValueError:
        return False
    return True


def _kb_maker(ref: str) -> str | None:
    maker = load_kb().find(ref)
    return maker.id if maker is not None else None


@functools.cache
def _councils() -> dict[str, str]:
    """Council code -> body type, from the bundled register."""
    return {r.code: r.body_type for r in iter_bundled_councils()}


class _Problems:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, field_name: str, message: str) -> None:
        self.items.append(f"{where}: {field_name}: {message}")

    def raise_if_any(self, what: str) -> None:
        if self.items:
            shown = "\n  ".join(self.items[:30])
            more = f"\n  ... and {len(self.items) - 30} more" if len(self.items) > 30 else ""
            raise RecordError(
                f"{what}: {len(self.items)} problem(s); nothing was loaded\n  {shown}{more}"
            )


def _source_of(
    raw: dict, where: str, sources: dict[str, Source] | None, problems: _Problems
) -> Source | None:
    ref = _text(raw.get("source"))
    if ref:
        if sources is None or ref not in sources:
            problems.add(
                where,
                "source",
                f"unknown source {ref!r}"
                + (
                    "; add it to sources.yaml"
                    if sources is not None
                    else "; give source_url, publisher, published and grade"
                ),
            )
            return None
        return sources[ref]
    return _validate_source(
        {
            "url": raw.get("source_url"),
            "publisher": raw.get("publisher"),
            "published": raw.get("published"),
            "grade": raw.get("grade"),
            "title": raw.get("title"),
            "note": raw.get("source_note"),
        },
        where,
        "",
        problems,
    )


def _validate_source(raw: dict, where: str, source_id: str, problems: _Problems) -> Source | None:
    prefix = "" if source_id else "source_"
    url, publisher = _text(raw.get("url")), _text(raw.get("publisher"))
    published, grade = _text(raw.get("published")), _text(raw.get("grade"))
    ok = True
    if not url.lower().startswith(("http://", "https://")):
        problems.add(where, f"{prefix}url", f"{url!r} must be a web address (http:// or https://)")
        ok = False
    if not publisher:
        problems.add(where, "publisher", "needs the publisher of the source")
        ok = False
    if not _valid_date(published):
        problems.add(
            where, "published", f"{published!r} must be YYYY-MM-DD, YYYY-MM, YYYY or 'undated'"
        )
        ok = False
    if grade not in GRADES:
        problems.add(where, "grade", f"{grade!r} must be one of {', '.join(GRADES)}")
        ok = False
    if not ok:
        return None
    return Source(
        id=source_id or url,
        url=url,
        publisher=publisher,
        published=published,
        grade=grade,
        title=_text(raw.get("title")) or None,
        note=_text(raw.get("note")) or None,
    )


def _entries(
    raw: dict,
    where: str,
    sources: dict[str, Source] | None,
    known_bodies: dict[str, str] | None,
    problems: _Problems,
) -> list[Entry]:
    """Validate one mapping (bundled or flat) and expand it to one Entry per body and maker."""
    before = len(problems.items)
    for key in sorted(set(raw) - _ENTRY_KEYS - {"__line__"}):
        problems.add(where, key, f"unknown field (fields: {', '.join(FLAT_FIELDS)})")
    source = _source_of(raw, where, sources, problems)
    bodies, by_exclusion = _bodies_of(raw, where, known_bodies, problems)
    makers = []
    for ref in _list(raw.get("makers")) + _list(raw.get("maker")):
        maker = _kb_maker(ref)
        if maker is None:
            problems.add(where, "maker", f"unknown maker {ref!r}; see `cctv-audit vendors list`")
        makers.append(maker)
    if not makers:
        problems.add(where, "maker", "needs a maker (or makers)")
    kind, scope = _text(raw.get("kind")), _text(raw.get("scope")) or "unstated"
    if kind not in KINDS:
        problems.add(where, "kind", f"{kind!r} must be one of {', '.join(KINDS)}")
    if scope not in SCOPES:
        problems.add(where, "scope", f"{scope!r} must be one of {', '.join(SCOPES)}")
    count = _count(raw.get("count"), where, kind, len(makers), problems)
    as_of = _text(raw.get("as_of")) or (source.published if source else "")
    if not _valid_date(as_of):
        problems.add(where, "as_of", f"{as_of!r} must be YYYY-MM-DD, YYYY-MM, YYYY or 'undated'")
    if len(problems.items) > before or source is None:
        return []
    quote, note = _text(raw.get("quote")) or None, _text(raw.get("note")) or None
    return [
        Entry(
            body=b,
            maker=m,
            kind=kind,
            scope=scope,
            as_of=as_of,
            source=source,
            count=count,
            by_exclusion=by_exclusion,
            quote=quote,
            note=note,
            where=where,
        )
        for b in bodies
        for m in makers
        if m
    ]


def _count(value: Any, where: str, kind: str, makers: int, problems: _Problems) -> int | None:
    text = _text(value)
    if not text:
        return None
    if not text.isdigit():
        problems.add(where, "count", f"{text!r} must be a whole number of devices")
        return None
    if makers > 1:
        problems.add(
            where,
            "count",
            "a count cannot be split between makers: give each maker its own claim "
            "and leave the count out when the source gives one figure for several",
        )
    if kind not in USE_KINDS:
        problems.add(where, "count", f"a count belongs to a claim of use, not {kind!r}")
    return int(text)


def _bodies_of(
    raw: dict, where: str, known: dict[str, str] | None, problems: _Problems
) -> tuple[list[str], bool]:
    group, excluded = _text(raw.get("group")), _list(raw.get("except"))
    named = _list(raw.get("bodies")) + _list(raw.get("body"))
    by_exclusion = _text(raw.get("by_exclusion")).lower() in TRUE
    if group:
        if named:
            problems.add(where, "group", "give either body/bodies or group (with except), not both")
        members = sorted(code for code, kind in _councils().items() if kind == group)
        if not members:
            problems.add(
                where,
                "group",
                f"no council of type {group!r} in the register (SCO, NID, WPA, LBO...)",
            )
        for code in excluded:
            if code not in members:
                problems.add(where, "except", f"{code!r} is not a council of type {group}")
        return [c for c in members if c not in excluded], True
    if not named:
        problems.add(where, "body", "needs a body (registry code), bodies, or a group")
    if known is not None:
        for code in named:
            if code not in known:
                problems.add(
                    where,
                    "body",
                    f"unknown body code {code!r}; see `cctv-audit bodies list`"
                    " or add it to bodies.yaml",
                )
    return named, by_exclusion


def _load_sources(path: Path, problems: _Problems) -> dict[str, Source]:
    raw = _read_yaml(path, path.name) or {}
    sources = {}
    for key, value in raw.items():
        if key == "__line__":
            continue
        where = f"{path.name}:{value.get('__line__', '?') if isinstance(value, dict) else '?'}"
        if not isinstance(value, dict):
            problems.add(where, str(key), "expected a mapping of url, publisher, published, grade")
            continue
        for extra in sorted(
            set(value) - {"url", "publisher", "published", "grade", "title", "note", "__line__"}
        ):
            problems.add(where, extra, "unknown field")
        source = _validate_source(value, where, str(key), problems)
        if source:
            sources[str(key)] = source
    return sources


def _load_bodies(path: Path, problems: _Problems) -> dict[str, RecordBody]:
    raw = _read_yaml(path, path.name) or {}
    bodies = {}
    for code, value in raw.items():
        if code == "__line__":
            continue
        where = f"{path.name}:{value.get('__line__', '?') if isinstance(value, dict) else '?'}"
        if (
            not isinstance(value, dict)
            or not _text(value.get("name"))
            or not _text(value.get("nation"))
        ):
            problems.add(where, str(code), "needs name and nation")
            continue
        members = tuple(_list(value.get("members")))
        for member in members:
            if member not in _councils():
                problems.add(where, "members", f"unknown council code {member!r}")
        if code in _councils():
            problems.add(
                where, str(code), "already in the council register; use its code in claims.yaml"
            )
        bodies[str(code)] = RecordBody(
            code=str(code),
            name=_text(value["name"]),
            nation=_text(value["nation"]),
            body_type=_text(value.get("body_type")) or "other",
            body_type_name=_text(value.get("body_type_name")) or "Other",
            region=_text(value.get("region")) or None,
            members=members,
        )
    return bodies


def _check_duplicates(entries: list[Entry], problems: _Problems) -> None:
    seen: dict[tuple, str] = {}
    for entry in entries:
        if entry.key in seen:
            problems.add(
                entry.where,
                "body",
                f"duplicate claim ({entry.body} {entry.kind} {entry.maker}, "
                f"same scope and source as {seen[entry.key]})",
            )
        seen.setdefault(entry.key, entry.where)


def _register_problems(data_dir: Path) -> tuple[Register, list[str]]:
    problems = _Problems()
    sources = _load_sources(data_dir / "sources.yaml", problems)
    bodies = _load_bodies(data_dir / "bodies.yaml", problems)
    known = {**_councils(), **{c: b.body_type for c, b in bodies.items()}}
    raw = _read_yaml(data_dir / "claims.yaml", "claims.yaml") or []
    entries: list[Entry] = []
    if not isinstance(raw, list):
        problems.add("claims.yaml:1", "claims", "expected a list of claims")
        raw = []
    for item in raw:
        where = f"claims.yaml:{item.get('__line__', '?') if isinstance(item, dict) else '?'}"
        if not isinstance(item, dict):
            problems.add(where, "claim", "expected a mapping")
            continue
        entries += _entries(item, where, sources, known, problems)
    _check_duplicates(entries, problems)
    used = {e.source.id for e in entries}
    for unused in sorted(set(sources) - used):
        problems.add("sources.yaml", unused, "source is not cited by any claim")
    return Register(sources, bodies, entries), problems.items


def lint_register(data_dir: Path | None = None) -> list[str]:
    """Every problem of a record data folder (``file:line: field: message``); empty when clean."""
    return _register_problems(Path(data_dir or DATA_DIR))[1]


@functools.cache
def bundled_register() -> Register:
    """The bundled record, validated (``RecordError`` lists every problem) and cached."""
    register, problems = _register_problems(DATA_DIR)
    holder = _Problems()
    holder.items = problems
    holder.raise_if_any("bundled published record (findings/data/record)")
    return register


def read_claims_file(path: Path | str) -> list[Entry]:
    """A campaigner's claims file (``.csv``, ``.yaml`` or ``.yml``, format ``FLAT_FIELDS``), validated.

    Bodies may be registry codes or names (resolved when loading). ``RecordError`` lists every
    problem as ``file:line: field: message``; nothing is returned unless the whole file is valid.
    """
    path = Path(path)
    name = path.name
    problems = _Problems()
    if path.suffix.lower() == ".csv":
        try:
            text = path.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise RecordError(f"{name}: cannot read: {exc.strerror}") from exc
        reader = csv.DictReader(io.StringIO(text))
        missing = [
            c
            for c in ("body", "maker", "kind", "source_url", "publisher", "grade")
            if c not in (reader.fieldnames or [])
        ]
        if missing:
            raise RecordError(
                f"{name}:1: columns: missing {', '.join(missing)} (see docs/disclosures.md)"
            )
        items = [
            ({k: v for k, v in row.items() if k is not None}, f"{name}:{reader.line_num}")
            for row in reader
        ]
    elif path.suffix.lower() in (".yaml", ".yml"):
        raw = _read_yaml(path, name) or []
        if isinstance(raw, dict) and "claims" in raw:
            raw = raw["claims"]
        if not isinstance(raw, list):
            raise RecordError(
                f"{name}:1: claims: expected a list of claims (see docs/disclosures.md)"
            )
        items = [
            (item, f"{name}:{item.get('__line__', '?') if isinstance(item, dict) else '?'}")
            for item in raw
        ]
    else:
        raise RecordError(f"{name}: claims files are .csv, .yaml or .yml")
    entries: list[Entry] = []
    for item, where in items:
        if not isinstance(item, dict):
            problems.add(where, "claim", "expected a mapping")
            continue
        item = {k: v for k, v in item.items() if k != "body_name" or not item.get("body")} | (
            {"body": item["body_name"]}
            if not _text(item.get("body")) and item.get("body_name")
            else {}
        )
        item.pop("body_name", None)
        entries += _entries(item, where, None, None, problems)
    _check_duplicates(entries, problems)
    problems.raise_if_any(name)
    return entries


# --- loading into the store -------------------------------------------------------------------------


def _ensure_registry(session: Session, codes: set[str]) -> None:
    """The councils the record names, from the bundled register when the store lacks them."""
    present = set(session.scalars(select(Body.code).where(Body.code.in_(sorted(codes)))))
    missing = [r for r in iter_bundled_councils() if r.code in codes - present]
    if missing:
        upsert_bodies(session, missing)


def _upsert_record_bodies(session: Session, bodies: Iterable[RecordBody]) -> int:
    records = []
    for b in bodies:
        notes = f"Answers for: {', '.join(b.members)}" if b.members else None
        records.append(
            RegistryBodyRecord(
                code=b.code,
                name=b.name,
                short_name=b.name,
                nation=b.nation,
                region=b.region,
                body_type=b.body_type,
                body_type_name=b.body_type_name,
                regime=regime_for_nation(b.nation),
                source="findings:record",
                notes=notes,
            )
        )
    before = session.scalar(select(Body.id).where(Body.source == "findings:record").limit(1))
    result = upsert_bodies(session, records)
    return result.created if before is None or result.created else 0


def _resolve_body(session: Session, ref: str):  # registry.Body
    body = session.scalar(select(Body).where(Body.code == ref))
    return body or match_body_name(session, ref)


def load_record(session: Session, path: Path | str | None = None) -> RecordReport:
    """Load the bundled record (or a campaigner's file) into the store; re-running changes nothing.

    Every claim is kept as a ``RecordClaim`` (contradictions included). The claims that stand under
    ``FIGURE_RULE`` are mirrored as ``published`` claims with their source as evidence (and counted
    refusals as published disclosures), so findings, the map and body pages use them.
    """
    register = bundled_register()
    _ensure_registry(
        session,
        {e.body for e in register.entries}
        | {m for b in register.bodies.values() for m in b.members},
    )
    report = RecordReport(loaded_from=str(path) if path else "bundled record")
    report.bodies_created = _upsert_record_bodies(session, register.bodies.values())
    session.flush()
    entries = register.entries if path is None else read_claims_file(path)
    problems = _Problems()
    resolved = []
    for entry in entries:
        body = _resolve_body(session, entry.body)
        if body is None:
            problems.add(
                entry.where,
                "body",
                f"no body with code or name {entry.body!r}; see `cctv-audit bodies list`",
            )
        resolved.append((entry, body))
    problems.raise_if_any(str(path or "bundled record"))
    origin = "bundled " if path is None else ""
    for entry, body in resolved:
        key = make_key(
            body.code, entry.maker, entry.kind, entry.scope, entry.source.url, entry.by_exclusion
        )
        row = session.get(RecordClaim, key)
        values = dict(
            body_id=body.id,
            maker_id=entry.maker,
            kind=entry.kind,
            scope=entry.scope,
            device_count=entry.count,
            as_of_text=entry.as_of,
            as_of=date_floor(entry.as_of),
            by_exclusion=entry.by_exclusion,
            grade=entry.source.grade,
            source_url=entry.source.url,
            publisher=entry.source.publisher,
            published=entry.source.published,
            title=entry.source.title,
            quote=entry.quote,
            note=entry.note,
        )
        if row is None:
            session.add(RecordClaim(id=key, loaded_from=origin + entry.where, **values))
            report.created += 1
        elif any(getattr(row, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(row, k, v)
            report.updated += 1
        report.entries += 1
    session.flush()
    report.mirrored_claims = mirror_record(session)
    _summarise(session, report)
    return report


def _summarise(session: Session, report: RecordReport) -> None:
    rows = list(session.scalars(select(RecordClaim)))
    report.claims_in_record = len(rows)
    report.bodies_in_record = len({r.body_id for r in rows})
    sources: dict[str, str] = {r.source_url: r.grade for r in rows}
    report.sources_by_grade = {g: sum(1 for v in sources.values() if v == g) for g in GRADES}
    report.claims_by_grade = {g: sum(1 for r in rows if r.grade == g) for g in GRADES}


# --- the figure rule -------------------------------------------------------------------------------


def _newer(a: Any, b: Any) -> bool:
    """``a`` is dated after ``b`` (an undated claim is never newer, and nothing is newer than it... but
    a dated claim is newer than an undated one)."""
    if a.as_of is None:
        return False
    return b.as_of is None or a.as_of > b.as_of


def _covers(denial: Any, use: Any) -> bool:
    return denial.scope == "estate" or denial.scope == use.scope


def _not_counted_reason(row: Any) -> str | None:
    if row.by_exclusion:
        return "a claim by exclusion"
    if row.grade not in COUNTED_GRADES:
        return f"grade {row.grade} ({GRADE_LABELS[row.grade]})"
    return None


def _judge(rows: list[Any]) -> tuple[str, dict[str, tuple[str, str]]]:
    """The verdict on one body and maker, and each claim's (status, reason) under ``FIGURE_RULE``."""
    status: dict[str, tuple[str, str]] = {}
    counted = []
    for row in rows:
        reason = _not_counted_reason(row)
        if reason:
            status[row.id] = ("not_counted", reason)
        else:
            counted.append(row)
    uses = [r for r in counted if r.kind in USE_KINDS]
    denials = [r for r in counted if r.kind == "does_not_use"]
    for use in uses:
        by = next(
            (
                d
                for d in denials
                if _covers(d, use)
                and _newer(d, use)
                and GRADE_RANK[d.grade] <= GRADE_RANK[use.grade]
            ),
            None,
        )
        status[use.id] = (
            ("superseded", f"by the newer denial of {by.publisher} ({by.as_of_text})")
            if by
            else ("counted", "")
        )
    for denial in denials:
        by = next(
            (
                u
                for u in uses
                if _covers(denial, u)
                and _newer(u, denial)
                and GRADE_RANK[u.grade] <= GRADE_RANK[denial.grade]
            ),
            None,
        )
        status[denial.id] = (
            ("superseded", f"by the newer claim of use of {by.publisher} ({by.as_of_text})")
            if by
            else ("counted", "")
        )
    for row in counted:
        status.setdefault(row.id, ("counted", ""))
    standing_uses = [u for u in uses if status[u.id][0] == "counted"]
    standing_denials = [
        d
        for d in denials
        if status[d.id][0] == "counted" and any(_covers(d, u) for u in standing_uses)
    ]
    if standing_uses and standing_denials:
        verdict = "contested"
    elif standing_uses:
        verdict = "uses"
    elif any(status[d.id][0] == "counted" for d in denials):
        verdict = "does_not_use"
    elif any(r.kind == "refused" for r in counted):
        verdict = "refused"
    elif any(r.kind == "not_held" for r in counted):
        verdict = "not_held"
    elif any(r.kind in USE_KINDS for r in rows):
        verdict = "reported_not_counted"
    else:
        verdict = "denied_not_counted"
    return verdict, status


def _contradicts(rows: list[Any]) -> bool:
    uses = [r for r in rows if r.kind in USE_KINDS]
    denials = [r for r in rows if r.kind == "does_not_use"]
    return any(_covers(d, u) for d in denials for u in uses)


def _all_rows(session: Session) -> dict[int, list[Any]]:
    rows: dict[int, list[Any]] = defaultdict(list)
    for row in session.scalars(
        select(RecordClaim).order_by(
            RecordClaim.body_id, RecordClaim.maker_id, RecordClaim.as_of, RecordClaim.id
        )
    ):
        rows[row.body_id].append(row)
    return rows


def _maker_name(maker_id: str) -> str:
    try:
        return display_name(maker_id)
    except (
        NotFound
    ):  # a maker no longer in the knowledge base keeps its id; a broken file still raises
        return maker_id


def _body_record(body: Any, rows: list[Any]) -> BodyRecord:
    by_maker: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        by_maker[row.maker_id].append(row)
    verdicts, views, contradictions = {}, [], []
    for maker, maker_rows in sorted(by_maker.items()):
        verdict, status = _judge(maker_rows)
        verdicts[maker] = verdict
        if _contradicts(maker_rows):
            contradictions.append(maker)
        for row in sorted(
            maker_rows, key=lambda r: (r.as_of or dt.date.min, GRADE_RANK[r.grade], r.id)
        ):
            views.append(
                RecordClaimView(
                    id=row.id,
                    body_code=body.code,
                    body_name=body.name,
                    maker_id=maker,
                    maker_name=_maker_name(maker),
                    kind=row.kind,
                    scope=row.scope,
                    count=row.device_count,
                    as_of=row.as_of_text,
                    by_exclusion=row.by_exclusion,
                    grade=row.grade,
                    source_url=row.source_url,
                    publisher=row.publisher,
                    published=row.published,
                    title=row.title,
                    quote=row.quote,
                    note=row.note,
                    loaded_from=row.loaded_from,
                    status=status[row.id][0],
                    status_reason=status[row.id][1],
                )
            )
    members = (
        (body.notes or "").removeprefix("Answers for: ").split(", ")
        if body.source == "findings:record" and (body.notes or "").startswith("Answers for: ")
        else []
    )
    return BodyRecord(
        body_id=body.id,
        body_code=body.code,
        body_name=body.name,
        nation=body.nation,
        body_type=body.body_type,
        members=members,
        verdicts=verdicts,
        contradictions=contradictions,
        claims=views,
    )


def body_records(session: Session) -> dict[int, BodyRecord]:
    """The record of every body it names, by body id."""
    rows = _all_rows(session)
    bodies = {b.id: b for b in session.scalars(select(Body).where(Body.id.in_(sorted(rows))))}
    return {
        body_id: _body_record(bodies[body_id], body_rows) for body_id, body_rows in rows.items()
    }


def body_record(session: Session, body_id: int) -> BodyRecord | None:
    """What the record says about one body (None when it names it nowhere)."""
    rows = list(session.scalars(select(RecordClaim).where(RecordClaim.body_id == body_id)))
    return _body_record(session.get(Body, body_id), rows) if rows else None


def mirror_record(session: Session) -> int:
    """Record the standing claims as ``published`` claims (and counted refusals as disclosures).

    Claims mirrored before that no longer stand (a newer denial was imported) are marked superseded.
    """
    for old in session.scalars(
        select(Claim).where(Claim.recorded_by == MIRROR_TAG, Claim.status == "active")
    ):
        old.status, old.status_reason = (
            "superseded",
            "no longer stands under the published record's figure rule",
        )
        old.confirmed = False
    mirrored = 0
    rows = _all_rows(session)
    for body_id, body_rows in rows.items():
        body = session.get(Body, body_id)
        by_maker: dict[str, list[Any]] = defaultdict(list)
        for row in body_rows:
            by_maker[row.maker_id].append(row)
        for maker_rows in by_maker.values():
            _, status = _judge(maker_rows)
            for row in maker_rows:
                if status[row.id][0] != "counted":
                    continue
                if row.kind in ("refused", "not_held"):
                    _mirror_disclosure(session, body, row, make_key, Disclosure)
                    continue
                record_claim(
                    session,
                    body_id=body_id,
                    manufacturer_id=row.maker_id,
                    polarity="does_not_use" if row.kind == "does_not_use" else "uses",
                    device_count=row.device_count,
                    as_of=row.as_of,
                    origin="published",
                    source=f"record:{row.kind}:{row.scope}:{row.source_url}",
                    original_wording=row.quote or KIND_LABELS[row.kind],
                    recorded_by=MIRROR_TAG,
                    note=f"Published record: {GRADE_LABELS[row.grade]}; {SCOPE_LABELS[row.scope]}"
                    + (f"; {row.note}" if row.note else ""),
                    evidence=[
                        EvidenceInput.link(
                            row.source_url,
                            title=f"{row.publisher} ({row.grade})",
                            published_on=row.as_of,
                            quote=row.quote,
                            note=SCOPE_LABELS[row.scope],
                        )
                    ],
                )
                mirrored += 1
    session.flush()
    return mirrored


def _mirror_disclosure(
    session: Session, body: Any, row: Any, make_key: Any, disclosure_model: Any
) -> None:
    key = make_key(body.code, row.source_url)
    disclosure = session.get(disclosure_model, key)
    if disclosure is None:
        disclosure = disclosure_model(id=key, body_id=body.id, source_url=row.source_url)
        session.add(disclosure)
    disclosure.outcome = row.kind
    disclosure.exemptions, disclosure.makers_in_use, disclosure.makers_denied = [], [], []
    disclosure.total_cameras, disclosure.disclosed_on = None, row.as_of
    disclosure.loaded_from = "published record"


# --- figures --------------------------------------------------------------------------------------

#: Groups of councils the record's figures are given for: label -> body types.
FIGURE_GROUPS: dict[str, tuple[str, ...]] = {
    "Scottish councils": ("SCO",),
    "London boroughs": ("LBO",),
    "English councils": ("NMD", "UA", "MD", "CTY", "LBO", "CC"),
    "Welsh councils": ("WPA",),
    "Northern Ireland councils": ("NID",),
}
_GROUP_KEYS = {
    "Scottish councils": "scotland",
    "London boroughs": "london",
    "English councils": "england",
    "Welsh councils": "wales",
    "Northern Ireland councils": "ni",
}


def _span(rows: list[Any]) -> str:
    dates = [date_floor(r.as_of) if isinstance(r.as_of, str) else r.as_of for r in rows]
    years = sorted({d.year for d in dates if d is not None})
    undated = sum(1 for d in dates if d is None)
    text = (
        "" if not years else (str(years[0]) if years[0] == years[-1] else f"{years[0]}-{years[-1]}")
    )
    if undated:
        text = f"{text}; {undated} undated" if text else f"{undated} undated"
    return text


def _figure(
    key: str,
    label: str,
    maker: str,
    records: list[BodyRecord],
    base: int | None,
    who: str,
    denial: bool = False,
) -> RecordFigure:
    wanted = ("does_not_use",) if denial else ("uses", "contested")
    members = [r for r in records if r.verdicts.get(maker) in wanted]
    counted_claims = [
        c
        for r in members
        for c in r.claims
        if c.maker_id == maker and c.status == "counted" and ((c.kind == "does_not_use") == denial)
    ]
    by_grade = {g: 0 for g in COUNTED_GRADES}
    for r in members:
        grades = [
            c.grade
            for c in r.claims
            if c.maker_id == maker
            and c.status == "counted"
            and ((c.kind == "does_not_use") == denial)
        ]
        by_grade[min(grades, key=GRADE_RANK.__getitem__)] += 1
    not_counted: dict[str, list[str]] = defaultdict(list)
    if not denial:
        for r in records:
            if r.verdicts.get(maker) == "reported_not_counted":
                named = any(
                    not c.by_exclusion
                    for c in r.claims
                    if c.maker_id == maker and c.kind in USE_KINDS
                )
                reason = "named only by a campaign or repost" if named else "only by exclusion"
                not_counted[reason].append(r.body_code)
    span = _span([c for c in counted_claims])
    name = _maker_name(maker)
    value = len(members)
    if base is None and value == 1:
        who = "public body"
    of = f"{value} of {base} {who}" if base is not None else f"{value} {who}"
    verb = "reported not to use" if denial else "reported to use"
    tense = "has" if value == 1 else "have"
    sentence = (
        f"{'' if denial else 'at least '}{of} {tense} been {verb} {name} "
        f"(named, sourced{', ' + span if span else ''})"
    )
    if value == 0 and base is not None:
        # "At least 0" says nothing: say no counted source names one, and what the others do.
        uncounted = sum(len(codes) for codes in not_counted.values())
        sentence = (
            f"no source that counts names any of the {base} {who} as {'not ' if denial else ''}using "
            f"{name}"
            + (
                f" ({uncounted} named only by exclusion, a campaign or a repost)"
                if uncounted
                else ""
            )
        )
    return RecordFigure(
        key=key,
        label=label,
        value=value,
        base=base,
        base_label=f"of {base} {who}" if base is not None else None,
        sentence=sentence[:1].upper() + sentence[1:],
        maker_id=maker,
        members=[r.body_code for r in members],
        by_grade=by_grade,
        contested=[r.body_code for r in members if r.verdicts.get(maker) == "contested"],
        not_counted={k: sorted(v) for k, v in sorted(not_counted.items())},
        span=span,
    )


def record_figures(session: Session, *, maker: str | None = None) -> list[RecordFigure]:
    """The record's figures for each maker it names in use: every body, then each group of councils.

    Keys: ``record:uses:<maker>``, ``record:uses:<maker>:<scotland|london|england|wales|ni>`` and
    ``record:denies:<maker>:<group>``. Groups appear when the record names any of their councils.
    """
    records = list(body_records(session).values())
    types: defaultdict[str, int] = defaultdict(int)
    for body_type in session.scalars(
        select(Body.body_type).where(Body.source == "mysociety-register")
    ):
        types[body_type] += 1
    makers = sorted(
        {m for r in records for m, v in r.verdicts.items() if v in ("uses", "contested")}
    )
    if maker:
        makers = [m for m in makers if m == (_kb_maker(maker) or maker)]
    figures = []
    for m in makers:
        name = _maker_name(m)
        figures.append(
            _figure(
                f"record:uses:{m}", f"Reported to use {name}", m, records, None, "public bodies"
            )
        )
        for group, body_types in FIGURE_GROUPS.items():
            in_group = [r for r in records if r.body_type in body_types and m in r.verdicts]
            base = sum(types[t] for t in body_types)
            slug = _GROUP_KEYS[group]
            if any(c.maker_id == m and c.kind in USE_KINDS for r in in_group for c in r.claims):
                figures.append(
                    _figure(
                        f"record:uses:{m}:{slug}",
                        f"{group} reported to use {name}",
                        m,
                        in_group,
                        base,
                        group,
                    )
                )
            if any(r.verdicts[m] == "does_not_use" for r in in_group):
                figures.append(
                    _figure(
                        f"record:denies:{m}:{slug}",
                        f"{group} reported not to use {name}",
                        m,
                        in_group,
                        base,
                        group,
                        denial=True,
                    )
                )
    return figures


def explain_record(session: Session, key: str) -> RecordExplanation:
    """The bodies behind one record figure, each with all its sources side by side."""
    figures = {f.key: f for f in record_figures(session)}
    if key not in figures:
        known = ", ".join(sorted(figures)) or "none: run `cctv-audit disclosures load` first"
        raise NotFound(f"no record figure {key!r}; figures: {known}")
    figure = figures[key]
    records = body_records(session)
    by_code = {r.body_code: r for r in records.values()}
    counted = [by_code[c] for c in figure.members]
    others = sorted({c for codes in figure.not_counted.values() for c in codes})
    return RecordExplanation(
        figure=figure, counted=counted, not_counted=[by_code[c] for c in others]
    )


# --- export ---------------------------------------------------------------------------------------


def _flat_rows(session: Session) -> list[dict[str, str]]:
    rows = []
    for record in sorted(body_records(session).values(), key=lambda r: r.body_code):
        for c in record.claims:
            rows.append(
                {
                    "body": c.body_code,
                    "body_name": c.body_name,
                    "maker": c.maker_id,
                    "kind": c.kind,
                    "scope": c.scope,
                    "count": "" if c.count is None else str(c.count),
                    "as_of": c.as_of,
                    "by_exclusion": "yes" if c.by_exclusion else "",
                    "source_url": c.source_url,
                    "publisher": c.publisher,
                    "published": c.published,
                    "grade": c.grade,
                    "title": c.title or "",
                    "quote": c.quote or "",
                    "note": c.note or "",
                }
            )
    return rows


def export_record(session: Session, path: Path | str, fmt: str | None = None) -> int:
    """Write every claim of the record in the import format (CSV or YAML by ``fmt`` or suffix)."""
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".") or "csv").lower()
    rows = _flat_rows(session)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(FLAT_FIELDS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        text = buffer.getvalue()
    elif fmt in ("yaml", "yml"):
        clean = [
            {k: (int(v) if k == "count" else v) for k, v in row.items() if v != ""} for row in rows
        ]
        text = (
            "# Published record: claims with their sources (format: docs/disclosures.md)\n"
            + yaml.safe_dump(clean, sort_keys=False, allow_unicode=True, width=120)
        )
    else:
        raise RecordError(f"{path.name}: export format {fmt!r} must be csv or yaml")
    path.write_text(text, encoding="utf-8")
    return len(rows)
