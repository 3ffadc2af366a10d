"""Which FOI law applies to a body, from its nation."""

from __future__ import annotations

NATIONS = ("England", "Scotland", "Wales", "Northern Ireland")
UK_WIDE = "United Kingdom"

FOIA = "FOIA"
FOISA = "FOISA"


def regime_for_nation(nation: str) -> str:
    """FOISA 2002 for Scottish public authorities; FOIA 2000 for the rest of the UK and UK-wide bodies."""
    return FOISA if nation == "Scotland" else FOIA


def normalise_nation(value: str) -> str | None:
    """Map common spellings ("scotland", "NI", "UK") to the canonical nation name, or None."""
    key = value.strip().lower().replace(".", "")
    aliases = {
        "england": "England",
        "scotland": "Scotland",
        "wales": "Wales",
        "cymru": "Wales",
        "northern ireland": "Northern Ireland",
        "ni": "Northern Ireland",
        "uk": UK_WIDE,
        "united kingdom": UK_WIDE,
        "uk-wide": UK_WIDE,
        "gb": UK_WIDE,
    }
    return aliases.get(key)
