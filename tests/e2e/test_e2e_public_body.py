"""The public body's side: scan its own (emulated) cameras, import its asset register, merge the
two, and draft its FOI reply; the reply's counts are the inventory's.

The devices are the audit package's emulator on a random loopback /24 (tests/audit/audit_emulation.py).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import yaml
from e2e_support import Cli

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "audit"))
from audit_emulation import start_network

BODY = "SWA"
LAYOUT = {
    1: "hikvision_camera",  # in the register, matched by MAC
    2: "hikvision_nvr",  # in the register, matched by IP
    3: "hikvision_rebadge",  # an Annke camera nobody recorded: added by the audit
    4: "dahua_rebadge_amcrest",  # an Amcrest camera nobody recorded: added by the audit
    5: "axis_camera",  # in the register, matched by IP
    6: "generic_onvif_camera",  # unidentifiable: added, maker not recorded
    7: "printer",  # not a camera: ignored
}


@pytest.fixture
def network():
    net, runner = start_network(LAYOUT)
    yield net
    runner.run(net.emulator.stop())
    runner.close()


def _register(path: Path, net) -> Path:
    mac = next(d.mac for d in net.devices if d.profile == "hikvision_camera")
    rows = [
        "Asset No,Location,Make / Brand,Model No.,MAC,IP address,Type",
        f"A-001,Guildhall,HIKVISION,DS-2CD2386G2-IU,{mac.lower().replace(':', '-')},,Camera",
        f"A-002,Depot,Hikvision,DS-7608NXI-I2,,{net.ip(2)},NVR",
        f"A-003,Central Library,Axis Communications,M1065-LW,,{net.ip(5)},Camera",
        "A-004,Park,Bosch,,,,Camera",
        "A-005,Park,Bosch,,,,Camera",
        "A-006,Marina,Bosch,,,,Camera",
    ]
    path.write_text("\n".join(rows) + "\n")
    return path


def test_scan_register_merge_and_draft_reply(councils, network, tmp_path):
    cli = Cli(str(councils.url))
    scope = network.scope(organisation="City and County of Swansea Council", body=BODY)
    scope_file = tmp_path / "scope.yaml"
    scope_file.write_text(yaml.safe_dump(scope))

    devices = cli.json("audit", "scan", "--scope", str(scope_file), "--claims")
    seen = {d["ip"]: (d["manufacturer"], d["brand"], d["rebadged"]) for d in devices}
    assert network.ip(7) not in seen, "the printer was taken for a camera"
    assert len(devices) == 6
    assert seen[network.ip(3)][0] == "Hikvision" and seen[network.ip(3)][2]
    assert seen[network.ip(4)][0] == "Dahua" and seen[network.ip(4)][2]

    imported = cli.json(
        "assets",
        "import",
        str(_register(tmp_path / "register.csv", network)),
        "--body",
        BODY,
        "--map",
        "make=Make / Brand",
        "--map",
        "model=Model No.",
        "--map",
        "device_type=Type",
    )
    # (the make says "Axis Communications": a bare "Axis" is not recognised, see the xfail test below)
    assert (
        imported["created"] == 6
        and imported["unidentified_rows"] == []
        and imported["conflicts"] == {}
    )
    merged = cli.json("assets", "merge-audit", "--body", BODY)
    assert (merged["matched"], merged["added"], merged["conflicts"]) == (3, 3, {})

    inventory = cli.json("assets", "list", "--body", BODY)
    makers = {
        m["maker"]: (m["cameras"], m["recorders"], m["flagged"], m["brands"])
        for m in inventory["makers"]
    }
    assert makers == {
        "Hikvision": (2, 1, True, ["Annke"]),
        "Bosch": (3, 0, False, []),
        "Axis": (1, 0, False, []),
        "Dahua": (1, 0, True, ["Amcrest"]),
    }
    assert (inventory["unidentified"], inventory["total"]) == (1, 9)

    out = tmp_path / "reply"
    drafted = cli(
        "respond", "draft", "--request", "CCTV-7K3Q9X", "--body", BODY, "--out", str(out)
    ).stdout
    text = re.sub(r"\s+", " ", drafted)
    cameras = sum(c for c, _, _, _ in makers.values()) + inventory["unidentified"]
    recorders = sum(r for _, r, _, _ in makers.values())
    assert f"We hold records of {cameras} cameras and {recorders} recorder." in text
    for name, (c, r, _, _) in makers.items():
        assert f"{name} | {c} | {r}" in text, (
            f"the draft's table row for {name} differs from the inventory"
        )
    assert f"Manufacturer not recorded | {inventory['unidentified']} | 0" in text
    assert (
        "Yes. We use 2 cameras and 1 recorder made by Hikvision (sold under the brand names Annke)."
        in text
    )
    assert "made by Dahua (sold under the brand names Amcrest)." in text
    assert "Freedom of Information Act 2000" in text and "Information Commissioner's Office" in text
    assert "Guildhall" not in text and "Depot" not in text  # no locations unless asked

    from docx import Document as Docx
    from pypdf import PdfReader

    docx_text = "\n".join(p.text for p in Docx(str(out.with_suffix(".docx"))).paragraphs)
    assert f"We hold records of {cameras} cameras and {recorders} recorder." in docx_text
    pdf_text = " ".join(
        page.extract_text() for page in PdfReader(str(out.with_suffix(".pdf"))).pages
    )
    assert f"We hold records of {cameras} cameras and {recorders} recorder." in re.sub(
        r"\s+", " ", pdf_text
    )

    # the audit's claims: the body uses Hikvision and Dahua, with observations as evidence, never "does not use"
    claims = cli.json("claims", "list", "--body", BODY, "--origin", "audit")
    by_maker = {c["maker_id"]: c for c in claims}
    assert by_maker["hikvision"]["device_count"] == 3 and by_maker["dahua"]["device_count"] == 1
    assert all(c["polarity"] == "uses" and c["evidence"] for c in claims)
    assert all(e["kind"] == "observation" for c in claims for e in c["evidence"])
    overall = {
        f["key"]: f for f in cli.json("findings")["figures"]
    }  # every claim outside survey rounds
    assert overall["uses:hikvision"]["value"] == 1 and overall["uses:dahua"]["value"] == 1
    assert overall["devices:hikvision"]["value"] == 3
    assert "denies:hikvision" not in overall or overall["denies:hikvision"]["value"] == 0


def test_register_make_named_only_by_its_bare_name(councils, tmp_path):
    """A register whose Make column says "Axis" (no model) must count an Axis camera.

    ``inventory.normalise.identify("Axis", "", None)`` returns maker None and the conflict
    "make 'Axis' is not in the knowledge base": ``_from_make`` uses ``vendors.match_text``,
    which takes 13 of the 55 makers (Axis, Swann, LTS, Honeywell, Sony, IDIS, TVT...) only in
    context, instead of looking the cell up by name/alias (``load_kb().get``).
    """
    cli = Cli(str(councils.url))
    register = tmp_path / "register.csv"
    register.write_text(
        "Site,Make,Model\nCivic Centre,Axis,\nCivic Centre,Swann,\nCivic Centre,Bosch,\n"
    )
    imported = cli.json("assets", "import", str(register), "--body", BODY)
    assert imported["unidentified_rows"] == [] and imported["conflicts"] == {}
    makers = {m["maker"] for m in cli.json("assets", "list", "--body", BODY)["makers"]}
    assert {"Axis", "Bosch"} <= makers
