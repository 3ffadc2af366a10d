"""Network audit of a public body's own cameras: scope, discovery, identification (rebadges
included), risks, inventory, claims. See docs/audit.md.

    from cctv_audit.audit import load_scope, scan, save_scan
    result = scan(load_scope("scope.yaml"))
    for host in result.devices:
        print(host.ip, host.identity.manufacturer, host.identity.brand, host.identity.model)
"""

from cctv_audit.audit.credentials import load_credentials
from cctv_audit.audit.fingerprints import Hit, Rule, load_rules, lookup_mac, match_fields
from cctv_audit.audit.identify import identify
from cctv_audit.audit.inventory import (
    device_to_dict,
    export_devices,
    get_run,
    list_devices,
    record_claims,
    save_scan,
)
from cctv_audit.audit.nmap_import import import_nmap_xml
from cctv_audit.audit.probes import Credentials
from cctv_audit.audit.records import HostResult, Identity, Observation, Risk
from cctv_audit.audit.risks import assess_device, parse_firmware
from cctv_audit.audit.scanner import Scanner, ScanProgress, ScanResult, scan
from cctv_audit.audit.scope import Scope, ScopeGuard, load_scope, scope_from_dict

__all__ = [
    "Credentials",
    "Hit",
    "HostResult",
    "Identity",
    "Observation",
    "Risk",
    "Rule",
    "ScanProgress",
    "ScanResult",
    "Scanner",
    "Scope",
    "ScopeGuard",
    "assess_device",
    "device_to_dict",
    "export_devices",
    "get_run",
    "identify",
    "import_nmap_xml",
    "list_devices",
    "load_credentials",
    "load_rules",
    "load_scope",
    "lookup_mac",
    "match_fields",
    "parse_firmware",
    "record_claims",
    "save_scan",
    "scan",
    "scope_from_dict",
]
