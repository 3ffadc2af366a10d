"""The column wizard: which column of an asset register holds which field.

Registers come with any header ("Manufacturer", "Make/Brand", "Cam Model No.").
Headers are matched to our fields by known synonyms; ``--map make=Manufacturer``
overrides (and is checked against the real headers so a typo fails loudly).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from cctv_audit.errors import InputError

#: Our fields and the header words that usually mean them (compared after normalising).
FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "site": ("site", "building", "premises", "property", "site name", "campus"),
    "location": ("location", "position", "area", "camera location", "description", "where"),
    "make": ("make", "manufacturer", "brand", "make brand", "vendor", "maker", "mfr"),
    "model": ("model", "model no", "model number", "part number", "product", "type model"),
    "serial": ("serial", "serial no", "serial number", "s n", "sn"),
    "mac": ("mac", "mac address", "hardware address"),
    "ip": ("ip", "ip address", "address ip", "host"),
    "install_date": (
        "install date",
        "installed",
        "installation date",
        "date installed",
        "commissioned",
    ),
    "device_type": ("device type", "type", "equipment type", "asset type", "category"),
    "firmware": ("firmware", "firmware version", "software version"),
    "sensitive": ("sensitive", "sensitive site", "security classification"),
}
FIELDS = tuple(FIELD_SYNONYMS)


def normalise_header(header: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", header.lower()).split())


def map_columns(
    headers: Sequence[str], overrides: Mapping[str, str] | None = None, *, source: str
) -> dict[str, str]:
    """Return ``{field: header}`` for the fields this register has.

    ``overrides`` maps our field names to the register's header text; unknown
    fields or headers raise :class:`InputError` naming the file.
    """
    overrides = dict(overrides or {})
    by_norm = {normalise_header(h): h for h in headers if h}
    mapping: dict[str, str] = {}
    for field, header in overrides.items():
        if field not in FIELD_SYNONYMS:
            raise InputError(
                f"--map {field}=...: unknown field; use one of {', '.join(FIELDS)}", source=source
            )
        real = by_norm.get(normalise_header(header))
        if real is None:
            raise InputError(
                f"--map {field}={header!r}: no such column; the columns are {', '.join(repr(h) for h in headers if h)}",
                source=source,
            )
        mapping[field] = real
    taken = set(mapping.values())
    for field, synonyms in FIELD_SYNONYMS.items():
        if field in mapping:
            continue
        for synonym in synonyms:
            found = by_norm.get(synonym)
            if found and found not in taken:
                mapping[field] = found
                taken.add(found)
                break
    if "make" not in mapping and "model" not in mapping:
        raise InputError(
            "no make or model column found; name it with --map make=COLUMN or --map model=COLUMN "
            f"(columns: {', '.join(repr(h) for h in headers if h)})",
            source=source,
        )
    return mapping
