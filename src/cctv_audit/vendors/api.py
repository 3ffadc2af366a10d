"""Module-level shortcuts over the bundled knowledge base (the shared contract)."""

from __future__ import annotations

from cctv_audit.vendors.kb import KnowledgeBase
from cctv_audit.vendors.loader import load_kb
from cctv_audit.vendors.matching import Mention, matcher_for
from cctv_audit.vendors.risk import Assessment, assess_in
from cctv_audit.vendors.schema import OuiBlock


def _kb(kb: KnowledgeBase | None) -> KnowledgeBase:
    return kb if kb is not None else load_kb()


def match_text(text: str, *, kb: KnowledgeBase | None = None) -> list[Mention]:
    """Manufacturer mentions in ``text`` (names, aliases, brands, model numbers, MACs) with spans."""
    return matcher_for(_kb(kb)).match_text(text)


def match_model(value: str, *, kb: KnowledgeBase | None = None) -> Mention | None:
    """The maker of a model number (``DS-7608NI-K2`` -> Hikvision), or None."""
    return matcher_for(_kb(kb)).match_model(value)


def match_mac(value: str, *, kb: KnowledgeBase | None = None) -> Mention | None:
    """The maker of a MAC address or OUI prefix, or None (unknown or non-video block)."""
    return matcher_for(_kb(kb)).match_mac(value)


def lookup_oui(value: str, *, kb: KnowledgeBase | None = None) -> OuiBlock | None:
    """The IEEE block (longest first, any relevance) a MAC address or prefix belongs to, or None."""
    return matcher_for(_kb(kb)).lookup_oui(value)


def match_any(value: str, *, kb: KnowledgeBase | None = None) -> list[Mention]:
    """What ``vendors match`` does: a MAC, else a model number, else mentions in text."""
    matcher = matcher_for(_kb(kb))
    for single in (matcher.match_mac(value), matcher.match_model(value)):
        if single is not None and single.end - single.start >= len(value.strip()):
            return [single]
    return matcher.match_text(value)


def resolve_maker(maker_id: str, *, kb: KnowledgeBase | None = None) -> str:
    """Id of the real maker (a rebadged brand resolves to who makes it)."""
    return _kb(kb).resolve_maker(maker_id)


def is_state_linked(maker_id: str, *, kb: KnowledgeBase | None = None) -> bool:
    """True when the maker, its parent or its real maker has a sourced link to the Chinese state."""
    return _kb(kb).is_state_linked(maker_id)


def is_device_maker(maker_id: str, *, kb: KnowledgeBase | None = None) -> bool:
    """True for camera/recorder makers and brands; False for VMS vendors, installers, chip makers."""
    return _kb(kb).is_device_maker(maker_id)


def display_name(maker_id: str, *, kb: KnowledgeBase | None = None) -> str:
    """Short name journalists use (``hikvision`` -> ``Hikvision``)."""
    return _kb(kb).display_name(maker_id)


def assess(maker_id: str, *, kb: KnowledgeBase | None = None) -> Assessment:
    """Risk flags, most severe first, each with a plain-English reason and sources."""
    return assess_in(_kb(kb), maker_id)
