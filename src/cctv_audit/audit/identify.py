"""Identification: from the observations of one host to an :class:`Identity`.

The platform maker is decided by signals that survive rebadging (web server, realms, API
namespaces, discovery protocols, MAC blocks); the brand is what the device shows (ONVIF name,
page title, serial prefix). When the two differ the device is *rebadged*, and the signals that
decided the maker are kept with it.
"""

from __future__ import annotations

import functools
import logging
import re
from collections import defaultdict
from collections.abc import Iterable

from cctv_audit.audit.fingerprints import (
    Hit,
    is_brand_label,
    lookup_mac,
    match_fields,
    normalise_mac,
)
from cctv_audit.audit.records import Identity, Observation
from cctv_audit.vendors import load_kb

log = logging.getLogger(__name__)

#: Where identity fields are most trustworthy, best first (credentialed replies beat banners).
IDENTITY_PRIORITY = (
    "isapi",
    "magicbox",
    "onvif",
    "vapix",
    "lapi",
    "sadp",
    "dhip",
    "wsd",
    "upnp",
    "rpc2",
    "nmap",
)
MAC_STRENGTH = 0.7


def canonical(ref: str | None) -> tuple[str | None, str | None]:
    """(id, display name) of a maker or brand spelling, per the knowledge base.

    A name the knowledge base does not know is kept as the device shows it (id slugged), so a
    new brand is reported rather than dropped; add it to ``vendors/data`` to name it properly.
    """
    if not ref:
        return None, None
    found = load_kb().find(ref)  # a broken knowledge-base file raises KnowledgeBaseError
    if found is not None:
        return found.id, found.name
    return re.sub(r"\W+", "-", ref.lower()).strip("-"), ref.strip()


@functools.cache
def _owner(maker_id: str | None) -> str | None:
    """Display name of the group that owns a maker, per the knowledge base's ownership chain
    (Ezviz -> Hikvision, Imou -> Dahua, Avigilon -> Motorola Solutions), or None."""
    found = load_kb().find(maker_id) if maker_id else None
    chain = load_kb().ancestors(found.id) if found is not None else []
    return load_kb().display_name(chain[-1]) if chain else None


def _own_brand(brand_id: str, maker_id: str) -> bool:
    """True when a brand is the maker's own name (HIKVISION on a Hikvision)."""
    return brand_id == maker_id


def _mac_hits(observations: Iterable[Observation]) -> tuple[str | None, list[Hit]]:
    """The host's MAC (neighbour table first, then any MAC a reply disclosed) and its OUI hit."""
    candidates: list[tuple[str, str]] = []
    for obs in sorted(observations, key=lambda o: o.protocol != "neigh"):
        mac = normalise_mac(obs.identity.get("mac", ""))
        if mac:
            candidates.append((mac, f"{obs.protocol}.mac"))
    for mac, source_field in candidates:
        match = lookup_mac(mac)
        if match:
            hit = Hit(
                rule=f"oui.{match.prefix}",
                field=source_field,
                value=mac,
                strength=MAC_STRENGTH,
                source=f"IEEE OUI {match.prefix} registered to {match.registrant} ({match.source})",
                maker=match.maker,
                brand=match.brand,
            )
            return mac, [hit]
    return (candidates[0][0] if candidates else None), []


def _vote(hits: list[Hit]) -> tuple[str | None, float, float]:
    """Winning maker, its score, and the runner-up's score (noisy-OR per maker over distinct rules)."""
    per_maker: dict[str, dict[str, float]] = defaultdict(dict)
    for hit in hits:
        if hit.maker:
            per_maker[hit.maker][hit.rule] = max(
                hit.strength, per_maker[hit.maker].get(hit.rule, 0)
            )
    scores = {}
    for maker, rules in per_maker.items():
        miss = 1.0
        for strength in rules.values():
            miss *= 1 - strength
        scores[maker] = 1 - miss
    if not scores:
        return None, 0.0, 0.0
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    runner = ranked[1][1] if len(ranked) > 1 else 0.0
    return ranked[0][0], ranked[0][1], runner


def _pick_brand(hits: list[Hit], maker_id: str | None) -> tuple[str | None, str | None, Hit | None]:
    """The shown brand: a non-maker brand wins over the maker's own name, stronger first."""
    best: tuple[str | None, str | None, Hit] | None = None
    for hit in sorted(hits, key=lambda h: -h.strength):
        if not hit.brand:
            continue
        brand_id, name = canonical(hit.brand)
        if best is None or (
            maker_id
            and _own_brand(best[0] or "", maker_id)
            and not _own_brand(brand_id or "", maker_id)
        ):
            best = (brand_id, name, hit)
    return best if best else (None, None, None)


def _identity_fields(
    observations: list[Observation], hits: list[Hit], maker: str | None
) -> dict[str, str]:
    """Model, firmware, serial...: parsed fields by protocol priority, then rule captures of the maker."""
    found: dict[str, str] = {}
    rank = {p: i for i, p in enumerate(IDENTITY_PRIORITY)}
    for obs in sorted(observations, key=lambda o: rank.get(o.protocol, len(rank))):
        for key, value in obs.identity.items():
            if value and key not in found:
                found[key] = value
    for hit in sorted(hits, key=lambda h: -h.strength):
        if hit.maker in (None, maker):
            for key, value in hit.captures.items():
                found.setdefault(key, value)
    return found


def _kind(hits: list[Hit], maker_score: float, fields: dict[str, str]) -> str:
    kinds = {h.kind for h in hits if h.kind}
    if "recorder" in kinds or fields.get("kind") == "recorder":
        return "recorder"
    if kinds or maker_score >= 0.5 or fields.get("kind") == "camera":
        return "camera"
    return "unknown"


def identify(observations: list[Observation]) -> Identity:
    """Decide maker, brand, rebadging, kind, model, firmware and confidence for one host."""
    hits = [h for obs in observations for h in match_fields(obs.fields)]
    mac, mac_hits = _mac_hits(observations)
    hits += mac_hits
    maker, score, runner = _vote(hits)
    brand_id, brand_name, brand_hit = _pick_brand(hits, maker)
    if maker is None and brand_id and brand_hit is not None and not is_brand_label(brand_id):
        # A maker's own name with no platform signal (e.g. an ONVIF name scope "AXIS").
        maker, score = brand_id, brand_hit.strength * 0.8
    fields = _identity_fields(observations, hits, maker)
    maker_id, maker_name = canonical(maker)
    if maker_id and not brand_id:
        brand_id, brand_name = maker_id, maker_name
    decided = [h.as_dict() for h in hits if (h.maker and h.maker == maker) or h is brand_hit]
    kind = _kind(hits, score, fields)
    model, firmware, serial = (
        fields.pop("model", None),
        fields.pop("firmware", None),
        fields.pop("serial", None),
    )
    mac = mac or normalise_mac(fields.pop("mac", "") or "")
    extra = {k: v for k, v in fields.items() if k != "kind"}
    owner = _owner(maker_id)
    if owner:
        extra["owned_by"] = owner  # Ezviz and Imou are Hikvision's and Dahua's companies: say so
    return Identity(
        manufacturer_id=maker_id,
        manufacturer=maker_name,
        brand_id=brand_id,
        brand=brand_name,
        rebadged=bool(maker_id and brand_id and brand_id != maker_id and is_brand_label(brand_id)),
        kind=kind,
        model=model,
        firmware=firmware,
        serial=serial,
        mac=mac,
        confidence=round(max(0.0, score - 0.5 * runner), 3),
        decided_by=decided,
        flags=sorted({h.flag for h in hits if h.flag}),
        extra=extra,
    )
