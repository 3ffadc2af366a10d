"""Turn a register's make, model and MAC into knowledge-base ids: the brand shown and the real maker."""

from __future__ import annotations

from dataclasses import dataclass, field

from cctv_audit import vendors


@dataclass
class Identification:
    brand_id: str | None = None
    maker_id: str | None = None
    #: ``make``, ``model``, ``mac`` or ``unknown``: the signal that decided the maker.
    identified_by: str = "unknown"
    conflicts: list[str] = field(default_factory=list)


def _from_make(make: str) -> vendors.Mention | None:
    """A Make cell names a maker: look the whole cell up by name first.

    Free-text matching takes some names ("Axis", "Swann", "Honeywell") only in context, because
    they are also ordinary words; in a column headed Make they are the maker's name.
    """
    make = make.strip()
    if not make:
        return None
    kb = vendors.load_kb()
    named = kb.find(make)
    if named is not None:
        return vendors.Mention(0, len(make), make, named.id, kb.resolve_maker(named.id), "name")
    mentions = vendors.match_text(make)
    if mentions:
        return mentions[0]
    return vendors.match_model(make)


def identify(make: str, model: str, mac: str | None) -> Identification:
    """Decide brand and maker from the register's own words, then check them against model and MAC.

    The register's explicit make wins (rebadged brands resolve to their real
    maker through the knowledge base); a model number or MAC that points
    elsewhere is kept as a conflict for a person to settle, never silently.
    """
    by_make = _from_make(make)
    by_model = vendors.match_model(model) if model else None
    by_mac = vendors.match_mac(mac) if mac else None
    result = Identification()
    for signal, mention in (("make", by_make), ("model", by_model), ("mac", by_mac)):
        if mention is None:
            continue
        if result.maker_id is None:
            result.brand_id = mention.manufacturer_id
            result.maker_id = mention.maker_id
            result.identified_by = signal
        elif mention.maker_id != result.maker_id:
            result.conflicts.append(
                f"{signal} {mention.text!r} points to {_name(mention.maker_id)}, "
                f"{result.identified_by} says {_name(result.maker_id)}"
            )
    if make and by_make is None:
        result.conflicts.append(f"make {make!r} is not in the knowledge base")
    return result


def _name(maker_id: str) -> str:
    found = vendors.load_kb().find(maker_id)
    return found.name if found else maker_id  # an id the knowledge base no longer has: show the id
