"""Network probes, each gated by the scope guard and the rate limiter.

Nothing here guesses a password or sends an exploit: HTTP GETs of public pages, the login
*challenge* requests a browser makes before a user types anything, RTSP OPTIONS/DESCRIBE without
credentials, a TLS handshake, and (only when the user supplies read-only credentials) one
authenticated read of the device-information endpoint per device.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import ssl
import time
from dataclasses import dataclass, field
from typing import Self
from urllib.parse import urljoin, urlsplit

import httpx

from cctv_audit.audit import parsers
from cctv_audit.audit.fingerprints import match_fields
from cctv_audit.audit.records import Observation, clip
from cctv_audit.audit.scope import ScanSettings, ScopeGuard
from cctv_audit.errors import ScopeError

log = logging.getLogger(__name__)

USER_AGENT = "cctv-audit (authorised network audit; read-only)"
MAX_REDIRECTS = 3
RPC2_CHALLENGE = (
    '{"method":"global.login","params":{"userName":"admin","password":"","clientType":"Web3.0",'
    '"loginType":"Direct"},"id":1}'
)
AXIS_UNRESTRICTED = '{"apiVersion":"1.1","method":"getAllUnrestrictedProperties"}'


@dataclass(frozen=True)
class Credentials:
    """One read-only account supplied by the device owner; used once per device, never varied."""

    username: str
    password: str = field(repr=False)


class RateLimiter:
    """Spaces new connections and datagrams evenly at ``rate`` per second across the scan."""

    def __init__(self, rate: float):
        self.interval = 1.0 / rate
        self._next = 0.0

    async def wait(self) -> None:
        now = time.monotonic()
        slot = max(now, self._next)
        self._next = slot + self.interval
        if slot - now > 0.0005:
            await asyncio.sleep(slot - now)


class Prober:
    """TCP, HTTP(S), RTSP and TLS probes against in-scope addresses only."""

    def __init__(self, guard: ScopeGuard, settings: ScanSettings, credentials: Credentials | None = None):
        self.guard = guard
        self.settings = settings
        self.credentials = credentials
        self.limiter = RateLimiter(settings.rate)
        self._client: httpx.AsyncClient | None = None
        self._tls = ssl.create_default_context()
        self._tls.check_hostname = False
        self._tls.verify_mode = ssl.CERT_NONE  # we read certificates, we do not trust them

    async def __aenter__(self) -> Self:
        # Concurrency is bounded per host by the scanner; a pool limit here would only queue
        # live hosts' requests behind dead ones until they time out.
        limits = httpx.Limits(max_connections=None, max_keepalive_connections=0)
        timeout = httpx.Timeout(self.settings.timeout, pool=None)
        self._client = httpx.AsyncClient(
            verify=False, timeout=timeout, limits=limits, follow_redirects=False,
            trust_env=False, headers={"User-Agent": USER_AGENT},
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._client:
            await self._client.aclose()

    async def _open(self, ip: str, port: int, tls: bool = False):
        self.guard.check(ip)
        await self.limiter.wait()
        return await asyncio.wait_for(
            asyncio.open_connection(ip, port, ssl=self._tls if tls else None), self.settings.timeout
        )

    async def tcp_open(self, ip: str, port: int) -> bool:
        """A plain connect on a bare socket (cheapest check); closed, filtered and timed-out are all "not open"."""
        self.guard.check(ip)
        await self.limiter.wait()
        family = socket.AF_INET6 if ":" in ip else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setblocking(False)
        try:
            await asyncio.wait_for(asyncio.get_running_loop().sock_connect(sock, (ip, port)), self.settings.timeout)
            return True
        except (TimeoutError, OSError):
            return False
        finally:
            sock.close()

    async def banner(self, ip: str, port: int, protocol: str) -> Observation | None:
        """Read what a service says first (telnet), sending nothing."""
        try:
            reader, writer = await self._open(ip, port)
        except (TimeoutError, OSError):
            return None
        try:
            data = await asyncio.wait_for(reader.read(512), min(1.0, self.settings.timeout))
        except (TimeoutError, OSError):
            data = b""
        finally:
            writer.close()
        text = data.decode("latin-1").replace("\xff", "")
        return Observation(ip=ip, port=port, protocol=protocol, probe="connect, read banner", raw=text,
                           fields={f"{protocol}.banner": text.strip()})

    async def request(self, ip: str, port: int, path: str, *, tls: bool, method: str = "GET",
                      body: str | None = None, auth: httpx.Auth | None = None) -> tuple[httpx.Response | None, list[str]]:
        """One HTTP request, following at most three redirects that stay in scope."""
        assert self._client is not None
        scheme = "https" if tls else "http"
        url = f"{scheme}://{_host(ip)}:{port}{path}"
        notes: list[str] = []
        for _ in range(MAX_REDIRECTS + 1):
            target = self.guard.check_url(url)
            await self.limiter.wait()
            pinned = url.replace(f"//{urlsplit(url).netloc}", f"//{_host(target)}:{urlsplit(url).port or (443 if url.startswith('https') else 80)}", 1)
            headers = {"Host": urlsplit(url).netloc}
            try:
                response = await self._client.request(method, pinned, content=body, headers=headers, auth=auth)
            except (httpx.HTTPError, OSError) as exc:
                log.debug("%s %s: %s", method, url, exc)
                return None, notes
            location = response.headers.get("location")
            if not response.is_redirect or not location:
                return response, notes
            next_url = urljoin(url, location)
            try:
                self.guard.check_url(next_url)
            except ScopeError:
                notes.append(f"redirect to {next_url} refused: outside scope")
                return response, notes
            url, method, body = next_url, "GET", None
        return None, notes

    async def http(self, ip: str, port: int, *, tls: bool) -> list[Observation] | None:
        """GET / and, depending on what it suggests, the vendors' public login-challenge endpoints."""
        response, notes = await self.request(ip, port, "/", tls=tls)
        if response is None:
            return None
        root = self._observe(ip, port, "GET /", response, tls, notes)
        makers = {h.maker for h in match_fields(root.fields) if h.maker}
        plan = _follow_ups(makers, "no_server_header" in root.identity)
        results = await asyncio.gather(*(self._follow_up(ip, port, tls, step) for step in plan))
        observations = [root, *[o for o in results if o is not None]]
        if self.credentials:
            observations += await self._authenticated(ip, port, tls, makers)
        return observations

    def _observe(self, ip: str, port: int, probe: str, response: httpx.Response, tls: bool,
                 notes: list[str], protocol: str | None = None) -> Observation:
        raw_headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in response.headers.raw]
        status = f"{response.http_version} {response.status_code} {response.reason_phrase}"
        body = response.content[:200_000].decode("utf-8", "replace")
        fields, identity = parsers.parse_http(status, raw_headers, body)
        if notes:
            fields["http.redirect_refused"] = "; ".join(notes)
        raw = fields["http.headers"] + "\r\n" + body
        if protocol and protocol != "http":
            try:
                extra_fields, extra_identity = _PARSERS[protocol](body)
            except Exception as exc:  # noqa: BLE001 - a garbled reply is still evidence: keep it raw
                log.debug("%s:%s %s: unparsable reply (%s)", ip, port, protocol, exc)
                extra_fields, extra_identity = {}, {}
            fields.update(extra_fields)
            identity.update(extra_identity)
        return Observation(ip=ip, port=port, protocol=protocol or ("https" if tls else "http"), probe=probe,
                           raw=clip(raw), fields=fields, identity=identity)

    async def _follow_up(self, ip: str, port: int, tls: bool, step: tuple[str, str, str, str | None]) -> Observation | None:
        protocol, method, path, body = step
        response, notes = await self.request(ip, port, path, tls=tls, method=method, body=body)
        if response is None or response.status_code == 404:
            return None
        return self._observe(ip, port, f"{method} {path}", response, tls, notes, protocol=protocol)

    async def _authenticated(self, ip: str, port: int, tls: bool, makers: set[str]) -> list[Observation]:
        """One read of the device-information endpoint with the owner's read-only account."""
        assert self.credentials is not None
        auth = httpx.DigestAuth(self.credentials.username, self.credentials.password)
        steps = []
        if "hikvision" in makers:
            steps.append(("isapi", "GET", "/ISAPI/System/deviceInfo", None))
        if "dahua" in makers:
            steps += [("magicbox", "GET", "/cgi-bin/magicBox.cgi?action=getSystemInfo", None),
                      ("magicbox", "GET", "/cgi-bin/magicBox.cgi?action=getSoftwareVersion", None)]
        if "uniview" in makers:
            steps.append(("lapi", "GET", "/LAPI/V1.0/System/DeviceBasicInfo", None))
        found = []
        for protocol, method, path, body in steps:
            response, notes = await self.request(ip, port, path, tls=tls, method=method, body=body, auth=auth)
            if response is not None and response.status_code == 200:
                found.append(self._observe(ip, port, f"{method} {path} (read-only credentials)", response, tls,
                                           notes, protocol=protocol))
        return found

    async def rtsp(self, ip: str, port: int) -> Observation | None:
        """RTSP OPTIONS then DESCRIBE, no credentials: server, realm, SDP quirks."""
        try:
            reader, writer = await self._open(ip, port)
        except (TimeoutError, OSError):
            return None
        url = f"rtsp://{_host(ip)}:{port}/"
        replies = []
        try:
            for cseq, (method, extra) in enumerate((("OPTIONS", ""), ("DESCRIBE", "Accept: application/sdp\r\n")), 1):
                writer.write(f"{method} {url} RTSP/1.0\r\nCSeq: {cseq}\r\n{extra}User-Agent: {USER_AGENT}\r\n\r\n".encode())
                await writer.drain()
                replies.append(await asyncio.wait_for(_read_reply(reader), self.settings.timeout))
        except (TimeoutError, OSError, asyncio.IncompleteReadError):
            pass
        finally:
            writer.close()
        text = "".join(replies)
        if not text.startswith("RTSP/"):
            return None if not text else Observation(ip=ip, port=port, protocol="rtsp", probe="OPTIONS, DESCRIBE", raw=clip(text))
        fields, identity = parsers.parse_rtsp(text)
        return Observation(ip=ip, port=port, protocol="rtsp", probe="OPTIONS, DESCRIBE", raw=clip(text),
                           fields=fields, identity=identity)

    async def tls_cert(self, ip: str, port: int) -> Observation | None:
        """The certificate a TLS port presents (subject and issuer, CN first as Recog writes them)."""
        try:
            _, writer = await self._open(ip, port, tls=True)
        except (TimeoutError, OSError, ssl.SSLError):
            return None
        der = writer.get_extra_info("ssl_object").getpeercert(binary_form=True)
        writer.close()
        if not der:
            return None
        from cryptography import x509

        cert = x509.load_der_x509_certificate(der)
        subject, issuer = _dn(cert.subject), _dn(cert.issuer)
        raw = f"subject: {subject}\nissuer: {issuer}\nnot_after: {cert.not_valid_after_utc.isoformat()}\n"
        return Observation(ip=ip, port=port, protocol="tls", probe="TLS handshake", raw=raw,
                           fields={"tls.subject": subject, "tls.issuer": issuer},
                           identity={"self_signed": "true" if subject == issuer else ""})


_PARSERS = {"rpc2": parsers.parse_rpc2, "vapix": parsers.parse_vapix, "lapi": parsers.parse_lapi,
            "isapi": parsers.parse_isapi_device_info, "magicbox": parsers.parse_magicbox,
            "isapi-challenge": lambda body: ({}, {})}


def _follow_ups(makers: set[str], no_server: bool) -> list[tuple[str, str, str, str | None]]:
    """Which public endpoints to ask, given what the root page suggested (fewest requests that decide)."""
    unknown = not makers
    plan: list[tuple[str, str, str, str | None]] = []
    if unknown or "hikvision" in makers:
        plan.append(("isapi-challenge", "GET", "/ISAPI/System/deviceInfo", None))
    if "dahua" in makers or (unknown and no_server):
        plan.append(("rpc2", "POST", "/RPC2_Login", RPC2_CHALLENGE))
    if unknown or "axis" in makers:
        plan.append(("vapix", "POST", "/axis-cgi/basicdeviceinfo.cgi", AXIS_UNRESTRICTED))
    if unknown or "uniview" in makers:
        plan.append(("lapi", "GET", "/LAPI/V1.0/System/DeviceBasicInfo", None))
    return plan


async def _read_reply(reader: asyncio.StreamReader) -> str:
    head = await reader.readuntil(b"\r\n\r\n")
    text = head.decode("latin-1")
    _, headers, _, _ = parsers.split_head(text)
    length = int(headers.get("content-length", "0") or 0)
    body = await reader.readexactly(min(length, 65536)) if length else b""
    return text + body.decode("utf-8", "replace")


def _dn(name) -> str:
    return ",".join(f"{a.rfc4514_attribute_name}={a.value}" for a in reversed(list(name)))


def _host(ip: str) -> str:
    return f"[{ip}]" if ":" in ip else ip
