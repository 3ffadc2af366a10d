"""Fixtures of the foi tests: bodies with FOI addresses, a survey, real SMTP and IMAP servers."""

from __future__ import annotations

from pathlib import Path

import pytest
from foi_servers import Behaviour, FoiImap, RecordingHandler, start_smtp
from foi_world import REQUESTER, body_records

from cctv_audit.foi import create_survey
from cctv_audit.registry import upsert_bodies


@pytest.fixture
def bodies_store(store):
    with store.session() as session:
        upsert_bodies(session, body_records(50))
    return store


@pytest.fixture
def survey_id(bodies_store) -> int:
    with bodies_store.session() as session:
        return create_survey(session, "CCTV 2026", requester=REQUESTER).id


@pytest.fixture
def imap_server(tmp_path: Path):
    with FoiImap(tmp_path) as server:
        yield server


@pytest.fixture
def smtp(imap_server):
    handler = RecordingHandler(imap_server, Behaviour())
    controller = start_smtp(handler)
    yield handler, controller
    controller.stop()
