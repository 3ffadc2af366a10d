"""Library functions over the registry: load, import, query, match names."""

from __future__ import annotations

import dataclasses
import logging
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from cctv_audit.errors import NotFound
from cctv_audit.registry.bundled import BodyRecord, iter_bundled_councils
from cctv_audit.registry.importer import BodyUpdate, RowProblem, parse_csv
from cctv_audit.registry.models import Body

log = logging.getLogger(__name__)


@dataclass
class LoadResult:
    """What a load or import changed."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def loaded(self) -> int:
        return self.created + self.updated + self.unchanged


def upsert_bodies(
    session: Session, records: Iterable[BodyRecord], *, columns: frozenset[str] | None = None
) -> LoadResult:
    """Insert new bodies and update existing ones by ``code``.

    ``columns`` names the fields the source actually has (a CSV's header): an existing body keeps
    every other field, so a file that only adds FOI addresses does not erase the register's facts.
    ``None`` means the records are complete (the bundled register).
    """
    result = LoadResult()
    existing = {b.code: b for b in session.scalars(select(Body))}
    for record in records:
        values = dataclasses.asdict(record)
        values["email_domains"] = list(record.email_domains)
        values["alt_names"] = list(record.alt_names)
        body = existing.get(record.code)
        if body is None:
            body = Body(**values)
            session.add(body)
            existing[record.code] = body
            result.created += 1
            continue
        if columns is not None:
            values = _partial_update(body, values, columns)
        if any(getattr(body, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(body, key, value)
            result.updated += 1
        else:
            result.unchanged += 1
    session.flush()
    return result


def _partial_update(body: Body, values: dict, columns: frozenset[str]) -> dict:
    """The values a row with only ``columns`` may change on an existing body."""
    kept = {k: v for k, v in values.items() if k in columns}
    if "nation" in columns and "regime" not in columns:
        kept["regime"] = values["regime"]  # follows from the nation
    if "name" in columns and "short_name" not in columns and body.name != values["name"]:
        kept["short_name"] = values["short_name"]  # renamed: the old short form no longer fits
    if (
        "body_type" in columns
        and "body_type_name" not in columns
        and body.body_type != values["body_type"]
    ):
        kept["body_type_name"] = values["body_type_name"]
    if "foi_email" in columns and "email_domains" not in columns:
        # The address's domain is added to the register's, so replies from it still match.
        kept["email_domains"] = sorted(set(body.email_domains or []) | set(values["email_domains"]))
    if any(getattr(body, k) != v for k, v in kept.items()):
        kept["source"] = values["source"]  # provenance: the file that last changed the row
    return kept


def load_bundled_councils(session: Session) -> LoadResult:
    """Load or refresh the 397 current UK local authorities bundled with the tool."""
    result = upsert_bodies(session, iter_bundled_councils())
    log.info(
        "registry: %d councils (%d new, %d updated)", result.loaded, result.created, result.updated
    )
    return result


def ensure_bundled_councils(session: Session) -> LoadResult | None:
    """On first use of a database with no body at all, load the bundled councils (as migrations are
    applied on first use); None when the registry already has bodies."""
    if session.scalar(select(Body.id).limit(1)) is not None:
        return None
    return load_bundled_councils(session)


def import_bodies_csv(session: Session, path: Path) -> LoadResult:
    """Import bodies from a CSV file; bad rows are returned as problems, good rows load."""
    parsed = parse_csv(path)
    result = upsert_bodies(session, parsed.records, columns=parsed.columns)
    result.problems = list(parsed.problems)
    _apply_updates(session, parsed.updates, f"import:{path.name}", result)
    result.problems.sort(key=lambda p: p.line)
    return result


def _apply_updates(
    session: Session, updates: list[BodyUpdate], source: str, result: LoadResult
) -> None:
    """Rows of an update file (``code,foi_email``...): change bodies already in the registry.

    The body keeps its ``source``: the row still comes from the register (or the file that created
    it); an update file only adds details such as the FOI address, logged with the file's name.
    """
    for update in updates:
        body = session.scalar(select(Body).where(func.upper(Body.code) == update.code.upper()))
        if body is None:
            result.problems.append(
                RowProblem(
                    update.line,
                    f"code {update.code!r} is not in the registry; a new body needs name, nation and "
                    "body_type columns",
                )
            )
            continue
        values = dict(update.values)
        if update.added_domains:  # so replies from the new address still match this body
            values["email_domains"] = sorted(
                set(body.email_domains or []) | set(update.added_domains)
            )
        if all(getattr(body, k) == v for k, v in values.items()):
            result.unchanged += 1
            continue
        for key, value in values.items():
            setattr(body, key, value)
        log.info("registry: %s updated from %s (%s)", body.code, source, ", ".join(sorted(values)))
        result.updated += 1
    session.flush()


def list_bodies(
    session: Session,
    *,
    nation: str | None = None,
    region: str | None = None,
    body_type: str | None = None,
    search: str | None = None,
) -> list[Body]:
    """Bodies filtered by nation, region, type (code or name) and a search over names, by name."""
    query = select(Body).order_by(Body.name)
    if nation:
        query = query.where(func.lower(Body.nation) == nation.strip().lower())
    if region:
        query = query.where(func.lower(Body.region) == region.strip().lower())
    if body_type:
        key = body_type.strip().lower()
        query = query.where(
            or_(func.lower(Body.body_type) == key, func.lower(Body.body_type_name) == key)
        )
    bodies = list(session.scalars(query))
    if search:
        needle = search.strip().lower()
        bodies = [b for b in bodies if needle in _haystack(b)]
    return bodies


def _haystack(body: Body) -> str:
    return " | ".join([body.name, body.short_name, body.code, *(body.alt_names or [])]).lower()


def get_body(session: Session, ref: str | int) -> Body:
    """Find a body by numeric id, code (``EDH``), GSS code, or a name variant."""
    text = str(ref).strip()
    if not text:
        raise NotFound("no public body named: give a code (EDH), GSS code, id or name")
    if text.isascii() and text.isdigit():  # "¹".isdigit() is true but int() refuses it
        body = session.get(Body, int(text))
        if body is not None:
            return body
    body = session.scalar(
        select(Body).where(
            or_(func.upper(Body.code) == text.upper(), Body.gss_code == text.upper())
        )
    )
    if body is not None:
        return body
    match = match_body_name(session, text)
    if match is not None:
        return match
    raise NotFound(
        f"no public body matches {text!r}; try `cctv-audit bodies list --search {text.split()[0]!r}`"
    )


# Words that say what kind of body it is, not which one: dropped before comparing names.
_GENERIC = re.compile(
    r"\b(the|council|borough|district|county|city|of|and|metropolitan|royal|london|"
    r"unitary|authority|corporation|comhairle|cyngor|sir|bwrdeistref|sirol)\b"
)


def _name_key(name: str) -> str:
    name = name.lower().replace("&", " and ")
    name = re.sub(r"[^a-z0-9 ]+", " ", name)
    return " ".join(name.split())


def _core_key(name: str) -> str:
    return " ".join(_GENERIC.sub(" ", _name_key(name)).split())


def match_body_name(session: Session, name: str, *, min_score: float = 92.0) -> Body | None:
    """Resolve a name variant ("Edinburgh", "City of Edinburgh Council") to one body, or None.

    Exact matches on the register's names and alternative names win; otherwise a
    fuzzy match on the distinctive part of the name, only when it is unambiguous.
    """
    bodies = list(session.scalars(select(Body)))
    key = _name_key(name)
    exact = {b.id: b for b in bodies for n in _names(b) if _name_key(n) == key}
    if len(exact) == 1:
        return next(iter(exact.values()))
    core = _core_key(name)
    if not core:
        return None
    core_exact = {b.id: b for b in bodies for n in _names(b) if _core_key(n) == core}
    if len(core_exact) == 1:
        return next(iter(core_exact.values()))
    choices = {(b.id, n): _core_key(n) for b in bodies for n in _names(b)}
    hits = process.extract(core, choices, scorer=fuzz.ratio, limit=5, score_cutoff=min_score)
    ids = {key[0] for _, _, key in hits}
    if len(ids) == 1:
        return next(b for b in bodies if b.id in ids)
    return None


def _names(body: Body) -> list[str]:
    return [body.name, body.short_name, *(body.alt_names or [])]


def summary(session: Session) -> dict[str, Counter[str]]:
    """Counts of bodies by nation and by type name."""
    bodies = list(session.scalars(select(Body)))
    return {
        "nation": Counter(b.nation for b in bodies),
        "type": Counter(b.body_type_name for b in bodies),
        "regime": Counter(b.regime for b in bodies),
    }


def body_to_dict(body: Body) -> dict:
    """A JSON-ready view of a body (used by the CLI's --json and the web API)."""
    return {
        "id": body.id,
        "code": body.code,
        "name": body.name,
        "short_name": body.short_name,
        "nation": body.nation,
        "region": body.region,
        "body_type": body.body_type,
        "body_type_name": body.body_type_name,
        "regime": body.regime,
        "gss_code": body.gss_code,
        "wdtk_id": body.wdtk_id,
        "population": body.population,
        "parent_code": body.parent_code,
        "website": body.website,
        "foi_email": body.foi_email,
        "email_domains": body.email_domains or [],
        "alt_names": body.alt_names or [],
        "source": body.source,
    }
