"""Import an existing nmap scan (``nmap -sV -oX scan.xml``): services, scripts and MACs become
observations, identified by the same fingerprint rules as a live scan. Nothing is sent."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from defusedxml import ElementTree as SafeET

from cctv_audit.audit.identify import identify
from cctv_audit.audit.records import HostResult, Observation, clip
from cctv_audit.audit.risks import assess_device
from cctv_audit.audit.scanner import ScanResult
from cctv_audit.audit.scope import Scope, ScopeGuard, scope_from_dict
from cctv_audit.errors import AuditError
from cctv_audit.store.base import utcnow

log = logging.getLogger(__name__)

#: nmap ssl-cert table keys -> the DN abbreviations fingerprint rules use (CN first, as Recog prints).
DN_KEYS = [
    ("commonName", "CN"),
    ("organizationalUnitName", "OU"),
    ("organizationName", "O"),
    ("localityName", "L"),
    ("stateOrProvinceName", "ST"),
    ("countryName", "C"),
]
SCRIPT_FIELDS = {
    "http-server-header": "http.server",
    "http-title": "http.title",
    "rtsp-methods": "rtsp.public",
}


def _service_observation(ip: str, port_el, when: dt.datetime) -> Observation:
    port = int(port_el.get("portid"))
    service = port_el.find("service")
    attrs = dict(service.attrib) if service is not None else {}
    product = " ".join(
        x for x in (attrs.get("product"), attrs.get("version"), attrs.get("extrainfo")) if x
    )
    fields = {
        "nmap.product": attrs.get("product", ""),
        "nmap.service": attrs.get("name", ""),
        "nmap.banner": product,
    }
    identity = {}
    if attrs.get("devicetype") in {"webcam", "security-misc"}:
        identity["kind"] = "camera"
    for script in port_el.findall("script"):
        _script_fields(script, fields)
    raw = f"{port}/{port_el.get('protocol')} {attrs.get('name', '')} {product}\n" + "\n".join(
        f"{s.get('id')}: {s.get('output', '')}" for s in port_el.findall("script")
    )
    return Observation(
        ip=ip,
        port=port,
        protocol="nmap",
        probe=f"nmap service scan ({attrs.get('method', 'probed')})",
        raw=clip(raw),
        fields={k: v for k, v in fields.items() if v},
        identity=identity,
        observed_at=when,
    )


def _script_fields(script, fields: dict[str, str]) -> None:
    name = script.get("id", "")
    output = (script.get("output") or "").strip()
    if name in SCRIPT_FIELDS:
        fields[SCRIPT_FIELDS[name]] = output
    elif name == "ssl-cert":
        for key in ("subject", "issuer"):
            table = script.find(f"table[@key='{key}']")
            if table is not None:
                values = {e.get("key"): e.text or "" for e in table.findall("elem")}
                fields[f"tls.{key}"] = ",".join(
                    f"{abbr}={values[k]}" for k, abbr in DN_KEYS if k in values
                )
    elif name.startswith("http-auth") or name == "rtsp-url-auth":
        fields["http.www_authenticate"] = output


def _host(host_el, when: dt.datetime) -> HostResult | None:
    addresses = {a.get("addrtype"): a for a in host_el.findall("address")}
    address = addresses.get("ipv4") if "ipv4" in addresses else addresses.get("ipv6")
    if address is None:
        return None
    ip = address.get("addr")
    result = HostResult(ip=ip)
    for port_el in host_el.findall("ports/port"):
        state = port_el.find("state")
        if state is None or state.get("state") != "open":
            continue
        result.open_ports.append(int(port_el.get("portid")))
        result.observations.append(_service_observation(ip, port_el, when))
    if "mac" in addresses:
        mac = addresses["mac"]
        result.observations.append(
            Observation(
                ip=ip,
                protocol="neigh",
                probe="nmap ARP",
                raw=f"{mac.get('addr')} {mac.get('vendor', '')}",
                identity={"mac": mac.get("addr", "")},
                observed_at=when,
            )
        )
    return result


def import_nmap_xml(
    path: str | Path,
    *,
    scope: Scope | None = None,
    organisation: str | None = None,
    authorised_by: str | None = None,
    body: str | None = None,
) -> ScanResult:
    """Read an nmap XML file into a :class:`ScanResult`; hosts outside ``scope`` (when given) are skipped."""
    path = Path(path)
    try:
        root = SafeET.parse(path).getroot()
    except (OSError, SafeET.ParseError) as exc:
        raise AuditError(
            f"{path}: not a readable nmap XML file ({exc}); produce one with `nmap -oX FILE`"
        ) from exc
    if root.tag != "nmaprun":
        raise AuditError(
            f"{path}: root element is <{root.tag}>, not <nmaprun>: produce the file with `nmap -oX`"
        )
    when = (
        dt.datetime.fromtimestamp(int(root.get("start", "0")), dt.UTC).replace(tzinfo=None)
        if root.get("start")
        else utcnow()
    )
    hosts = [h for h in (_host(el, when) for el in root.findall("host")) if h and h.open_ports]
    if scope is None:
        scope = scope_from_dict(
            {
                "organisation": organisation or "unknown organisation",
                "body": body,
                "authorised_by": {"name": authorised_by or "recorded by nmap import"},
                "networks": sorted({h.ip for h in hosts}) or ["127.0.0.1"],
                "allow_large": True,
            },
            source=str(path),
        )
    guard = ScopeGuard(scope)
    kept = [h for h in hosts if guard.allows(h.ip)]
    for host in kept:
        host.identity = identify(host.observations)
        host.risks = assess_device(host) if host.identity.is_device else []
    finished = root.find("runstats/finished")
    end = (
        dt.datetime.fromtimestamp(int(finished.get("time")), dt.UTC).replace(tzinfo=None)
        if finished is not None and finished.get("time")
        else when
    )
    return ScanResult(
        scope=scope,
        started_at=when,
        finished_at=end,
        hosts=kept,
        probed=len(root.findall("host")),
        source=f"nmap:{path.name}",
        refused=[h.ip for h in hosts if not guard.allows(h.ip)],
    )
