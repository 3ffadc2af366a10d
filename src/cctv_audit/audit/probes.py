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

from cctv_audit.audit import onvif, parsers
from cctv_audit.audit.fingerprints import match_fields
from cctv_audit.audit.http import HttpProtocolError, HttpReply, digest_authorization, fetch
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


OPEN, CLOSED, SILENT = "open", "closed", "silent"


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

    def __init__(
        self, guard: ScopeGuard, settings: ScanSettings, credentials: Credentials | None = None
    ):
        self.guard = guard
        self.settings = settings
        self.credentials = credentials
        self.limiter = RateLimiter(settings.rate)
        #: Probes that failed on an open port (timeout, reset): the scanner retries those hosts.
        self.failures: dict[str, int] = {}
        self._tls = ssl.create_default_context()
        self._tls.check_hostname = False
        self._tls.verify_mode = ssl.CERT_NONE  # we read certificates, we do not trust them

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        return None

    def note_failure(self, ip: str) -> None:
        self.failures[ip] = self.failures.get(ip, 0) + 1

    async def _open(self, ip: str, port: int, tls: bool = False):
        self.guard.check(ip)
        await self.limiter.wait()
        return await asyncio.wait_for(
            asyncio.open_connection(ip, port, ssl=self._tls if tls else None), self.settings.timeout
        )

    async def tcp_open(self, ip: str, port: int) -> str:
        """A plain connect on a bare socket (cheapest check): ``open``, ``closed`` (refused) or
        ``silent`` (timed out or unreachable)."""
        self.guard.check(ip)
        await self.limiter.wait()
        family = socket.AF_INET6 if ":" in ip else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setblocking(False)
        try:
            await asyncio.wait_for(
                asyncio.get_running_loop().sock_connect(sock, (ip, port)), self.settings.timeout
            )
            return OPEN
        except ConnectionRefusedError:
            return CLOSED
        except (TimeoutError, OSError):
            return SILENT
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
        return Observation(
            ip=ip,
            port=port,
            protocol=protocol,
            probe="connect, read banner",
            raw=text,
            fields={f"{protocol}.banner": text.strip()},
        )

    async def request(
        self,
        ip: str,
        port: int,
        path: str,
        *,
        tls: bool,
        method: str = "GET",
        body: str | None = None,
        authorization: str | None = None,
        content_type: str = "application/json",
    ) -> tuple[HttpReply | None, list[str]]:
        """One HTTP request, following at most three redirects that stay in scope."""
        scheme = "https" if tls else "http"
        url = f"{scheme}://{_host(ip)}:{port}{path}"
        notes: list[str] = []
        for _ in range(MAX_REDIRECTS + 1):
            parts = urlsplit(url)
            target = self.guard.check_url(url)  # names are resolved and every address checked
            await self.limiter.wait()
            target_port = parts.port or (443 if parts.scheme == "https" else 80)
            target_path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            try:
                response = await fetch(
                    target,
                    target_port,
                    method=method,
                    path=target_path,
                    host=parts.netloc,
                    tls=self._tls if parts.scheme == "https" else None,
                    body=body,
                    timeout=self.settings.timeout,
                    user_agent=USER_AGENT,
                    authorization=authorization,
                    content_type=content_type,
                )
            except (TimeoutError, OSError) as exc:  # ssl.SSLError is an OSError
                log.debug("%s %s: %s", method, url, exc)
                self.note_failure(ip)
                return None, notes
            except (
                HttpProtocolError,
                ValueError,
                EOFError,
            ) as exc:  # garbled reply: not worth a retry
                log.debug("%s %s: %s", method, url, exc)
                return None, notes
            location = response.header("location")
            if not response.is_redirect or not location:
                return response, notes
            next_url = urljoin(url, location)
            if urlsplit(next_url).scheme not in {"http", "https"}:
                notes.append(f"redirect to {next_url} not followed: not HTTP")
                return response, notes
            try:
                self.guard.check_url(next_url)
            except ScopeError:
                notes.append(f"redirect to {next_url} refused: outside scope")
                return response, notes
            url, method, body, authorization = next_url, "GET", None, None
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

    def _observe(
        self,
        ip: str,
        port: int,
        probe: str,
        response: HttpReply,
        tls: bool,
        notes: list[str],
        protocol: str | None = None,
    ) -> Observation:
        body = response.body[:200_000].decode("utf-8", "replace")
        fields, identity = parsers.parse_http(response.status_line, response.headers, body)
        if notes:
            fields["http.redirect_refused"] = "; ".join(notes)
        raw = fields["http.headers"] + "\r\n" + body
        if protocol and protocol != "http":
            try:
                extra_fields, extra_identity = _PARSERS[protocol](body)
            except (ValueError, LookupError, TypeError, AttributeError) as exc:
                # The parsers do not raise on malformed input (audit/parsers.py); this second net
                # keeps a parser bug on an odd reply from losing the observation: kept raw.
                log.debug("%s:%s %s: unparsable reply (%s)", ip, port, protocol, exc)
                extra_fields, extra_identity = {}, {}
            fields.update(extra_fields)
            identity.update(extra_identity)
        return Observation(
            ip=ip,
            port=port,
            protocol=protocol or ("https" if tls else "http"),
            probe=probe,
            raw=clip(raw),
            fields=fields,
            identity=identity,
        )

    async def _follow_up(
        self, ip: str, port: int, tls: bool, step: tuple[str, str, str, str | None]
    ) -> Observation | None:
        protocol, method, path, body = step
        response, notes = await self.request(ip, port, path, tls=tls, method=method, body=body)
        if response is None or response.status == 404:
            return None
        return self._observe(ip, port, f"{method} {path}", response, tls, notes, protocol=protocol)

    async def _authenticated(
        self, ip: str, port: int, tls: bool, makers: set[str]
    ) -> list[Observation]:
        """One read of the device-information endpoint with the owner's read-only account."""
        assert self.credentials is not None
        steps = []
        if "hikvision" in makers:
            steps += [
                ("isapi", "GET", "/ISAPI/System/deviceInfo", None),
                ("ezviz", "GET", "/ISAPI/System/Network/EZVIZ", None),
            ]  # cloud relay state
        if "dahua" in makers:
            steps += [
                ("magicbox", "GET", "/cgi-bin/magicBox.cgi?action=getSystemInfo", None),
                ("magicbox", "GET", "/cgi-bin/magicBox.cgi?action=getSoftwareVersion", None),
                ("t2u", "GET", "/cgi-bin/configManager.cgi?action=getConfig&name=T2UServer", None),
            ]
        if "uniview" in makers:
            steps.append(("lapi", "GET", "/LAPI/V1.0/System/DeviceBasicInfo", None))
        found = []
        for protocol, method, path, body in steps:
            response, notes = await self._digest_request(ip, port, path, tls, method, body)
            if response is not None and response.status == 200:
                found.append(
                    self._observe(
                        ip,
                        port,
                        f"{method} {path} (read-only credentials)",
                        response,
                        tls,
                        notes,
                        protocol=protocol,
                    )
                )
        return found

    async def _digest_request(
        self, ip: str, port: int, path: str, tls: bool, method: str, body: str | None
    ) -> tuple[HttpReply | None, list[str]]:
        """Ask without credentials; answer a digest challenge once with the read-only account.

        The account is never sent in the clear (no Basic) and never retried or varied.
        """
        assert self.credentials is not None
        response, notes = await self.request(ip, port, path, tls=tls, method=method, body=body)
        if response is None or response.status != 401:
            return response, notes
        answer = digest_authorization(
            response.header("www-authenticate") or "",
            method,
            path,
            self.credentials.username,
            self.credentials.password,
        )
        if answer is None:
            return response, notes
        return await self.request(
            ip, port, path, tls=tls, method=method, body=body, authorization=answer
        )

    async def upnp_description(self, ip: str, location: str) -> Observation | None:
        """The UPnP device description an SSDP reply pointed at (manufacturer, model), when that
        URL is this host's own; a LOCATION naming another address is not followed."""
        parts = urlsplit(location)
        if parts.scheme != "http" or not parts.hostname:
            return None
        try:
            if self.guard.check_host(parts.hostname) != ip:
                return None
        except ScopeError:
            return None
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        response, _notes = await self.request(ip, parts.port or 80, path, tls=False)
        if response is None or response.status != 200:
            return None
        text = response.body.decode("utf-8", "replace")
        fields, identity = parsers.parse_upnp(text)
        return Observation(
            ip=ip,
            port=parts.port or 80,
            protocol="upnp",
            probe=f"GET {path} (SSDP LOCATION)",
            raw=clip(text),
            fields=fields,
            identity=identity,
        )

    async def onvif_device_information(self, ip: str, xaddr: str) -> Observation | None:
        """ONVIF GetDeviceInformation at the device service a WS-Discovery reply named, signed with
        the read-only account (WS-Security UsernameToken digest); sent once, never varied."""
        assert self.credentials is not None
        parts = urlsplit(xaddr)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            return None
        try:
            if self.guard.check_host(parts.hostname) != ip:
                return None  # a device service elsewhere belongs to that host's own probe
        except ScopeError:
            return None
        port = parts.port or (443 if parts.scheme == "https" else 80)
        path = parts.path or "/onvif/device_service"
        body = onvif.get_device_information(self.credentials.username, self.credentials.password)
        response, _notes = await self.request(
            ip,
            port,
            path,
            tls=parts.scheme == "https",
            method="POST",
            body=body,
            content_type=onvif.CONTENT_TYPE,
        )
        if response is None or response.status != 200:
            return None
        text = response.body.decode("utf-8", "replace")
        fields, identity = parsers.parse_onvif_device_information(text)
        return Observation(
            ip=ip,
            port=port,
            protocol="onvif",
            probe="ONVIF GetDeviceInformation (read-only credentials)",
            raw=clip(text),
            fields=fields,
            identity=identity,
        )

    async def rtsp(self, ip: str, port: int) -> Observation | None:
        """RTSP OPTIONS then DESCRIBE, no credentials: server, realm, SDP quirks."""
        try:
            reader, writer = await self._open(ip, port)
        except (TimeoutError, OSError):
            self.note_failure(ip)
            return None
        url = f"rtsp://{_host(ip)}:{port}/"
        replies = []
        try:
            for cseq, (method, extra) in enumerate(
                (("OPTIONS", ""), ("DESCRIBE", "Accept: application/sdp\r\n")), 1
            ):
                writer.write(
                    f"{method} {url} RTSP/1.0\r\nCSeq: {cseq}\r\n{extra}User-Agent: {USER_AGENT}\r\n\r\n".encode()
                )
                await writer.drain()
                replies.append(await asyncio.wait_for(_read_reply(reader), self.settings.timeout))
        except TimeoutError:
            self.note_failure(ip)  # an RTSP server that says nothing in time is busy, not absent
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError):
            pass
        finally:
            writer.close()
        text = "".join(replies)
        if not text.startswith("RTSP/"):
            return (
                None
                if not text
                else Observation(
                    ip=ip, port=port, protocol="rtsp", probe="OPTIONS, DESCRIBE", raw=clip(text)
                )
            )
        fields, identity = parsers.parse_rtsp(text)
        return Observation(
            ip=ip,
            port=port,
            protocol="rtsp",
            probe="OPTIONS, DESCRIBE",
            raw=clip(text),
            fields=fields,
            identity=identity,
        )

    async def tls_cert(self, ip: str, port: int) -> Observation | None:
        """The certificate a TLS port presents (subject and issuer, CN first as Recog writes them)."""
        try:
            _, writer = await self._open(ip, port, tls=True)
        except TimeoutError:
            self.note_failure(ip)
            return None
        except (OSError, ssl.SSLError):
            return None
        der = writer.get_extra_info("ssl_object").getpeercert(binary_form=True)
        writer.close()
        if not der:
            return None
        from cryptography import x509

        cert = x509.load_der_x509_certificate(der)
        subject, issuer = _dn(cert.subject), _dn(cert.issuer)
        raw = f"subject: {subject}\nissuer: {issuer}\nnot_after: {cert.not_valid_after_utc.isoformat()}\n"
        return Observation(
            ip=ip,
            port=port,
            protocol="tls",
            probe="TLS handshake",
            raw=raw,
            fields={"tls.subject": subject, "tls.issuer": issuer},
            identity={"self_signed": "true" if subject == issuer else ""},
        )


_PARSERS = {
    "rpc2": parsers.parse_rpc2,
    "vapix": parsers.parse_vapix,
    "lapi": parsers.parse_lapi,
    "isapi": parsers.parse_isapi_device_info,
    "magicbox": parsers.parse_magicbox,
    "ezviz": parsers.parse_ezviz,
    "t2u": parsers.parse_t2u,
    "isapi-challenge": lambda body: ({}, {}),
}


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
