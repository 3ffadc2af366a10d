"""Risks per device: flagged maker, firmware in known-vulnerable ranges, cloud relay, default
certificate, plain HTTP/Telnet. Severities use the knowledge base's scale (1 info .. 5 critical).
Vulnerabilities are judged by comparing version strings with the
published affected ranges in ``rules/cves.yaml``; nothing is ever sent to test them."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from dataclasses import dataclass
from typing import Any

import yaml

from cctv_audit.audit.fingerprints import RULES_DIR
from cctv_audit.audit.records import HostResult, Identity, Risk
from cctv_audit.errors import NotFound
from cctv_audit.vendors import assess

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FirmwareVersion:
    """Comparable parts of a firmware string: numeric version and build date."""

    version: tuple[int, ...] | None
    build: dt.date | None


def parse_firmware(text: str | None) -> FirmwareVersion:
    """Read ``V5.4.0 build 160530`` (Hikvision), ``2.800.0000016.0.R,build:2020-06-05`` (Dahua), ``9.80.1``."""
    if not text:
        return FirmwareVersion(None, None)
    version = re.search(r"V?(\d+(?:\.\d+){1,4})", text)
    numbers = tuple(int(p) for p in version.group(1).split(".")) if version else None
    build = None
    iso = re.search(r"build:?\s*(\d{4})-(\d{2})-(\d{2})", text)
    short = re.search(r"build\s*(\d{2})(\d{2})(\d{2})\b", text)
    try:
        if iso:
            build = dt.date(*map(int, iso.groups()))
        elif short:
            yy, mm, dd = map(int, short.groups())
            build = dt.date(2000 + yy, mm, dd)
    except ValueError:
        build = None
    return FirmwareVersion(numbers, build)


def _yymmdd(value: Any) -> dt.date | None:
    if value is None:
        return None
    text = str(value)
    return dt.date(2000 + int(text[:2]), int(text[2:4]), int(text[4:6]))


def _version(value: Any) -> tuple[int, ...] | None:
    return tuple(int(p) for p in str(value).split(".")) if value is not None else None


def _cmp_len(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    n = max(len(a), len(b))
    return a + (0,) * (n - len(a)), b + (0,) * (n - len(b))


def in_range(fw: FirmwareVersion, spec: dict[str, Any]) -> bool:
    """True when every bound the range states can be checked and holds (unknown => not flagged)."""
    checks = []
    if "version_min" in spec or "version_max" in spec:
        if fw.version is None:
            return False
        lo, hi = _version(spec.get("version_min")), _version(spec.get("version_max"))
        checks.append(lo is None or _cmp_len(fw.version, lo)[0] >= _cmp_len(fw.version, lo)[1])
        checks.append(hi is None or _cmp_len(fw.version, hi)[0] <= _cmp_len(fw.version, hi)[1])
    date_lo = _yymmdd(spec.get("build_min")) or spec.get("date_min")
    date_hi = _yymmdd(spec.get("build_max")) or spec.get("date_max")
    if date_lo or date_hi:
        if fw.build is None:
            return False
        checks.append(date_lo is None or fw.build >= date_lo)
        checks.append(date_hi is None or fw.build <= date_hi)
    return bool(checks) and all(checks)


@functools.cache
def load_cves() -> tuple[dict[str, Any], ...]:
    data = yaml.safe_load((RULES_DIR / "cves.yaml").read_text(encoding="utf-8"))
    for cve in data["cves"]:
        for spec in cve["ranges"]:
            spec["_models"] = re.compile(spec.get("models", ".*"))
    return tuple(data["cves"])


def cve_risks(identity: Identity) -> list[Risk]:
    """Known CVEs whose published affected range holds this maker, model and firmware."""
    if not identity.firmware or not identity.manufacturer_id:
        return []
    fw = parse_firmware(identity.firmware)
    found = []
    for cve in load_cves():
        if cve["maker"] != identity.manufacturer_id or (
            cve.get("kinds") and identity.kind not in cve["kinds"]
        ):
            continue
        model = identity.model or ""
        if any(spec["_models"].search(model) and in_range(fw, spec) for spec in cve["ranges"]):
            reason = f"{identity.model} firmware {identity.firmware} is inside the published affected range"
            if cve.get("note"):
                reason += f". {cve['note']}"
            found.append(
                Risk(
                    cve["id"],
                    cve["severity"],
                    cve["title"],
                    reason,
                    [{k: str(v) for k, v in s.items()} for s in cve["sources"]],
                )
            )
    return found


def maker_risks(identity: Identity) -> list[Risk]:
    """The knowledge base's flags on the real maker (state links, government measures), with sources."""
    if not identity.manufacturer_id:
        return []
    try:
        assessment = assess(identity.manufacturer_id)
    except (
        NotFound
    ):  # a maker the knowledge base does not know has no flags (a broken KB file raises)
        return []
    return [
        Risk(
            f"maker:{flag.code}",
            int(flag.severity),
            flag.title,
            flag.reason,
            [
                {
                    "url": s.url,
                    "title": s.title,
                    "date": str(s.date or ""),
                    "publisher": s.publisher or "",
                }
                for s in flag.sources
            ],
        )
        for flag in assessment.flags
    ]


def exposure_risks(host: HostResult, identity: Identity) -> list[Risk]:
    """Cloud relay enabled, default certificate, plain HTTP, Telnet."""
    risks = []
    protocols = {o.protocol for o in host.observations}
    cloud = _cloud_relay(host)
    if cloud is not None:
        risks.append(cloud)
    if "default_tls_certificate" in identity.flags:
        risks.append(
            Risk(
                "default_tls_certificate",
                2,
                "Factory-default TLS certificate",
                "HTTPS presents the maker's default certificate: the same on every unit, so it proves nothing.",
            )
        )
    if "http" in protocols and identity.is_device:
        ports = sorted({o.port for o in host.observations if o.protocol == "http" and o.port})
        risks.append(
            Risk(
                "plain_http",
                2,
                "Web interface over plain HTTP",
                f"Logins and video on port(s) {', '.join(map(str, ports))} travel unencrypted.",
            )
        )
    if "telnet" in protocols:
        risks.append(
            Risk(
                "telnet", 3, "Telnet exposed", "A Telnet service answers: clear-text remote shell."
            )
        )
    return risks


#: Where each cloud indicator is documented (shared research, fingerprints.md section 5).
CLOUD_SOURCES = {
    "Hik-Connect": {
        "url": "https://github.com/julienblitte/UniversalScanner",
        "title": "SADP reply fields",
    },
    "Hik-Connect/EZVIZ": {
        "title": "ISAPI /ISAPI/System/Network/EZVIZ `enabled` (research notes: fingerprints.md "
        "section 5, code-index ids 3934995650, 61520031485)"
    },
    "Dahua P2P (T2U)": {
        "title": "configManager getConfig T2UServer.Enable (research notes: fingerprints.md "
        "section 5, code-index ids 21129773931, 42730046416)"
    },
}


def _cloud_relay(host: HostResult) -> Risk | None:
    """The maker's cloud relay, when any reply says it is on.

    An authenticated read of the setting outranks the unauthenticated SADP flag (the owner may
    have switched the relay off since SADP was last refreshed), so it is read first.
    """
    rank = {"ezviz": 0, "t2u": 0}
    for obs in sorted(host.observations, key=lambda o: rank.get(o.protocol, 1)):
        state = obs.identity.get("cloud_enabled", "").lower()
        if state not in {"true", "false"}:
            continue
        if state == "false":
            return None
        service = obs.identity.get("cloud_service", "maker cloud")
        return Risk(
            "cloud_p2p",
            3,
            f"Cloud P2P relay enabled ({service})",
            f"{obs.identity.get('cloud_source', obs.probe)} = true: video and control can be relayed "
            "through the maker's cloud, past the council's firewall.",
            [CLOUD_SOURCES[service]] if service in CLOUD_SOURCES else [],
        )
    return None


def assess_device(host: HostResult) -> list[Risk]:
    """Every risk of one identified host, most severe first."""
    identity = host.identity
    risks = maker_risks(identity) + cve_risks(identity) + exposure_risks(host, identity)
    return sorted(risks, key=lambda r: -r.severity)
