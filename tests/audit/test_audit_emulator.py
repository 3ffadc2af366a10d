"""The emulator answers or closes as real servers do, so nmap -sV never waits on a silent device."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

from audit_emulation import port_base

from cctv_audit.audit.emulator import IDLE_TIMEOUT

#: nmap's X11Probe: binary bytes with no line end, which a web server refuses at once.
X11_PROBE = b"l\x00\x0b\x00\x00\x00\x00\x00\x00\x00\x00\x00"


def _exchange(ip: str, port: int, request: bytes) -> tuple[bytes, bool, float]:
    """Send a request; the bytes read, whether the server closed, and how long that took."""
    start = time.perf_counter()
    with socket.create_connection((ip, port), timeout=IDLE_TIMEOUT / 2) as sock:
        sock.sendall(request)
        data = b""
        try:
            while chunk := sock.recv(4096):
                data += chunk
        except TimeoutError:
            return data, False, time.perf_counter() - start
    return data, True, time.perf_counter() - start


def test_http_refuses_bytes_that_cannot_be_a_request_at_once(network_factory) -> None:
    network = network_factory({1: "dahua_camera"})
    for garbage in (
        X11_PROBE,
        b"\x16\x03\x00\x00S\x01\x00\x00O\x03\x00",
        b"HELP\r\n",
        b"OPTIONS sip:nm SIP/2.0\r\n\r\n",
    ):
        reply, closed, seconds = _exchange(network.ip(1), network.ports.http, garbage)
        assert reply.startswith(b"HTTP/1.1 400 Bad Request") and closed and seconds < 1, garbage


def test_http_still_answers_requests_in_pieces(network_factory) -> None:
    network = network_factory({1: "web_server"})
    with socket.create_connection((network.ip(1), network.ports.http), timeout=3) as sock:
        for piece in (b"GE", b"T / HT", b"TP/1.0\r\nHost: x\r\n", b"\r\n"):
            sock.sendall(piece)
            time.sleep(0.05)
        reply = sock.recv(4096)
    assert reply.startswith(b"HTTP/1.1 200 OK") and b"nginx" in reply


def test_rtsp_closes_after_an_http_request_and_keeps_rtsp_ones_open(network_factory) -> None:
    network = network_factory({1: "dahua_camera"})
    ip, port = network.ip(1), network.ports.rtsp
    reply, closed, seconds = _exchange(ip, port, b"GET / HTTP/1.0\r\n\r\n")
    # sample dahua_rtsp_1: Dahua's reply to nmap's GetRequest on the RTSP port
    assert reply == (
        b"RTSP/1.0 405 Method Not Allowed\r\nServer: Dahua Rtsp Server\r\nContent-Length: 0\r\n"
        b"CSeq: 0\r\n\r\n"
    )
    assert closed and seconds < 1
    reply, closed, _ = _exchange(ip, port, b"OPTIONS / RTSP/1.0\r\n\r\n")
    # no CSeq asked, none given (sample dahua_rtsp_1); the RTSP connection stays open
    assert (
        reply.startswith(b"RTSP/1.0 401 Unauthorized\r\nWWW-Authenticate: Basic")
        and b"CSeq" not in reply
    )
    assert not closed
    reply, closed, seconds = _exchange(ip, port, X11_PROBE)
    assert reply.startswith(b"RTSP/1.0 400 Bad Request") and closed and seconds < 1


def test_emulator_process_reports_contacts_per_address(tmp_path: Path) -> None:
    base = port_base()
    ports = {
        "http": base,
        "https": 0,
        "rtsp": base + 2,
        "wsd": base + 3,
        "sadp": base + 4,
        "dhip": base + 5,
    }
    ip = "127.77.3.9"
    spec = tmp_path / "spec.json"
    spec.write_text(json.dumps({"ports": ports, "devices": [{"ip": ip, "profile": "axis_camera"}]}))
    emulator = subprocess.Popen(
        [sys.executable, "-m", "cctv_audit.audit.emulator", str(spec)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert emulator.stdout.readline().strip() == "ready"
        _exchange(ip, base, b"GET / HTTP/1.0\r\n\r\n")
        emulator.stdin.write("contacts\n")
        emulator.stdin.flush()
        assert json.loads(emulator.stdout.readline()) == {ip: 1}
        # https 0: the Axis profile's TLS service is not emulated
        with socket.socket() as probe:
            assert probe.connect_ex((ip, base + 1)) != 0
    finally:
        emulator.stdin.close()
        emulator.wait(30)
