"""A device that misses a deadline once (busy, or a loaded scanner) is probed again and still
identified; addresses that answer nothing are not retried."""

from __future__ import annotations

import asyncio
import socket
import threading

from cctv_audit.audit import Scanner, scope_from_dict

ROOT = (
    b"HTTP/1.0 200 OK\r\nServer: App-webs/\r\nContent-Type: text/html\r\nContent-Length: 36\r\n\r\n"
    b"<html><title>index</title></html>\r\n\r\n"
)


class _SlowOnce(threading.Thread):
    """Answers like a Hikvision web server, except that the first request never gets a reply."""

    def __init__(self, ip: str, port: int):
        super().__init__(daemon=True)
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((ip, port))
        self.sock.listen(64)
        self.requests = 0
        self.held: list[socket.socket] = []
        self.start()

    def run(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            conn.settimeout(2)
            try:
                if not conn.recv(4096):
                    conn.close()
                    continue
            except OSError:
                conn.close()
                continue
            self.requests += 1
            if self.requests == 1:
                self.held.append(conn)  # say nothing: the probe times out
                continue
            conn.sendall(ROOT)
            conn.close()

    def close(self) -> None:
        self.sock.close()
        for conn in self.held:
            conn.close()


def test_a_probe_that_timed_out_is_retried_and_the_device_kept(network_factory) -> None:
    network = network_factory({1: "hikvision_camera"})
    slow = _SlowOnce(network.ip(50), network.ports.http)
    try:
        settings = {**network.scope()["scan"], "timeout": 0.5}
        scope = scope_from_dict(network.scope(scan=settings))
        result = asyncio.run(Scanner(scope).run())
    finally:
        slow.close()
    hosts = {h.ip: h for h in result.hosts}
    assert network.ip(50) in result.retried and network.ip(50) not in result.unanswered
    root = next(o for o in hosts[network.ip(50)].observations if o.probe == "GET /")
    assert root.fields["http.server"] == "App-webs/"
    # the other 252 empty addresses refuse every port at once: none of them is retried
    assert set(result.retried) <= {network.ip(50), network.ip(1)}
    assert hosts[network.ip(1)].identity.manufacturer_id == "hikvision"
