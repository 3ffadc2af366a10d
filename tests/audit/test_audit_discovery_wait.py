"""Discovery listening ends as soon as it cannot pay: all expected replies in, or a quiet network.

Measured by an injected clock and counted listening rounds, never by wall time."""

from __future__ import annotations

import asyncio

from cctv_audit.audit import scope_from_dict
from cctv_audit.audit.discovery import UdpSweep
from cctv_audit.audit.probes import RateLimiter
from cctv_audit.audit.records import Observation
from cctv_audit.audit.scope import ScopeGuard


class _Clock:
    """A clock that moves only when the sweep sleeps a round."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def _sweep(clock: _Clock) -> UdpSweep:
    scope = scope_from_dict(
        {
            "organisation": "Test Council",
            "authorised_by": "Test Runner",
            "networks": ["127.77.0.0/24"],
        }
    )
    sweep = UdpSweep(ScopeGuard(scope), scope.scan, RateLimiter(1000), clock=clock)
    sweep.transports = {"wsd": None, "sadp": None}  # two protocols enabled, nothing sent here
    return sweep


def _settle(
    sweep: UdpSweep,
    clock: _Clock,
    expected,
    limit: float,
    quiet: float,
    reply_at: dict | None = None,
) -> None:
    async def run() -> None:
        original = asyncio.sleep

        async def tick(seconds: float) -> None:
            clock.now += seconds
            for ip, protocols in (reply_at or {}).items():
                if abs(clock.now - protocols[0]) < 1e-6 + seconds / 2:
                    for protocol in protocols[1]:
                        sweep.replies.setdefault(ip, []).append(
                            Observation(ip=ip, protocol=protocol, probe="x", raw="")
                        )
                    sweep.last_activity = clock.now
            await original(0)

        asyncio.sleep = tick  # type: ignore[assignment]
        try:
            await sweep.settle(
                expected, limit, quiet, step=0.125
            )  # exact in binary: no drift over rounds
        finally:
            asyncio.sleep = original  # type: ignore[assignment]

    asyncio.run(run())


def test_no_round_when_every_expected_reply_is_in() -> None:
    clock = _Clock()
    sweep = _sweep(clock)
    for protocol in ("wsd", "sadp"):
        sweep.replies.setdefault("127.77.0.5", []).append(
            Observation(ip="127.77.0.5", protocol=protocol, probe="x", raw="")
        )
    _settle(sweep, clock, {"127.77.0.5"}, limit=1.0, quiet=0.3)
    assert sweep.rounds == 0


def test_stops_when_the_last_expected_reply_arrives() -> None:
    clock = _Clock()
    sweep = _sweep(clock)
    _settle(
        sweep,
        clock,
        {"127.77.0.5"},
        limit=5.0,
        quiet=10.0,
        reply_at={"127.77.0.5": (100.25, ["wsd", "sadp"])},
    )
    assert sweep.rounds == 2  # 0.125 s rounds: the replies came in the second


def test_a_quiet_network_ends_listening_before_the_limit() -> None:
    clock = _Clock()
    sweep = _sweep(clock)  # a host that never answers discovery (a plain web server)
    _settle(sweep, clock, {"127.77.0.9"}, limit=5.0, quiet=0.3)
    assert sweep.rounds == 3 and clock.now - 100.0 < 0.5


def test_replies_keep_it_listening_but_never_past_the_limit() -> None:
    clock = _Clock()
    sweep = _sweep(clock)
    talkative = {f"127.77.0.{n}": (100.0 + 0.125 * n, ["wsd"]) for n in range(1, 30)}
    _settle(sweep, clock, set(talkative), limit=1.0, quiet=0.3, reply_at=talkative)
    assert sweep.rounds == 8  # replies every round: listening runs to the limit, no further


def test_discovery_goes_only_to_hosts_with_a_live_service(network_factory) -> None:
    from cctv_audit.audit import Scanner

    network = network_factory({1: "hikvision_camera", 2: "web_server"})
    phases = []
    scope = scope_from_dict(network.scope())
    scanner = Scanner(scope, on_progress=lambda p: phases.append(p.phase))
    result = asyncio.run(scanner.run())
    assert {h.ip: h.identity.manufacturer_id for h in result.devices} == {
        network.ip(1): "hikvision"
    }
    # 252 serviceless addresses got no discovery datagrams (they would only spend the rate limit)
    assert scanner._discovering == {network.ip(1), network.ip(2)}
    # the phases a live display names, in order
    assert [p for n, p in enumerate(phases) if n == 0 or phases[n - 1] != p][:1] == ["probing"]
    assert "listening" in phases and phases[-1] == "identifying"
