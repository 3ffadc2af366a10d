"""The probes' HTTP client against the reply shapes embedded web servers really send: chunked
bodies, bare-LF heads, no Content-Length, garbage; and its digest answer against the emulator's
checker (the same RFC 7616 arithmetic a camera does)."""

from __future__ import annotations

import asyncio
import random

import pytest

from cctv_audit.audit.emulator import ACCOUNT, REALM, _digest_ok
from cctv_audit.audit.http import HttpProtocolError, digest_authorization, fetch


async def _serve_once(reply: bytes):
    """A one-shot server on a random loopback address that answers ``reply`` and hangs up."""
    seen: list[bytes] = []

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        seen.append(await reader.readuntil(b"\r\n\r\n"))
        writer.write(reply)
        await writer.drain()
        writer.close()

    ip = f"127.{random.randint(100, 250)}.{random.randint(0, 255)}.{random.randint(1, 254)}"
    server = await asyncio.start_server(handle, ip, 0)
    return server, ip, server.sockets[0].getsockname()[1], seen


def _get(reply: bytes):
    async def run():
        server, ip, port, seen = await _serve_once(reply)
        try:
            return await fetch(
                ip,
                port,
                method="GET",
                path="/",
                host=f"{ip}:{port}",
                tls=None,
                timeout=2,
                user_agent="test",
            ), seen
        finally:
            server.close()

    return asyncio.run(run())


def test_chunked_body_and_headers_kept_in_order_and_case() -> None:
    reply, seen = _get(
        b"HTTP/1.1 200 OK\r\nServer: App-webs/\r\nTransfer-Encoding: chunked\r\n"
        b"CONNECTION: close\r\n\r\n5\r\n<html\r\n8\r\n></html>\r\n0\r\n\r\n"
    )
    assert reply.status_line == "HTTP/1.1 200 OK"
    assert reply.headers[0] == ("Server", "App-webs/") and reply.header("connection") == "close"
    assert reply.body == b"<html></html>"
    assert b"Connection: close" in seen[0] and seen[0].startswith(b"GET / HTTP/1.1\r\n")


def test_bare_lf_head_and_close_delimited_body() -> None:
    reply, _ = _get(b"HTTP/1.0 200 OK\nServer: thttpd\n\n<title>NVR</title>")
    assert reply.header("server") == "thttpd" and reply.body == b"<title>NVR</title>"


def test_not_http_is_a_protocol_error() -> None:
    with pytest.raises(HttpProtocolError):
        _get(b"SSH-2.0-dropbear\r\n\r\n")


def test_digest_answer_is_what_the_device_expects() -> None:
    challenge = f'Digest qop="auth", realm="{REALM}", nonce="4e54", stale="FALSE"'
    header = digest_authorization(challenge, "GET", "/ISAPI/System/deviceInfo", *ACCOUNT)
    assert header is not None and _digest_ok(header, "GET", "/ISAPI/System/deviceInfo")
    wrong = digest_authorization(challenge, "GET", "/ISAPI/System/deviceInfo", ACCOUNT[0], "guess")
    assert wrong is not None and not _digest_ok(wrong, "GET", "/ISAPI/System/deviceInfo")
    assert (
        digest_authorization('Basic realm="device"', "GET", "/", *ACCOUNT) is None
    )  # never sent in the clear
