"""Import further public bodies (police forces, NHS trusts, universities...) from CSV.

A bad row is reported with its line number and reason; good rows still load;
re-importing the same file updates rows by ``code`` instead of duplicating them.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from cctv_audit.errors import InputError
from cctv_audit.registry.bundled import BodyRecord
from cctv_audit.registry.regimes import FOIA, FOISA, UK_WIDE, normalise_nation, regime_for_nation

REQUIRED_COLUMNS = ("name", "nation", "body_type")
OPTIONAL_COLUMNS = (
    "code",
    "short_name",
    "region",
    "body_type_name",
    "regime",
    "gss_code",
    "wdtk_id",
    "population",
    "parent_code",
    "website",
    "foi_email",
    "email_domains",
    "alt_names",
    "notes",
)
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
DOMAIN = re.compile(r"^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$")


@dataclass
class RowProblem:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass
class ParsedFile:
    records: list[BodyRecord] = field(default_factory=list)
    #: Rows of an update file (no name/nation/body_type columns): they change existing bodies only.
    updates: list[BodyUpdate] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)
    #: The columns the file has: on an existing body only these (and what derives from them) change.
    columns: frozenset[str] = frozenset(REQUIRED_COLUMNS)


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:64]


def _split_list(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in re.split(r"[;|]", value) if part.strip())


def _population(text: str) -> int | None:
    if not text:
        return None
    try:
        return int(float(text.replace(",", "")))
    except ValueError:
        raise ValueError(f"population {text!r} is not a number") from None


def _domains(foi_email: str, email_domains: str) -> tuple[str, ...]:
    """The email domains replies come from (the FOI address's domain when none is given)."""
    if foi_email and not EMAIL.match(foi_email):
        raise ValueError(f"foi_email {foi_email!r} is not an email address")
    domains = tuple(d.lower().lstrip("@") for d in _split_list(email_domains))
    for domain in domains:
        if not DOMAIN.match(domain):
            raise ValueError(f"email domain {domain!r} is not a domain name")
    if foi_email and not domains:
        domains = (foi_email.split("@", 1)[1].lower(),)
    return domains


def _code(code: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", code):
        raise ValueError(f"code {code!r} may hold only letters, digits, '-', '_' and '.'")
    return code


@dataclass
class BodyUpdate:
    """A row of an update file (``code`` plus some columns): changes an existing body only."""

    line: int
    code: str
    values: dict
    #: The FOI address's domain, added to the body's own when the file gives no email_domains.
    added_domains: tuple[str, ...] = ()


def parse_update_row(row: dict[str, str], columns: frozenset[str], line: int) -> BodyUpdate:
    """Validate a row that changes some fields of a body already in the registry."""
    get = lambda key: (row.get(key) or "").strip()
    if not get("code"):
        raise ValueError("'code' is empty: an update file names each body by its code")
    values: dict = {}
    for column in columns - {"code"}:
        if column == "population":
            values[column] = _population(get(column))
        elif column in ("email_domains", "alt_names"):
            continue  # handled below with their checks
        elif column == "nation":
            nation = normalise_nation(get(column))
            if nation is None:
                raise ValueError(
                    f"nation {get(column)!r} is not England, Scotland, Wales, Northern Ireland or UK"
                )
            values["nation"] = nation
        else:
            values[column] = get(column) or None
    domains = _domains(get("foi_email"), get("email_domains"))
    if "email_domains" in columns:
        values["email_domains"] = list(domains)
    if "alt_names" in columns:
        values["alt_names"] = list(_split_list(get("alt_names")))
    added = domains if "email_domains" not in columns else ()
    return BodyUpdate(line, _code(get("code")), values, added)


def parse_row(row: dict[str, str], source: str) -> BodyRecord:
    """Validate one CSV row; raise ValueError with a readable reason."""
    get = lambda key: (row.get(key) or "").strip()
    for key in REQUIRED_COLUMNS:
        if not get(key):
            raise ValueError(f"'{key}' is empty")
    nation = normalise_nation(get("nation"))
    if nation is None:
        raise ValueError(
            f"nation {get('nation')!r} is not England, Scotland, Wales, Northern Ireland or UK"
        )
    regime = get("regime").upper() or (FOIA if nation == UK_WIDE else regime_for_nation(nation))
    if regime not in (FOIA, FOISA):
        raise ValueError(f"regime {get('regime')!r} must be FOIA or FOISA")
    population = _population(get("population"))
    domains = _domains(get("foi_email"), get("email_domains"))
    code = _code(get("code") or slugify(get("name")))
    return BodyRecord(
        code=code,
        name=get("name"),
        short_name=get("short_name") or get("name"),
        nation=nation,
        region=get("region") or None,
        body_type=get("body_type"),
        body_type_name=get("body_type_name") or get("body_type").replace("_", " "),
        regime=regime,
        gss_code=get("gss_code") or None,
        wdtk_id=get("wdtk_id") or None,
        population=population,
        parent_code=get("parent_code") or None,
        website=get("website") or None,
        foi_email=get("foi_email") or None,
        email_domains=domains,
        alt_names=_split_list(get("alt_names")),
        notes=get("notes") or None,
        source=source,
    )


def parse_csv(path: Path) -> ParsedFile:
    """Read a bodies CSV; collect good records and per-line problems."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise InputError("file not found", source=str(path)) from None
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 text ({exc.reason} at byte {exc.start})", source=str(path)
        ) from None
    reader = csv.DictReader(io.StringIO(text))
    columns = [c.strip() for c in reader.fieldnames or []]
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing and "code" in columns:
        return _parse_updates(
            reader, frozenset(columns) & frozenset(OPTIONAL_COLUMNS + REQUIRED_COLUMNS)
        )
    if missing:
        raise InputError(
            f"missing column(s) {', '.join(missing)}; the header must include "
            f"{', '.join(REQUIRED_COLUMNS)} (optional: {', '.join(OPTIONAL_COLUMNS)}), or be an update "
            f"file: code plus the columns to change, e.g. code,foi_email",
            source=str(path),
        )
    parsed = ParsedFile(columns=frozenset(columns) & frozenset(REQUIRED_COLUMNS + OPTIONAL_COLUMNS))
    seen: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        row = {(k or "").strip(): v for k, v in row.items()}
        try:
            record = parse_row(row, source=f"import:{path.name}")
        except ValueError as exc:
            parsed.problems.append(RowProblem(line, str(exc)))
            continue
        if record.code in seen:
            parsed.problems.append(
                RowProblem(line, f"code {record.code!r} repeats line {seen[record.code]}")
            )
            continue
        seen[record.code] = line
        parsed.records.append(record)
    return parsed


def _parse_updates(reader: csv.DictReader, columns: frozenset[str]) -> ParsedFile:
    parsed = ParsedFile(columns=columns)
    seen: dict[str, int] = {}
    for row in reader:
        line = reader.line_num
        row = {(k or "").strip(): v for k, v in row.items()}
        try:
            update = parse_update_row(row, columns, line)
        except ValueError as exc:
            parsed.problems.append(RowProblem(line, str(exc)))
            continue
        if update.code.upper() in seen:
            parsed.problems.append(
                RowProblem(line, f"code {update.code!r} repeats line {seen[update.code.upper()]}")
            )
            continue
        seen[update.code.upper()] = line
        parsed.updates.append(update)
    return parsed
