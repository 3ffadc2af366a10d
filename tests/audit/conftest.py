"""Fixtures of the audit tests: emulated devices on a private loopback /24 per test."""

from __future__ import annotations

import pytest
from audit_emulation import ALL_PROFILES, EmulatedNetwork, start_network


@pytest.fixture
def emulated_network():
    """Every emulator profile, one per address: .1 hikvision_camera, .2 hikvision_old_camera, ..."""
    network, runner = start_network({i + 1: name for i, name in enumerate(ALL_PROFILES)})
    yield network
    runner.run(network.emulator.stop())
    runner.close()


@pytest.fixture
def network_factory():
    """Start an emulated network with a chosen {host number: profile} layout."""
    started = []

    def make(layout: dict[int, str]) -> EmulatedNetwork:
        network, runner = start_network(layout)
        started.append((network, runner))
        return network

    yield make
    for network, runner in started:
        runner.run(network.emulator.stop())
        runner.close()
