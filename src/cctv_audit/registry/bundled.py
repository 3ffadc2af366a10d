"""The bundled register of current UK local authorities.

Source: mySociety's "UK local authorities" register (MIT licence, see
``data/LICENSE.mysociety``), copied unchanged into ``data/``. Only authorities
marked current are loaded: 397 (332 England, 32 Scotland, 22 Wales, 11 NI).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources

from cctv_audit.registry.regimes import regime_for_nation

REGISTER_FILE = "uk_local_authorities_current.csv"
LOOKUP_FILE = "lookup_name_to_registry.csv"
SOURCE = "mysociety-register"
ATTRIBUTION = "UK local authorities register by mySociety (MIT licence)"


@dataclass(frozen=True)
class BodyRecord:
    """A validated row ready to upsert into ``bodies``."""

    code: str
    name: str
    short_name: str
    nation: str
    body_type: str
    body_type_name: str
    regime: str
    source: str
    region: str | None = None
    gss_code: str | None = None
    wdtk_id: str | None = None
    population: int | None = None
    parent_code: str | None = None
    website: str | None = None
    foi_email: str | None = None
    email_domains: tuple[str, ...] = ()
    alt_names: tuple[str, ...] = field(default=())
    notes: str | None = None


def _data_text(name: str) -> str:
    return resources.files("cctv_audit.registry").joinpath("data", name).read_text(encoding="utf-8")


def _number(value: str) -> int | None:
    return int(float(value)) if value.strip() else None


def _text(value: str) -> str | None:
    return value.strip() or None


def _fix_mojibake(value: str) -> str:
    # The register has a few names double-encoded (UTF-8 read as Latin-1); undo where it round-trips.
    try:
        return value.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value


def iter_bundled_councils() -> Iterator[BodyRecord]:
    """Yield every current local authority in the bundled register."""
    lookup = _names_by_code()
    for row in csv.DictReader(_data_text(REGISTER_FILE).splitlines()):
        if row["current-authority"] != "True":
            continue
        code = row["local-authority-code"]
        alt = {_fix_mojibake(n.strip()) for n in row["alt-names"].split(",") if n.strip()}
        alt |= lookup.get(code, set())
        yield BodyRecord(
            code=code,
            name=row["official-name"],
            short_name=row["nice-name"],
            nation=row["nation"],
            region=_text(row["region"]),
            body_type=row["local-authority-type"],
            body_type_name=row["local-authority-type-name"],
            regime=regime_for_nation(row["nation"]),
            gss_code=_text(row["gss-code"]),
            wdtk_id=str(_number(row["wdtk-id"])) if _text(row["wdtk-id"]) else None,
            population=_number(row["pop-2020"]),
            parent_code=_text(row["county-la"]),
            website=f"https://www.gov.uk/find-local-council/{row['gov-uk-slug']}"
            if row["gov-uk-slug"]
            else None,
            alt_names=tuple(sorted(alt)),
            source=SOURCE,
        )


def _names_by_code() -> dict[str, set[str]]:
    names: dict[str, set[str]] = {}
    for row in csv.DictReader(_data_text(LOOKUP_FILE).splitlines()):
        names.setdefault(row["local-authority-code"], set()).add(_fix_mojibake(row["la-name"]))
    return names
