"""Scope files: validation, and the guard that keeps every packet inside the authorised networks."""

from __future__ import annotations

import asyncio
import datetime as dt
import socket
import threading
import time
from pathlib import Path

import pytest

from cctv_audit.audit import Scanner, load_scope, scope_from_dict
from cctv_audit.errors import ScopeError

BASE = {
    "organisation": "Test Council",
    "authorised_by": {"name": "Jane Smith"},
    "networks": ["127.42.0.0/29"],
}


def test_load_scope_file(tmp_path: Path) -> None:
    path = tmp_path / "scope.yaml"
    path.write_text(
        "organisation: Example Borough Council\nbody: EXB\n"
        "authorised_by: {name: Jane Smith, role: Head of IT Security, date: 2026-11-01}\n"
        "networks: [127.42.0.0/29]\nexclude: [127.42.0.3]\nscan: {rate: 50, concurrency: 8}\n"
    )
    scope = load_scope(path)
    guard = scope.guard()
    assert scope.authorised_by.role == "Head of IT Security"
    assert scope.scan.rate == 50
    assert list(guard.targets()) == [f"127.42.0.{i}" for i in (1, 2, 4, 5, 6)]
    assert (
        guard.allows("127.42.0.2")
        and not guard.allows("127.42.0.3")
        and not guard.allows("127.42.0.9")
    )


@pytest.mark.parametrize(
    "change, message",
    [
        ({"authorised_by": None}, "authorised_by"),
        ({"organisation": ""}, "organisation"),
        ({"networks": []}, "networks"),
        ({"networks": ["0.0.0.0/0"]}, "whole Internet"),
        ({"networks": ["10.0.0.0/8"]}, "split the audit"),
        ({"networks": ["not a network..invalid"]}, "neither an address"),
        ({"expires": str(dt.date.today() - dt.timedelta(days=1))}, "expired"),
        ({"surprise": 1}, "surprise"),
        ({"scan": {"tcp_ports": [0]}}, "out of range"),
    ],
)
def test_invalid_scopes_are_refused_with_the_reason(change: dict, message: str) -> None:
    data = {**BASE, **change}
    if change.get("authorised_by", "") is None:
        del data["authorised_by"]
    with pytest.raises(ScopeError, match=message):
        scope_from_dict(data, source="scope.yaml")


def test_unreadable_scope_file_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(ScopeError, match="missing.yaml"):
        load_scope(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("organisation: [unclosed\n")
    with pytest.raises(ScopeError, match="bad.yaml: not valid YAML"):
        load_scope(bad)


def test_guard_checks_names_after_resolution_and_urls() -> None:
    guard = scope_from_dict(BASE).guard()
    assert guard.check_url("http://127.42.0.2:8080/doc/page/login.asp") == "127.42.0.2"
    with pytest.raises(ScopeError):
        guard.check_host("localhost")  # resolves to 127.0.0.1 / ::1: outside the scope
    with pytest.raises(ScopeError):
        guard.check_url("http://127.0.0.1/")
    assert "127.0.0.1" in guard.refused


class _Listener:
    """TCP and UDP listeners on one address that record whatever reaches them ("tcp"/"udp", peer)."""

    def __init__(self, ip: str, ports: list[int]):
        self.hits: list[tuple[str, str]] = []
        self.sockets: list[socket.socket] = []
        try:
            for port in ports:
                tcp = socket.socket()
                self.sockets.append(tcp)
                tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                tcp.bind((ip, port))
                tcp.listen(256)
                udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
                self.sockets.append(udp)
                udp.bind((ip, port))
        except OSError:
            self.close()
            raise
        for sock in self.sockets:
            sock.settimeout(0.1)
            threading.Thread(target=self._watch, args=(sock,), daemon=True).start()

    def _watch(self, sock: socket.socket) -> None:
        while sock.fileno() != -1:
            try:
                if sock.type == socket.SOCK_STREAM:
                    conn, peer = sock.accept()
                    conn.close()
                    self.hits.append(("tcp", str(peer)))
                else:
                    _, peer = sock.recvfrom(4096)
                    self.hits.append(("udp", str(peer)))
            except (TimeoutError, OSError):
                continue

    def kinds(self) -> set[str]:
        time.sleep(0.3)  # let the watchers drain anything still queued in the kernel
        return {kind for kind, _ in self.hits}

    def close(self) -> None:
        for sock in self.sockets:
            sock.close()


class _Redirector(threading.Thread):
    """An in-scope web server whose every answer redirects to ``location``."""

    def __init__(self, ip: str, port: int, location: str):
        super().__init__(daemon=True)
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((ip, port))
        self.sock.listen(16)
        self.location = location
        self.start()

    def run(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            conn.recv(4096)
            conn.sendall(
                f"HTTP/1.1 302 Found\r\nLocation: {self.location}\r\nContent-Length: 0\r\n\r\n".encode()
            )
            conn.close()


def _listeners(network_factory):
    """An emulated network plus listeners on an excluded address, on 127.0.0.1 and on the next
    /24; a fresh network is tried when a listener's port is taken on this machine."""
    for _ in range(5):
        network = network_factory({1: "hikvision_camera", 2: "dahua_camera"})
        p = network.ports
        all_ports = [p.http, p.https, p.rtsp, p.wsd, p.sadp, p.dhip]
        _, b, c = network.subnet.split(".")
        made = []
        try:
            for ip, ports in (
                (network.ip(99), all_ports),
                ("127.0.0.1", [p.http]),
                (f"127.{b}.{(int(c) + 1) % 256}.1", all_ports),
            ):
                made.append(_Listener(ip, ports))
            return network, made
        except OSError:
            for listener in made:
                listener.close()
    pytest.skip("no free ports for the listeners")


def test_excluded_and_redirected_targets_receive_nothing(network_factory) -> None:
    network, (excluded, localhost, outside) = _listeners(network_factory)
    p = network.ports
    redirect_excluded = _Redirector(network.ip(5), p.http, f"http://{network.ip(99)}:{p.http}/")
    redirect_name = _Redirector(network.ip(6), p.http, f"http://localhost:{p.http}/")
    try:
        scope = scope_from_dict(network.scope(exclude=[network.ip(99)]))
        result = asyncio.run(Scanner(scope).run())
        assert excluded.kinds() == set() and localhost.kinds() == set() and outside.kinds() == set()
        # Control: the very same listener does record a scan that is allowed to reach it, over
        # TCP and UDP, so the silence above is the guard's doing and not a deaf listener.
        control = asyncio.run(
            Scanner(scope_from_dict(network.scope(networks=[network.ip(99)]))).run()
        )
        assert excluded.kinds() == {"tcp", "udp"} and control.probed == 1
        assert localhost.kinds() == set() and outside.kinds() == set()
    finally:
        for item in (excluded, localhost, outside):
            item.close()
        redirect_excluded.sock.close()
        redirect_name.sock.close()
    assert {network.ip(99), "127.0.0.1"} <= set(result.refused)
    notes = [
        o.fields.get("http.redirect_refused", "") for h in result.hosts for o in h.observations
    ]
    assert any(network.ip(99) in n for n in notes) and any("localhost" in n for n in notes)
    assert {h.ip for h in result.devices} == {network.ip(1), network.ip(2)}
