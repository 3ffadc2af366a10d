"""The sourced knowledge base of CCTV manufacturers: names, brands, rebadges, ownership,
model numbers, MAC blocks, government measures; matching and risk assessment.

    >>> from cctv_audit.vendors import load_kb, match_text, assess
    >>> load_kb().get("HIKVISION").name
    'Hikvision'
"""

from cctv_audit.vendors.api import (
    assess,
    display_name,
    is_device_maker,
    is_state_linked,
    lookup_oui,
    match_any,
    match_mac,
    match_model,
    match_text,
    resolve_maker,
)
from cctv_audit.vendors.kb import KnowledgeBase
from cctv_audit.vendors.loader import load_kb, load_kb_from
from cctv_audit.vendors.matching import Mention
from cctv_audit.vendors.risk import Assessment, RiskFlag
from cctv_audit.vendors.schema import (
    DEVICE_MAKER_KINDS,
    Manufacturer,
    Measure,
    ModelPattern,
    OuiBlock,
    Ownership,
    Rebadge,
    Severity,
    Source,
)

__all__ = [
    "DEVICE_MAKER_KINDS",
    "Assessment",
    "KnowledgeBase",
    "Manufacturer",
    "Measure",
    "Mention",
    "ModelPattern",
    "OuiBlock",
    "Ownership",
    "Rebadge",
    "RiskFlag",
    "Severity",
    "Source",
    "assess",
    "display_name",
    "is_device_maker",
    "is_state_linked",
    "load_kb",
    "load_kb_from",
    "lookup_oui",
    "match_any",
    "match_mac",
    "match_model",
    "match_text",
    "resolve_maker",
]
