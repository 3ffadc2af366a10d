"""Emulated cameras and recorders for tests, benchmarks and demos (loopback or test namespaces only).

One asyncio process serves many devices, each on its own address, answering HTTP(S), RTSP and
UDP discovery exactly as the profile in ``emulator_profiles.yaml`` says, and refusing requests
it cannot parse at once, as real servers do. Run it as ``python -m cctv_audit.audit.emulator
SPEC.json``: it prints ``ready`` once every socket listens, and answers a ``contacts`` line on
stdin with the connections and datagrams each address has received (JSON).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import hashlib
import ipaddress
import json
import re
import resource
import ssl
import sys
import tempfile
import typing
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from cctv_audit.audit.onvif import password_digest

PROFILES_FILE = Path(__file__).resolve().parent / "emulator_profiles.yaml"
#: The one read-only account emulated devices accept on their authenticated endpoints.
ACCOUNT = ("auditor", "read-only-test-password")
NONCE = "4e5468694e7a42694e7a4d364f4449354d7a6b354d54513d"


@functools.cache
def load_profiles() -> dict[str, dict[str, Any]]:
    return yaml.safe_load(PROFILES_FILE.read_text(encoding="utf-8"))["profiles"]


@dataclass
class EmulatorPorts:
    """Where emulated services listen (the same on every device address)."""

    http: int
    #: HTTPS port (0: not emulated, for a layout without TLS services).
    https: int
    rtsp: int
    wsd: int
    sadp: int
    dhip: int
    #: SSDP responder port (0: not emulated).
    ssdp: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass
class EmulatedDevice:
    ip: str
    profile: str
    mac: str = ""

    def __post_init__(self) -> None:
        if not self.mac:
            self.mac = default_mac(self.profile, self.ip)

    @property
    def truth(self) -> dict[str, Any]:
        return load_profiles()[self.profile]["truth"]


def default_mac(profile: str, ip: str) -> str:
    """A MAC in the profile's vendor block (locally administered when the profile has none)."""
    oui = load_profiles()[profile].get("oui") or "020000"
    tail = int(ipaddress.ip_address(ip)) & 0xFFFFFF
    digits = f"{oui}{tail:06X}"
    return ":".join(digits[i : i + 2] for i in range(0, 12, 2))


def _variables(device: EmulatedDevice, extra: dict[str, Any]) -> dict[str, str]:
    mac = device.mac.upper()
    plain = mac.replace(":", "")
    node = int(plain, 16)
    seed = hashlib.sha1(device.ip.encode()).digest()
    return {
        **{k: str(v) for k, v in extra.items()},
        "ip": device.ip,
        "mac": mac,
        "mac_lower": mac.lower(),
        "mac_plain": plain.lower(),
        "MAC_PLAIN": plain,
        "mac_dash": mac.replace(":", "-"),
        "uuid1": str(uuid.UUID(fields=(0x18EC6401, 0x3AA0, 0x11B5, 0x83, 0xF6, node))),
        "uuid4": str(uuid.UUID(bytes=seed[:16], version=4)),
    }


def fill(template: str, variables: dict[str, str]) -> str:
    for key, value in variables.items():
        template = template.replace("{" + key + "}", value)
    return template


@dataclass
class _Served:
    device: EmulatedDevice
    variables: dict[str, str]
    profile: dict[str, Any]


@dataclass
class Emulator:
    """Serves a list of devices; ``contacts`` counts connections and datagrams per address."""

    devices: list[EmulatedDevice]
    ports: EmulatorPorts
    contacts: Counter = field(default_factory=Counter)
    #: Authorization headers received, per address (a device must see at most one per endpoint).
    auth_attempts: Counter = field(default_factory=Counter)
    _servers: list[Any] = field(default_factory=list)
    _tmp: Any = None

    async def start(self) -> None:
        _raise_file_limit()
        self._tmp = tempfile.TemporaryDirectory(prefix="cctv-emulator-")
        for device in self.devices:
            profile = load_profiles()[device.profile]
            variables = _variables(
                device, {**profile.get("vars", {}), "http_port": self.ports.http}
            )
            served = _Served(device, variables, profile)
            await self._serve(served)

    async def _serve(self, served: _Served) -> None:
        ip, profile, loop = served.device.ip, served.profile, asyncio.get_running_loop()
        if "http" in profile:
            self._servers.append(
                await asyncio.start_server(
                    functools.partial(self._http, served), ip, self.ports.http, reuse_address=True
                )
            )
        if "tls_subject" in profile and self.ports.https:
            self._servers.append(
                await asyncio.start_server(
                    functools.partial(self._http, served),
                    ip,
                    self.ports.https,
                    ssl=self._tls(served),
                    reuse_address=True,
                )
            )
        if "rtsp" in profile:
            self._servers.append(
                await asyncio.start_server(
                    functools.partial(self._rtsp, served), ip, self.ports.rtsp, reuse_address=True
                )
            )
        for name, template in profile.get("udp", {}).items():
            port = getattr(self.ports, name)
            if not port:
                continue
            transport, _ = await loop.create_datagram_endpoint(
                functools.partial(_Udp, self, served, name, template),
                local_addr=(ip, port),
                reuse_port=False,
            )
            self._servers.append(transport)

    def _tls(self, served: _Served) -> ssl.SSLContext:
        subject = {
            k: fill(str(v), served.variables) for k, v in served.profile["tls_subject"].items()
        }
        cert, key = _self_signed(subject, Path(self._tmp.name), served.device.ip)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        return context

    async def _http(
        self, served: _Served, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        self.contacts[served.device.ip] += 1
        try:
            request = await asyncio.wait_for(_read_request(reader, _HTTP_LINE), IDLE_TIMEOUT)
            if request is None:
                # As nginx does: a request line that cannot be HTTP gets its 400 at once, not after
                # the idle timeout (nmap -sV sends binary probes to every port it cannot name).
                writer.write(_BAD_HTTP)
            else:
                head, early = request
                method, path = (head.split(" ") + ["", ""])[:2]
                length = next(
                    (
                        int(line.split(":", 1)[1])
                        for line in head.split("\r\n")
                        if line.lower().startswith("content-length:")
                    ),
                    0,
                )
                rest = await reader.readexactly(length - len(early)) if length > len(early) else b""
                body = (early + rest)[:length].decode("utf-8", "replace")
                writer.write(self._reply(served, method, path, head, body))
            await writer.drain()
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
            pass
        finally:
            writer.close()

    def _reply(self, served: _Served, method: str, path: str, head: str, body: str = "") -> bytes:
        key = f"{method} {path}"
        if key == "POST /onvif/device_service" and "onvif_info" in served.profile:
            return self._onvif(served, body)
        protected = served.profile.get("authenticated", {})
        if key not in protected:
            return _http_reply(served, key)
        authorization = next(
            (
                line.split(":", 1)[1].strip()
                for line in head.split("\r\n")
                if line.lower().startswith("authorization:")
            ),
            "",
        )
        if authorization:
            self.auth_attempts[served.device.ip] += 1
        if _digest_ok(authorization, method, path):
            return _http_reply(served, key, protected)
        challenge = f'Digest qop="auth", realm="{REALM}", nonce="{NONCE}", stale="FALSE"'
        return (
            f"HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: {challenge}\r\nContent-Length: 0\r\n\r\n"
        ).encode()

    def _onvif(self, served: _Served, body: str) -> bytes:
        """GetDeviceInformation behind a WS-Security UsernameToken digest of the one account."""
        if "<Username>" in body:
            self.auth_attempts[served.device.ip] += 1
        if not _username_token_ok(body) or "GetDeviceInformation" not in body:
            fault = (
                b'<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope">'
                b'<s:Body><s:Fault><s:Code><s:Value>s:Sender</s:Value></s:Code><s:Reason><s:Text xml:lang="en">'
                b"Sender not Authorized</s:Text></s:Reason></s:Fault></s:Body></s:Envelope>"
            )
            return (
                f"HTTP/1.1 400 Bad Request\r\nContent-Type: application/soap+xml\r\n"
                f"Content-Length: {len(fault)}\r\n\r\n"
            ).encode() + fault
        info = {k: fill(str(v), served.variables) for k, v in served.profile["onvif_info"].items()}
        reply = (
            '<?xml version="1.0" encoding="UTF-8"?><s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" '
            'xmlns:tds="http://www.onvif.org/ver10/device/wsdl"><s:Body><tds:GetDeviceInformationResponse>'
            + "".join(f"<tds:{k}>{v}</tds:{k}>" for k, v in info.items())
            + "</tds:GetDeviceInformationResponse></s:Body></s:Envelope>"
        ).encode()
        return (
            f"HTTP/1.1 200 OK\r\nContent-Type: application/soap+xml; charset=utf-8\r\n"
            f"Content-Length: {len(reply)}\r\n\r\n"
        ).encode() + reply

    async def _rtsp(
        self, served: _Served, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        """RTSP keeps the connection for the next request; anything that is not RTSP ends it.

        An HTTP/1.0 or SIP request gets the device's reply to an unknown method and the
        connection closed (an HTTP/1.0 client expects the close; RTSP-over-HTTP servers answer it
        as HTTP); bytes that cannot be a request line get a 400 and the close, as real servers do.
        """
        self.contacts[served.device.ip] += 1
        templates = served.profile["rtsp"]
        try:
            while True:
                request = await asyncio.wait_for(_read_request(reader, _RTSP_LINE), IDLE_TIMEOUT)
                if request is None:
                    writer.write(b"RTSP/1.0 400 Bad Request\r\n\r\n")
                    await writer.drain()
                    return
                head, _ = request
                method, version = head.split(" ", 1)[0], head.split("\r\n", 1)[0].rsplit(" ", 1)[-1]
                cseq = next(
                    (
                        line.split(":", 1)[1].strip()
                        for line in head.split("\r\n")
                        if line.lower().startswith("cseq:")
                    ),
                    None,
                )
                template = templates.get(method, templates.get("*", _RTSP_UNKNOWN_METHOD))
                if cseq is None:
                    # A request without CSeq gets a reply without one (Dahua's reply to nmap's
                    # bare "OPTIONS / RTSP/1.0", sample dahua_rtsp_1).
                    template = template.replace("CSeq: {cseq}\r\n", "")
                variables = {**served.variables, "cseq": cseq or "0", "cseq_or_zero": cseq or "0"}
                writer.write(fill(template, variables).encode("latin-1"))
                await writer.drain()
                if not version.startswith("RTSP/"):
                    return
        except (TimeoutError, OSError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()

    async def stop(self) -> None:
        for server in self._servers:
            server.close()
        for server in self._servers:
            if isinstance(server, asyncio.AbstractServer):
                await server.wait_closed()
        if self._tmp:
            self._tmp.cleanup()


REALM = "IP Camera(C2183)"
#: How long an emulated server waits for a request before closing an idle connection.
IDLE_TIMEOUT = 5.0
_BAD_HTTP = (
    b"HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\nContent-Length: 50\r\n"
    b"Connection: close\r\n\r\n<html><body><h1>400 Bad Request</h1></body></html>"
)
_RTSP_UNKNOWN_METHOD = "RTSP/1.0 405 Method Not Allowed\r\nCSeq: {cseq}\r\n\r\n"
#: A complete first line of a request servers accept: METHOD TARGET PROTOCOL/x.y (any protocol
#: name for RTSP servers, which answer HTTP and SIP requests too; HTTP only for web servers).
_HTTP_LINE = re.compile(rb"[A-Z_-]{1,20} [\x21-\x7e]+ HTTP/\d\.\d\r?")
_RTSP_LINE = re.compile(rb"[A-Z_-]{1,20} [\x21-\x7e]+ [A-Z]{1,10}/\d\.\d\r?")
#: What the start of a request line can look like before its end has arrived.
_LINE_START = re.compile(rb"[A-Z_-]{0,20}|[A-Z_-]{1,20} [\x20-\x7e]*\r?")
_MAX_HEAD = 16384


async def _read_request(reader: asyncio.StreamReader, line: re.Pattern) -> tuple[str, bytes] | None:
    """The head of the next request and any body bytes read with it, or None for bytes that
    cannot start one (checked as they arrive, so garbage is refused without waiting for more)."""
    data = b""
    while True:
        data = data.lstrip(b"\r\n")  # empty lines before a request are ignored (RFC 9112 2.2)
        first, newline, _ = data.partition(b"\n")
        if (
            not (line.fullmatch(first) if newline else _LINE_START.fullmatch(first))
            or len(data) > _MAX_HEAD
        ):
            return None
        head, end, early = data.partition(b"\r\n\r\n")
        if end:
            return head.decode("latin-1") + "\r\n\r\n", early
        chunk = await reader.read(4096)
        if not chunk:
            raise asyncio.IncompleteReadError(data, None)
        data += chunk


def _digest_ok(header: str, method: str, uri: str) -> bool:
    """RFC 7616 digest check (MD5, qop=auth) of the emulator's one account."""
    if not header.startswith("Digest "):
        return False
    params = dict(re.findall(r'(\w+)="?([^",]*)"?', header[7:]))
    md5 = lambda text: hashlib.md5(text.encode()).hexdigest()  # protocol-defined hash
    ha1 = md5(f"{ACCOUNT[0]}:{REALM}:{ACCOUNT[1]}")
    ha2 = md5(f"{method}:{params.get('uri', uri)}")
    expected = md5(
        f"{ha1}:{params.get('nonce')}:{params.get('nc')}:{params.get('cnonce')}:{params.get('qop')}:{ha2}"
    )
    return params.get("username") == ACCOUNT[0] and params.get("response") == expected


def _username_token_ok(body: str) -> bool:
    """WS-Security UsernameToken PasswordDigest check of the emulator's one account."""
    import base64

    found = {
        k: re.search(rf"<(?:\w+:)?{k}\b[^>]*>([^<]*)<", body)
        for k in ("Username", "Password", "Nonce", "Created")
    }
    if not all(found.values()):
        return False
    values = {k: m.group(1) for k, m in found.items() if m}
    try:
        nonce = base64.b64decode(values["Nonce"])
    except ValueError:
        return False
    return values["Username"] == ACCOUNT[0] and values["Password"] == password_digest(
        nonce, values["Created"], ACCOUNT[1]
    )


def _http_reply(served: _Served, key: str, table: dict[str, Any] | None = None) -> bytes:
    reply = (table if table is not None else served.profile.get("http", {})).get(key)
    if reply is None:
        return b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    body = fill(reply.get("body", ""), served.variables).encode("utf-8")
    variables = {**served.variables, "body_length": str(len(body))}
    headers = [(k, fill(str(v), variables)) for k, v in reply.get("headers", [])]
    if not any(k.lower() == "content-length" for k, _ in headers):
        headers.append(("Content-Length", str(len(body))))
    head = reply["status"] + "\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + "\r\n"
    return head.encode("latin-1") + body


class _Udp(asyncio.DatagramProtocol):
    def __init__(self, emulator: Emulator, served: _Served, name: str, template: str):
        self.emulator, self.served, self.name, self.template = emulator, served, name, template

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # a datagram endpoint's transport: asyncio types the hook with the base class
        self.transport = typing.cast(asyncio.DatagramTransport, transport)

    def datagram_received(self, data: bytes, addr: tuple) -> None:
        self.emulator.contacts[self.served.device.ip] += 1
        expected = {
            "wsd": b"Probe",
            "sadp": b"<Probe>",
            "dhip": b"DHDiscover",
            "ssdp": b"M-SEARCH",
        }[self.name]
        if expected not in data:
            return
        body = fill(self.template, self.served.variables).encode("utf-8")
        if self.name == "dhip":
            import struct

            body = struct.pack("<I4sIIIIII", 0x20, b"DHIP", 0, 0, len(body), 0, len(body), 0) + body
        self.transport.sendto(body, addr)


def _self_signed(subject: dict[str, str], folder: Path, ip: str) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    oids = {
        "CN": NameOID.COMMON_NAME,
        "OU": NameOID.ORGANIZATIONAL_UNIT_NAME,
        "O": NameOID.ORGANIZATION_NAME,
        "L": NameOID.LOCALITY_NAME,
        "ST": NameOID.STATE_OR_PROVINCE_NAME,
        "C": NameOID.COUNTRY_NAME,
    }
    # Encoded C first, CN last, as device certificates are; printed CN first.
    name = x509.Name([x509.NameAttribute(oids[k], subject[k]) for k in reversed(list(subject))])
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / f"{ip}.crt", folder / f"{ip}.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


def _raise_file_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = max(soft, min(hard, 200_000)) if hard != resource.RLIM_INFINITY else 200_000
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
    except (ValueError, OSError):
        pass


def _quiet_disconnects(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """A client that hangs up mid-TLS is normal for a scanner's target: not worth a traceback."""
    if isinstance(context.get("exception"), (OSError, RuntimeError, ssl.SSLError)):
        return
    loop.default_exception_handler(context)


def spec_to_emulator(spec: dict[str, Any]) -> Emulator:
    devices = [EmulatedDevice(d["ip"], d["profile"], d.get("mac", "")) for d in spec["devices"]]
    return Emulator(devices, EmulatorPorts(**spec["ports"]))


async def _main(spec_path: str) -> None:
    for ip in (d["ip"] for d in json.loads(Path(spec_path).read_text())["devices"]):
        address = ipaddress.ip_address(ip)
        if not address.is_loopback and "--netns" not in sys.argv:
            raise SystemExit(
                f"refusing to emulate on {ip}: loopback only (or --netns inside a test namespace)"
            )
    emulator = spec_to_emulator(json.loads(Path(spec_path).read_text()))
    asyncio.get_running_loop().set_exception_handler(_quiet_disconnects)
    await emulator.start()
    print("ready", flush=True)
    try:
        # Each "contacts" line on stdin is answered with the contact counts so far (JSON, one line),
        # so a benchmark can show an excluded address was never reached; end of input stops.
        while line := await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline):
            if line.strip() == "contacts":
                print(json.dumps(dict(emulator.contacts)), flush=True)
    finally:
        await emulator.stop()


if __name__ == "__main__":
    from cctv_audit.audit.scanner import run_loop

    run_loop(_main(sys.argv[1]))
