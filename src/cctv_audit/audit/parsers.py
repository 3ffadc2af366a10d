"""Pure parsers: a device's reply (text) -> signal fields and identity fields.

Each ``parse_*`` returns ``(fields, identity)``: ``fields`` feed the fingerprint rules,
``identity`` holds values read directly (model, firmware, serial, mac, cloud flags).
They never raise on malformed input: a garbled reply is still evidence, just less of it.
"""

from __future__ import annotations

import html
import json
import re
import uuid
from urllib.parse import unquote

from defusedxml import ElementTree as SafeET

Parsed = tuple[dict[str, str], dict[str, str]]

TITLE_RE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
REALM_RE = re.compile(r'realm="([^"]*)"')


def split_head(text: str) -> tuple[str, dict[str, str], str, str]:
    """Status line, headers (last value per lower-cased name; repeated WWW-Authenticate joined), head, body."""
    head, _, body = text.replace("\r\n", "\n").partition("\n\n")
    lines = head.split("\n")
    headers: dict[str, str] = {}
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if sep:
            key = name.strip().lower()
            value = value.strip()
            headers[key] = (
                f"{headers[key]}, {value}"
                if key == "www-authenticate" and key in headers
                else value
            )
    return lines[0].strip(), headers, head, body


def parse_http(status_line: str, raw_headers: list[tuple[str, str]], body: str) -> Parsed:
    """An HTTP reply: Server, title, realm, Location, header block as sent (case kept), body."""
    headers = {k.lower(): v for k, v in raw_headers}
    auth = [v for k, v in raw_headers if k.lower() == "www-authenticate"]
    title = TITLE_RE.search(body)
    fields = {
        "http.status": status_line,
        "http.server": headers.get("server", ""),
        "http.title": html.unescape(title.group(1)).strip() if title else "",
        "http.www_authenticate": auth[0] if auth else "",
        "http.location": headers.get("location", ""),
        "http.headers": status_line + "\r\n" + "".join(f"{k}: {v}\r\n" for k, v in raw_headers),
        "http.body": body[:20000],
    }
    identity: dict[str, str] = {}
    if "server" not in headers:
        identity["no_server_header"] = "true"
    return fields, identity


def parse_rtsp(text: str) -> Parsed:
    """An RTSP exchange (one or more replies): Server, realm, headers, SDP body."""
    fields: dict[str, str] = {"rtsp.headers": "", "rtsp.body": ""}
    for reply in re.split(r"(?=^RTSP/1\.0 )", text, flags=re.MULTILINE):
        if not reply.startswith("RTSP/"):
            continue
        status, headers, head, body = split_head(reply)
        fields.setdefault("rtsp.status", status)
        fields["rtsp.headers"] += head + "\n"
        fields["rtsp.body"] += body
        for key, name in (
            ("server", "rtsp.server"),
            ("www-authenticate", "rtsp.www_authenticate"),
            ("public", "rtsp.public"),
        ):
            if headers.get(key) and not fields.get(name):
                fields[name] = headers[key]
    return fields, {}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _xml_texts(xml: str) -> dict[str, str]:
    """Local element name -> text of the first element with that name (namespaces ignored)."""
    try:
        root = SafeET.fromstring(xml.strip().encode("utf-8"))
    except (SafeET.ParseError, ValueError):  # defusedxml's refusals are ValueErrors too
        return _xml_texts_loose(xml)
    found: dict[str, str] = {}
    for element in root.iter():
        name = _local(element.tag)
        if name not in found and element.text and element.text.strip():
            found[name] = element.text.strip()
    return found


def _xml_texts_loose(xml: str) -> dict[str, str]:
    """Element texts by regex, for fragments that do not parse (undeclared prefixes, cut replies)."""
    found: dict[str, str] = {}
    for name, text in re.findall(r"<(?:[\w.-]+:)?([\w.-]+)(?:\s[^>]*)?>([^<]+)</", xml):
        if name not in found and text.strip():
            found[name] = text.strip()
    return found


def mac_from_uuid(text: str) -> str | None:
    """The node field of a version-1 UUID is the device MAC (ONVIF EndpointReference)."""
    match = re.search(
        r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-1[0-9a-fA-F]{3}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", text
    )
    if not match:
        return None
    node = uuid.UUID(match.group(0)).node
    return ":".join(f"{(node >> s) & 0xFF:02X}" for s in range(40, -8, -8))


def parse_wsd(xml: str) -> Parsed:
    """ONVIF WS-Discovery ProbeMatches: scopes name/hardware/location/MAC, types, endpoint."""
    texts = _xml_texts(xml)
    scopes = texts.get("Scopes", "").split()
    fields = {"wsd.raw": xml[:20000], "wsd.types": texts.get("Types", "")}
    identity: dict[str, str] = {}
    for scope in scopes:
        key, _, value = scope.partition("onvif://www.onvif.org/")[2].partition("/")
        value = unquote(value)
        if key.lower() in {"name", "hardware", "location"}:
            fields[f"wsd.{key.lower()}"] = value
        elif key.lower() == "mac":
            identity["mac"] = value
    if fields.get("wsd.hardware"):
        identity["model"] = fields["wsd.hardware"]
    endpoint = texts.get("Address", "")
    fields["wsd.endpoint"] = endpoint
    if "mac" not in identity:
        mac = mac_from_uuid(endpoint)
        if mac:
            identity["mac"] = mac
    identity["xaddrs"] = texts.get("XAddrs", "")
    return fields, {k: v for k, v in identity.items() if v}


def parse_sadp(xml: str) -> Parsed:
    """Hikvision SADP ProbeMatch: model, serial, firmware, MAC, Hik-Connect state (unauthenticated)."""
    texts = _xml_texts(xml)
    identity = {
        "model": texts.get("DeviceDescription", ""),
        "serial": texts.get("DeviceSN", ""),
        "firmware": texts.get("SoftwareVersion", ""),
        "mac": texts.get("MAC", ""),
        "cloud_supported": texts.get("SupportHCPlatform", ""),
        "cloud_enabled": texts.get("HCPlatformEnable", ""),
        "activated": texts.get("Activated", ""),
    }
    if identity["cloud_enabled"]:
        identity.update(cloud_service="Hik-Connect", cloud_source="SADP reply HCPlatformEnable")
    fields = {
        "sadp.raw": xml[:20000],
        "sadp.model": identity["model"],
        "sadp.description": identity["model"],
        "sadp.device_type": texts.get("DeviceType", ""),
    }
    return fields, {k: v for k, v in identity.items() if v}


def parse_json_loose(text: str) -> dict:
    """JSON as devices send it (trailing commas, a broken value here and there) -> dict, or {}."""
    for candidate in (text, re.sub(r",\s*([}\]])", r"\1", text)):
        try:
            value = json.loads(candidate)
            return value if isinstance(value, dict) else {}
        except ValueError:
            continue
    return {}


def _json_field(text: str, key: str) -> str:
    """A string/number value by key from JSON text, even when the document does not parse."""
    match = re.search(rf'"{re.escape(key)}"\s*:\s*("(?:[^"\\]|\\.)*"|[-\w.]+)', text)
    return match.group(1).strip('"') if match else ""


def parse_dhip(text: str) -> Parsed:
    """Dahua DHIP discovery reply (JSON after a 32-byte header): model, serial, vendor, version, MAC."""
    body = text[text.find("{") :] if "{" in text else text
    identity = {
        "model": _json_field(body, "DeviceType"),
        "serial": _json_field(body, "SerialNo"),
        "firmware": _json_field(body, "Version"),
        "mac": _json_field(body, "mac"),
        "vendor": _json_field(body, "Vendor"),
    }
    fields = {
        "dhip.raw": body[:20000],
        "dhip.model": identity["model"],
        "dhip.vendor": identity["vendor"],
        "dhip.serial": identity["serial"],
        "dhip.device_class": _json_field(body, "DeviceClass"),
    }
    return fields, {k: v for k, v in identity.items() if v}


def parse_ssdp(text: str) -> Parsed:
    _, headers, _, _ = split_head(text)
    fields = {
        "ssdp.server": headers.get("server", ""),
        "ssdp.location": headers.get("location", ""),
        "ssdp.st": headers.get("st", ""),
    }
    return fields, {"location": fields["ssdp.location"]} if fields["ssdp.location"] else {}


def parse_upnp(xml: str) -> Parsed:
    texts = _xml_texts(xml)
    identity = {
        "model": texts.get("modelNumber") or texts.get("modelName", ""),
        "serial": texts.get("serialNumber", ""),
    }
    fields = {"upnp.manufacturer": texts.get("manufacturer", ""), "upnp.model": identity["model"]}
    return fields, {k: v for k, v in identity.items() if v}


def parse_rpc2(text: str) -> Parsed:
    """Dahua RPC2_Login first-stage challenge: realm (serial) and MAC."""
    realm = _json_field(text, "realm")
    identity = {"mac": _json_field(text, "mac")}
    serial = re.match(r"Login to (\S+)", realm)
    if serial:
        identity["serial"] = serial.group(1)
    return {"rpc2.raw": text[:20000], "rpc2.realm": realm}, {k: v for k, v in identity.items() if v}


def parse_vapix(text: str) -> Parsed:
    """Axis basicdeviceinfo.cgi properties: brand, model, firmware, serial (= MAC on Axis)."""
    data = parse_json_loose(text).get("data")
    props = data.get("propertyList") if isinstance(data, dict) else None
    if not isinstance(props, dict) or not props:
        props = {k: _json_field(text, k) for k in ("Brand", "ProdNbr", "Version", "SerialNumber")}
    identity = {
        "model": props.get("ProdNbr", ""),
        "firmware": props.get("Version", ""),
        "serial": props.get("SerialNumber", ""),
        "mac": props.get("SerialNumber", ""),
    }
    return (
        {"vapix.raw": text[:20000], "vapix.brand": props.get("Brand", "")},
        {k: v for k, v in identity.items() if v},
    )


def parse_lapi(text: str) -> Parsed:
    """Uniview LAPI reply envelope; with credentials, DeviceBasicInfo data."""
    response = parse_json_loose(text).get("Response")
    data = response.get("Data") if isinstance(response, dict) else None
    data = data if isinstance(data, dict) else {}
    identity = {
        "model": data.get("DeviceModel", ""),
        "firmware": data.get("FirmwareVersion", ""),
        "serial": data.get("SerialNumber", ""),
        "mac": data.get("MAC", ""),
    }
    fields = {
        "lapi.raw": text[:20000],
        "lapi.manufacturer": data.get("Manufacturer", ""),
        "lapi.model": identity["model"],
    }
    return fields, {k: v for k, v in identity.items() if v}


def parse_isapi_device_info(xml: str) -> Parsed:
    """Hikvision ISAPI deviceInfo (read-only credentials): model, serial, firmware, build, MAC."""
    texts = _xml_texts(xml)
    build = texts.get("firmwareReleasedDate", "")
    firmware = " ".join(x for x in (texts.get("firmwareVersion", ""), build) if x)
    identity = {
        "model": texts.get("model", ""),
        "serial": texts.get("serialNumber", ""),
        "firmware": firmware,
        "mac": texts.get("macAddress", ""),
        "kind": "recorder" if texts.get("deviceType") in {"NVR", "DVR"} else "",
    }
    fields = {
        "isapi.raw": xml[:20000],
        "isapi.model": identity["model"],
        "isapi.manufacturer": texts.get("manufacturer", ""),
        "isapi.device_type": texts.get("deviceType", ""),
    }
    return fields, {k: v for k, v in identity.items() if v}


def parse_magicbox(text: str) -> Parsed:
    """Dahua magicBox key=value replies (read-only credentials)."""
    values = dict(re.findall(r"(?m)^(\w+)=(.*?)\s*$", text))
    device_type = values.get("deviceType") or values.get("type", "")
    identity = {
        "serial": values.get("serialNumber", ""),
        "firmware": values.get("version", ""),
        "model": device_type
        if device_type and not device_type.isdigit()
        else values.get("updateSerial", ""),
    }
    fields = {
        "magicbox.raw": text[:20000],
        "magicbox.vendor": values.get("vendor", ""),
        "magicbox.device_type": device_type,
        "magicbox.model": identity["model"],
    }
    return fields, {k: v for k, v in identity.items() if v}


def parse_ezviz(xml: str) -> Parsed:
    """Hikvision ``/ISAPI/System/Network/EZVIZ`` (read-only credentials): Hik-Connect/EZVIZ cloud state."""
    texts = _xml_texts(xml)
    enabled = texts.get("enabled", "").lower()
    identity = (
        {
            "cloud_enabled": enabled,
            "cloud_service": "Hik-Connect/EZVIZ",
            "cloud_source": "ISAPI /ISAPI/System/Network/EZVIZ enabled",
        }
        if enabled
        else {}
    )
    return {
        "ezviz.raw": xml[:20000],
        "ezviz.server": texts.get("serverAddress", "") or texts.get("hostName", ""),
    }, identity


def parse_t2u(text: str) -> Parsed:
    """Dahua ``configManager.cgi?action=getConfig&name=T2UServer`` (read-only credentials): P2P state."""
    values = dict(re.findall(r"(?m)^table\.T2UServer\.(\w+)=(.*?)\s*$", text))
    enabled = values.get("Enable", "").lower()
    identity = (
        {
            "cloud_enabled": enabled,
            "cloud_service": "Dahua P2P (T2U)",
            "cloud_source": "configManager T2UServer.Enable",
        }
        if enabled
        else {}
    )
    return {"t2u.raw": text[:20000]}, identity


def parse_onvif_device_information(xml: str) -> Parsed:
    """ONVIF GetDeviceInformationResponse (read-only credentials)."""
    texts = _xml_texts(xml)
    identity = {
        "model": texts.get("Model", ""),
        "firmware": texts.get("FirmwareVersion", ""),
        "serial": texts.get("SerialNumber", ""),
    }
    return (
        {"onvif.manufacturer": texts.get("Manufacturer", "")},
        {k: v for k, v in identity.items() if v},
    )


def realm_of(header: str) -> str:
    match = REALM_RE.search(header or "")
    return match.group(1) if match else ""
