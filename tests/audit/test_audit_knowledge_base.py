"""The audit keeps no maker knowledge of its own: names, brands and MAC blocks come from the
vendors knowledge base, and the audit's answers agree with it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from cctv_audit.audit import identify, load_rules, lookup_mac
from cctv_audit.audit.records import Observation
from cctv_audit.vendors import load_kb, resolve_maker

AUDIT = Path(__file__).resolve().parents[2] / "src" / "cctv_audit" / "audit"
#: Top-level keys of a maker table (display names, aliases, rebadge flags, MAC prefixes).
TABLE_KEYS = {"names", "makers", "brands", "prefixes", "aliases", "oui"}
OUI_LIST = re.compile(r"(?:\b[0-9A-F]{6}\b[\s,\"']*){5,}")


def _vendors_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "cctv_audit.vendors"
        for alias in node.names
    }


def test_no_maker_tables_under_the_audit_package() -> None:
    assert (
        not (AUDIT / "rules" / "names.yaml").exists()
        and not (AUDIT / "rules" / "oui.yaml").exists()
    )
    for path in AUDIT.rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert not (TABLE_KEYS & set(data)), (
            f"{path.name} holds a maker table: move it to vendors/data"
        )
    for path in [*AUDIT.rglob("*.yaml"), *AUDIT.rglob("*.py")]:
        assert not OUI_LIST.search(path.read_text(encoding="utf-8")), (
            f"{path.name} lists MAC prefixes"
        )


def test_identify_and_fingerprints_ask_the_vendors_api() -> None:
    assert {"load_kb", "lookup_oui"} <= _vendors_imports(AUDIT / "fingerprints.py")
    assert "load_kb" in _vendors_imports(AUDIT / "identify.py")
    for name in ("fingerprints.py", "identify.py"):
        assert "yaml" not in _vendors_imports(AUDIT / name)
        assert "names.yaml" not in (AUDIT / name).read_text(encoding="utf-8")


def test_no_rule_lists_maker_spellings() -> None:
    kb = load_kb()
    for rule in load_rules():
        words = set(re.split(r"[^A-Za-z]+", rule.regex.pattern))
        known = {
            m.id
            for w in words
            if len(w) > 2 and (m := kb.find(w)) is not None and m.is_device_maker
        }
        assert len(known) < 3, (
            f"rule {rule.id} lists maker names {sorted(known)}; use names_from: knowledge_base"
        )


def test_every_maker_and_brand_id_in_the_rules_is_a_knowledge_base_id() -> None:
    kb = load_kb()
    ids = {r.maker for r in load_rules() if r.maker} | {r.brand for r in load_rules() if r.brand}
    cves = yaml.safe_load((AUDIT / "rules" / "cves.yaml").read_text(encoding="utf-8"))
    ids |= {entry["maker"] for entry in cves["cves"]}
    assert {i for i in ids if i not in kb.manufacturers} == set()


def _host(*, mac: str | None = None, **fields: str) -> object:
    observations = [
        Observation(ip="127.0.0.1", protocol="wsd", probe="test", raw="", fields=dict(fields))
    ]
    if mac:
        observations.append(
            Observation(
                ip="127.0.0.1", protocol="neigh", probe="test", raw="", identity={"mac": mac}
            )
        )
    return identify(observations)


def test_a_block_only_the_knowledge_base_holds_is_found() -> None:
    # 04:03:12: the old audit table's YAML read it as the octal number 016586 and never matched
    match = lookup_mac("04:03:12:AA:BB:CC")
    assert (match.maker, match.prefix) == (
        "hikvision",
        "040312",
    ) and "Hikvision" in match.registrant


@pytest.mark.parametrize(
    "mac, maker, owner",
    [
        ("58:8F:CF:01:02:03", "Ezviz", "Hikvision"),  # block registered to Hangzhou Ezviz Software
        ("90:6A:94:01:02:03", "Imou", "Dahua"),  # block registered to Hangzhou Huacheng Network
    ],
)
def test_ezviz_and_imou_are_the_companies_the_knowledge_base_records(mac, maker, owner) -> None:
    found = _host(mac=mac)
    assert (found.manufacturer, found.rebadged, found.extra.get("owned_by")) == (
        maker,
        False,
        owner,
    )


def test_ezviz_shown_on_a_hikvision_platform_is_the_group_brand_not_a_rebadge() -> None:
    found = _host(**{"http.server": "Hikvision-Webs", "wsd.name": "EZVIZ"})
    assert (found.manufacturer_id, found.brand, found.rebadged) == ("hikvision", "Ezviz", False)


@pytest.mark.parametrize(
    "shown, platform, maker",
    [
        ("LaView", {"http.server": "Hikvision-Webs"}, "hikvision"),
        ("ArcDyn", {"http.server": "DNVRS-Webs"}, "hikvision"),
        ("IC Realtime", {"rpc2.realm": "Login to 4K0123PAZ00000"}, "dahua"),
        ("Intelbras", {"rpc2.realm": "Login to 4K0123PAZ00000"}, "dahua"),
        ("Q-See", {"http.server": "Hikvision-Webs"}, "hikvision"),
    ],
)
def test_brands_once_in_the_audit_table_are_named_from_the_knowledge_base(
    shown, platform, maker
) -> None:
    found = _host(**platform, **{"wsd.name": shown})
    assert (found.manufacturer_id, found.brand, found.rebadged) == (maker, shown, True)


@pytest.mark.parametrize(
    "brand", ["laview", "alibi", "q_see", "ic_realtime", "interlogix", "intelbras", "arcdyn"]
)
def test_dealer_blog_rebadges_never_resolve_the_brand_for_claims(brand) -> None:
    entry = load_kb().get(brand)
    assert entry.kind == "brand" and resolve_maker(brand) == brand
    assert entry.rebadges and all(r.grade == "tertiary" and not r.confirmed for r in entry.rebadges)


def test_a_name_the_knowledge_base_does_not_know_is_no_brand() -> None:
    found = _host(**{"wsd.name": "Acme Vision 3000"})
    assert found.brand_id is None and found.manufacturer_id is None
