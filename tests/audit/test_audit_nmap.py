"""nmap XML import: services, scripts and MACs become observations identified by the same rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from cctv_audit.audit import import_nmap_xml, list_devices, save_scan, scope_from_dict
from cctv_audit.errors import AuditError

# The structure nmap 7.93 writes with `nmap -sV --script ssl-cert,http-title -oX` (values are test values).
NMAP_XML = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE nmaprun>
<nmaprun scanner="nmap" args="nmap -sV -oX scan.xml 127.61.0.0/29" start="1767225600" version="7.93" xmloutputversion="1.05">
<host starttime="1767225600" endtime="1767225610"><status state="up" reason="arp-response"/>
<address addr="127.61.0.2" addrtype="ipv4"/><address addr="BC:AD:28:01:02:03" addrtype="mac" vendor="Hangzhou Hikvision Digital Technology"/>
<ports>
<port protocol="tcp" portid="80"><state state="open" reason="syn-ack"/><service name="http" product="Hikvision IP camera httpd" devicetype="webcam" method="probed" conf="10"/>
<script id="http-title" output="index"/></port>
<port protocol="tcp" portid="443"><state state="open" reason="syn-ack"/><service name="http" product="Hikvision IP camera httpd" tunnel="ssl" method="probed" conf="10"/>
<script id="ssl-cert" output="Subject: commonName=www.hikvision.com/organizationName=HIKVISION"><table key="subject"><elem key="commonName">www.hikvision.com</elem><elem key="countryName">CN</elem><elem key="localityName">HangZhou</elem><elem key="organizationName">HIKVISION</elem><elem key="organizationalUnitName">DVRNVR</elem><elem key="stateOrProvinceName">ZheJiang</elem></table></script></port>
<port protocol="tcp" portid="22"><state state="closed" reason="reset"/><service name="ssh" method="table" conf="3"/></port>
</ports></host>
<host starttime="1767225600" endtime="1767225610"><status state="up" reason="arp-response"/>
<address addr="127.61.0.3" addrtype="ipv4"/><address addr="3C:EF:8C:61:01:C0" addrtype="mac" vendor="Zhejiang Dahua Technology"/>
<ports><port protocol="tcp" portid="554"><state state="open" reason="syn-ack"/><service name="rtsp" product="Lorex IP camera rtspd" method="probed" conf="10"/></port></ports></host>
<host starttime="1767225600" endtime="1767225610"><status state="up" reason="arp-response"/>
<address addr="127.61.0.4" addrtype="ipv4"/>
<ports><port protocol="tcp" portid="80"><state state="open" reason="syn-ack"/><service name="http" product="nginx" version="1.22.1" method="probed" conf="10"/>
<script id="http-server-header" output="nginx/1.22.1"/></port></ports></host>
<host><status state="up"/><address addr="127.61.0.200" addrtype="ipv4"/>
<ports><port protocol="tcp" portid="554"><state state="open"/><service name="rtsp" product="Dahua IP camera rtspd"/></port></ports></host>
<runstats><finished time="1767225700" elapsed="100"/><hosts up="4" down="0" total="4"/></runstats>
</nmaprun>
"""


@pytest.fixture
def nmap_file(tmp_path: Path) -> Path:
    path = tmp_path / "scan.xml"
    path.write_text(NMAP_XML)
    return path


def test_import_identifies_devices_and_rebadges(nmap_file: Path) -> None:
    scope = scope_from_dict(
        {
            "organisation": "Test Council",
            "authorised_by": "Jane Smith",
            "networks": ["127.61.0.0/29"],
        }
    )
    result = import_nmap_xml(nmap_file, scope=scope)
    hosts = {h.ip: h.identity for h in result.hosts}
    assert set(hosts) == {"127.61.0.2", "127.61.0.3", "127.61.0.4"}  # .200 is outside the scope
    assert result.refused == ["127.61.0.200"]
    hik = hosts["127.61.0.2"]
    assert (
        hik.manufacturer_id == "hikvision"
        and hik.kind == "recorder"
        and "default_tls_certificate" in hik.flags
    )
    lorex = hosts["127.61.0.3"]
    assert (lorex.manufacturer_id, lorex.brand_id, lorex.rebadged) == ("dahua", "lorex", True)
    assert not hosts["127.61.0.4"].is_device
    assert result.started_at.year == 2026 and result.source == "nmap:scan.xml"


def test_import_without_scope_is_stored(nmap_file: Path, store) -> None:
    result = import_nmap_xml(nmap_file, organisation="Test Council")
    with store.session() as session:
        run = save_scan(session, result)
        makers = sorted(d.manufacturer_id for d in list_devices(session, run.id))
    assert makers == ["dahua", "dahua", "hikvision"]


def test_import_rejects_other_files(tmp_path: Path) -> None:
    bad = tmp_path / "not-nmap.xml"
    bad.write_text("<html></html>")
    with pytest.raises(AuditError, match="not <nmaprun>"):
        import_nmap_xml(bad)
    with pytest.raises(AuditError, match="nmap -oX"):
        import_nmap_xml(tmp_path / "missing.xml")


def test_import_of_a_real_nmap_run_never_names_a_wrong_maker() -> None:
    """data/nmap-7.93-sV-emulated.xml is what `nmap -sV -Pn -n -T4` (Debian nmap 7.93) wrote
    against the emulator, one device per profile at 127.187.0.N in profile order (the benchmark's
    layout; recorded on random high ports, before the emulator answered nmap's probes as real servers
    do). nmap's labels identify fewer devices than cctv-audit, but none may be misnamed."""
    from cctv_audit.audit.emulator import load_profiles

    result = import_nmap_xml(
        Path(__file__).parent / "data" / "nmap-7.93-sV-emulated.xml", organisation="Test Council"
    )
    truth = {
        f"127.187.0.{n + 1}": profile["truth"] for n, profile in enumerate(load_profiles().values())
    }
    hosts = {h.ip: h.identity for h in result.hosts}
    assert set(hosts) == set(truth)
    for ip, identity in hosts.items():
        assert identity.manufacturer_id in {truth[ip]["maker"], None}, (
            ip,
            identity.manufacturer_id,
            truth[ip],
        )
        if truth[ip]["kind"] == "other":
            assert not identity.is_device, ip
    named = {truth[ip]["maker"] for ip, identity in hosts.items() if identity.manufacturer_id}
    assert named == {
        "hikvision"
    }  # nmap's probes name Hikvision's web server; the rest stay unnamed


def test_import_of_nmap_on_the_usual_ports_names_what_its_labels_show() -> None:
    """data/nmap-7.93-sV-emulated-usual-ports.xml: the issue's `nmap -sV -Pn -n -T4 -p
    80,554,8000,37777` against the emulator serving HTTP on 80 and RTSP on 554 (one device per
    profile at 127.187.1.10 + N, profile order), with servers that answer nmap's probes as real ones
    do. nmap's RTSP labels now name the Dahua platform too; nothing may be misnamed."""
    from cctv_audit.audit.emulator import load_profiles

    data = Path(__file__).parent / "data" / "nmap-7.93-sV-emulated-usual-ports.xml"
    result = import_nmap_xml(data, organisation="Test Council")
    truth = {
        f"127.187.1.{10 + n}": profile["truth"]
        for n, profile in enumerate(load_profiles().values())
    }
    hosts = {h.ip: h.identity for h in result.hosts}
    assert set(hosts) == set(truth)
    for ip, identity in hosts.items():
        assert identity.manufacturer_id in {truth[ip]["maker"], None}, (
            ip,
            identity.manufacturer_id,
            truth[ip],
        )
        if truth[ip]["kind"] == "other":
            assert not identity.is_device, ip
    named = {ip for ip, identity in hosts.items() if identity.manufacturer_id}
    assert named == {ip for ip, t in truth.items() if t["maker"] in {"hikvision", "dahua"}}
