"""Fingerprint rules against their real examples, and the parsers + identification against the
real device replies collected in shared research (skipped when ../shared is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cctv_audit.audit import identify, load_rules, lookup_mac, match_fields, parsers
from cctv_audit.audit.fingerprints import match_rule
from cctv_audit.audit.records import Observation

RULES = load_rules()
SAMPLES = (
    Path(__file__).resolve().parents[2].parent / "shared" / "research" / "fingerprints" / "samples"
)


def _examples():
    for rule in RULES:
        for example in rule.examples:
            yield pytest.param(rule, example, id=f"{rule.id}:{str(example)[:30]}")


@pytest.mark.parametrize("rule, example", list(_examples()))
def test_rule_matches_its_real_examples(rule, example) -> None:
    text = example if isinstance(example, str) else example["text"]
    hit = match_rule(rule, rule.fields[0], text)
    assert hit is not None, f"{rule.id} does not match its example {text!r}"
    for key, value in ({} if isinstance(example, str) else example.get("expect", {})).items():
        got = hit.brand if key == "brand" else hit.captures.get(key)
        assert (got or "").lower() == str(value).lower(), (rule.id, key)


@pytest.mark.parametrize("rule", [r for r in RULES if r.not_examples], ids=lambda r: r.id)
def test_rule_rejects_its_counter_examples(rule) -> None:
    for text in rule.not_examples:
        assert match_rule(rule, rule.fields[0], text) is None, (rule.id, text)


def test_every_rule_has_a_source_and_an_example() -> None:
    assert all(r.source and r.examples for r in RULES)


def test_recog_notice_ships_beside_the_rules() -> None:
    notice = Path(__file__).resolve().parents[2] / "src/cctv_audit/audit/rules/NOTICE-recog.txt"
    assert "Rapid7" in notice.read_text() and any("Rapid7 Recog" in r.source for r in RULES)


@pytest.mark.parametrize(
    "mac, maker, brand",
    [
        ("3C:EF:8C:61:01:C0", "dahua", None),
        ("58-50-ed-1f-e3-85", "hikvision", None),
        ("accc8e3a0a8f", "axis", None),
        ("48ea638b0791", "uniview", None),
        ("00:1F:54:00:00:01", None, "lorex"),
        ("02:11:22:33:44:55", None, None),  # locally administered: never looked up
    ],
)
def test_mac_prefixes(mac, maker, brand) -> None:
    match = lookup_mac(mac)
    assert (match.maker if match else None) == maker and (match.brand if match else None) == brand


def _sample(name: str) -> str:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip(f"shared research samples not present ({SAMPLES})")
    return path.read_text(encoding="utf-8").split("\n", 1)[1]


def _identify(protocol: str, parsed) -> object:
    fields, identity = parsed
    return identify(
        [
            Observation(
                ip="127.0.0.1",
                protocol=protocol,
                probe="sample",
                raw="",
                fields=fields,
                identity=identity,
            )
        ]
    )


@pytest.mark.parametrize(
    "sample, protocol, parser, maker, extra",
    [
        (
            "hikvision_onvif-probematch_1.txt",
            "wsd",
            parsers.parse_wsd,
            "hikvision",
            {"model": "DS-2CD3955FWD-IWS", "mac": "B4:A3:82:0F:D9:2D"},
        ),
        (
            "hikvision_onvif-probematch_2.txt",
            "wsd",
            parsers.parse_wsd,
            "hikvision",
            {"model": "DS-2CD2385G1-I", "mac": "58:50:ED:1F:E3:85"},
        ),
        (
            "hikvision_sadp_1.txt",
            "sadp",
            parsers.parse_sadp,
            "hikvision",
            {"firmware": "V1.0build 200101"},
        ),
        (
            "hikvision_isapi_1.txt",
            "isapi",
            parsers.parse_isapi_device_info,
            "hikvision",
            {"model": "DS-2CD2386G2-IU", "firmware": "V5.7.18 build 240826"},
        ),
        ("hikvision_isapi_3.txt", "isapi", parsers.parse_isapi_device_info, "hikvision", {}),
        ("hikvision_rtsp_1.txt", "rtsp", parsers.parse_rtsp, "hikvision", {}),
        ("dahua_rtsp_1.txt", "rtsp", parsers.parse_rtsp, "dahua", {}),
        (
            "dahua_dhip-discovery_1.txt",
            "dhip",
            lambda t: parsers.parse_dhip(t.split("--- body as text ---")[1]),
            "dahua",
            {},
        ),
        (
            "dahua_rpc2login_1.txt",
            "rpc2",
            parsers.parse_rpc2,
            "dahua",
            {"brand_id": "amcrest", "rebadged": True, "mac": "3C:EF:8C:61:01:C0"},
        ),
        (
            "dahua_magicbox_2.txt",
            "magicbox",
            parsers.parse_magicbox,
            "dahua",
            {"brand_id": "lorex", "model": "DHI-NVR4108HS-8P-4KS2", "kind": "recorder"},
        ),
        (
            "dahua_magicbox_1.txt",
            "magicbox",
            parsers.parse_magicbox,
            "dahua",
            {"model": "IPC-HDW5831R-ZE", "firmware": "2.800.0000016.0.R,build:2020-06-05"},
        ),
        (
            "axis_vapix-basicdeviceinfo_1.txt",
            "vapix",
            parsers.parse_vapix,
            "axis",
            {"model": "M1065-LW", "firmware": "9.80.1"},
        ),
    ],
)
def test_real_samples_are_identified(sample, protocol, parser, maker, extra) -> None:
    identity = _identify(protocol, parser(_sample(sample)))
    assert identity.manufacturer_id == maker
    for key, value in extra.items():
        assert getattr(identity, key) == value, key


def test_http_401_sample_realm() -> None:
    text = _sample("hikvision_http-401_1.txt")
    reply = text[text.index("HTTP/1.1 401") :]
    status, headers, _, body = parsers.split_head(reply)
    fields, _ = parsers.parse_http(status, [(k, v) for k, v in headers.items()], body)
    assert {h.rule for h in match_fields(fields)} == {"hikvision.realm.ip-camera"}


def test_generic_onvif_sample_names_no_maker() -> None:
    identity = _identify("wsd", parsers.parse_wsd(_sample("generic_onvif-probematch_1.txt")))
    assert identity.manufacturer_id is None and identity.kind == "camera"


def test_parsers_survive_garbage() -> None:
    for parse in (
        parsers.parse_wsd,
        parsers.parse_sadp,
        parsers.parse_dhip,
        parsers.parse_rpc2,
        parsers.parse_vapix,
        parsers.parse_lapi,
        parsers.parse_magicbox,
        parsers.parse_isapi_device_info,
        parsers.parse_rtsp,
    ):
        for junk in ("", "\x00\xff<<<", '{"Response": "x"}', "<a><b>"):
            fields, identity = parse(junk)
            assert isinstance(fields, dict) and isinstance(identity, dict)
