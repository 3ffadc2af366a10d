"""A small HTTP/1.1 client for device probes: one request per connection, raw headers kept.

Why not httpx here: a scan makes tens of thousands of one-shot requests to different hosts.
httpx's shared connection pool rescans every in-flight connection on each request (quadratic
in the scan's concurrency) and its async-library detection costs an import attempt per
request; under load that CPU turned into probe timeouts and unidentified devices. Devices
need none of httpx's features besides digest authentication, which is implemented below.
"""

from __future__ import annotations

import asyncio
import hashlib
import os
import re
import ssl
from dataclasses import dataclass

#: Largest body read from a device (login pages are a few KiB; nothing useful lies beyond this).
MAX_BODY = 256 * 1024
MAX_HEAD = 64 * 1024
REDIRECTS = {301, 302, 303, 307, 308}


class HttpProtocolError(Exception):
    """The peer's reply is not HTTP (a device speaking something else on a web port)."""


@dataclass
class HttpReply:
    """One HTTP response as received: status line parts, headers in order and case, body."""

    version: str
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes

    @property
    def status_line(self) -> str:
        return f"{self.version} {self.status} {self.reason}".rstrip()

    def header(self, name: str) -> str | None:
        name = name.lower()
        return next((v for k, v in self.headers if k.lower() == name), None)

    @property
    def is_redirect(self) -> bool:
        return self.status in REDIRECTS and bool(self.header("location"))


async def fetch(
    ip: str,
    port: int,
    *,
    method: str,
    path: str,
    host: str,
    tls: ssl.SSLContext | None,
    timeout: float,
    user_agent: str,
    body: str | None = None,
    authorization: str | None = None,
    content_type: str = "application/json",
) -> HttpReply:
    """Send one request to ``ip:port`` (already scope-checked by the caller) and read the reply.

    ``timeout`` bounds the whole exchange, connect to last byte, so a slow device cannot hold a
    probe slot longer than that.
    """
    payload = body.encode("utf-8") if body is not None else b""
    # A redirect's Location is the device's text: spaces or line breaks in it must not split
    # the request line or add headers.
    path = re.sub(r"[\x00-\x20\x7f]", lambda m: f"%{ord(m.group()):02X}", path)
    lines = [
        f"{method} {path} HTTP/1.1",
        f"Host: {host}",
        f"User-Agent: {user_agent}",
        "Accept: */*",
        "Connection: close",
    ]
    if body is not None:
        lines += [f"Content-Type: {content_type}", f"Content-Length: {len(payload)}"]
    if authorization:
        lines.append(f"Authorization: {authorization}")
    request = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + payload
    async with asyncio.timeout(timeout):
        reader, writer = await asyncio.open_connection(
            ip, port, ssl=tls, server_hostname="" if tls else None, limit=MAX_HEAD
        )
        try:
            writer.write(request)
            await writer.drain()
            return await _read_reply(reader, method)
        finally:
            writer.close()


async def _read_reply(reader: asyncio.StreamReader, method: str) -> HttpReply:
    head, rest = await _read_head(reader)
    text = head.decode("latin-1").replace("\r\n", "\n")
    status_line, *header_lines = text.rstrip("\n").split("\n")
    match = re.match(r"(HTTP/\d(?:\.\d)?)\s+(\d{3})\s*(.*)", status_line)
    if not match:
        raise HttpProtocolError(f"not an HTTP status line: {status_line[:60]!r}")
    headers = []
    for line in header_lines:
        name, sep, value = line.partition(":")
        if sep and name.strip():
            headers.append((name.strip(), value.strip()))
    reply = HttpReply(match.group(1), int(match.group(2)), match.group(3).strip(), headers, b"")
    if method == "HEAD" or reply.status in (204, 304) or 100 <= reply.status < 200:
        return reply
    reply.body = rest if rest is not None else await _read_body(reader, reply)
    return reply


async def _read_head(reader: asyncio.StreamReader) -> tuple[bytes, bytes | None]:
    """The head up to the blank line, and (only when the peer closed early) the rest already read.

    Some embedded servers end lines with a bare LF: their reply is then read to the peer's
    close (we asked for ``Connection: close``) and split at the first empty line.
    """
    try:
        return (await reader.readuntil(b"\r\n\r\n"))[:-4], None
    except asyncio.IncompleteReadError as exc:
        data = exc.partial
    except asyncio.LimitOverrunError as exc:
        raise HttpProtocolError("reply head larger than 64 KiB") from exc
    if not data:
        raise HttpProtocolError("connection closed without a reply")
    head, _, rest = data.replace(b"\r\n", b"\n").partition(b"\n\n")
    return head, rest[:MAX_BODY]


async def _read_body(reader: asyncio.StreamReader, reply: HttpReply) -> bytes:
    if "chunked" in (reply.header("transfer-encoding") or "").lower():
        return await _read_chunked(reader)
    length = reply.header("content-length")
    if length and length.strip().isdigit():
        want = min(int(length), MAX_BODY)
        try:
            return await reader.readexactly(want)
        except asyncio.IncompleteReadError as exc:
            return exc.partial  # shorter than announced: keep what came
    return await _read_to_eof(reader)


async def _read_to_eof(reader: asyncio.StreamReader) -> bytes:
    data = b""
    while len(data) < MAX_BODY:
        chunk = await reader.read(65536)
        if not chunk:
            break
        data += chunk
    return data[:MAX_BODY]


async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
    data = b""
    while len(data) < MAX_BODY:
        size_line = await reader.readline()
        if not size_line:
            break
        try:
            size = int(size_line.split(b";", 1)[0].strip() or b"0", 16)
        except ValueError:
            break
        if size == 0:
            break
        try:
            data += await reader.readexactly(size)
        except asyncio.IncompleteReadError as exc:
            data += exc.partial
            break
        await reader.readline()  # CRLF after each chunk
    return data[:MAX_BODY]


def digest_authorization(
    challenge: str, method: str, uri: str, username: str, password: str
) -> str | None:
    """The ``Authorization`` value answering an RFC 7616 digest challenge (MD5, MD5-sess, SHA-256;
    qop auth or none), or None when the challenge is not a digest one we can answer."""
    if not challenge.lower().startswith("digest"):
        return None
    params = {
        k.lower(): quoted or bare
        for k, quoted, bare in re.findall(r'(\w+)\s*=\s*(?:"([^"]*)"|([^\s,]+))', challenge[6:])
    }
    realm, nonce = params.get("realm"), params.get("nonce")
    if realm is None or not nonce:
        return None
    algorithm = params.get("algorithm", "MD5")
    hasher = {
        "MD5": hashlib.md5,
        "MD5-SESS": hashlib.md5,
        "SHA-256": hashlib.sha256,
        "SHA-256-SESS": hashlib.sha256,
    }.get(algorithm.upper())
    if hasher is None:
        return None
    h = lambda text: hasher(text.encode("utf-8")).hexdigest()  # protocol-defined hash
    cnonce = os.urandom(8).hex()
    ha1 = h(f"{username}:{realm}:{password}")
    if algorithm.upper().endswith("-SESS"):
        ha1 = h(f"{ha1}:{nonce}:{cnonce}")
    ha2 = h(f"{method}:{uri}")
    qops = [q.strip() for q in params.get("qop", "").split(",") if q.strip()]
    fields = [
        f'username="{username}"',
        f'realm="{realm}"',
        f'nonce="{nonce}"',
        f'uri="{uri}"',
        f"algorithm={algorithm}",
    ]
    if "auth" in qops:
        nc = "00000001"
        response = h(f"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}")
        fields += ["qop=auth", f"nc={nc}", f'cnonce="{cnonce}"']
    else:
        response = h(f"{ha1}:{nonce}:{ha2}")
    fields.append(f'response="{response}"')
    if params.get("opaque"):
        fields.append(f'opaque="{params["opaque"]}"')
    return "Digest " + ", ".join(fields)
