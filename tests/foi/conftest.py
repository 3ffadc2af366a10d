"""Fixtures of the foi tests: bodies with FOI addresses, a survey, real SMTP and IMAP servers."""

from __future__ import annotations

from pathlib import Path

import pytest
from foi_servers import Behaviour, FoiImap, RecordingHandler, start_smtp

from cctv_audit.foi import create_survey
from cctv_audit.registry import BodyRecord, upsert_bodies

REQUESTER = {"name": "Alex Researcher", "email": "alex@campaign.test", "organisation": "Open CCTV Project"}
NATIONS = ["England", "Scotland", "Wales", "Northern Ireland"]


def body_records(count: int) -> list[BodyRecord]:
    """``count`` councils over the four nations, each with an FOI address on its own domain."""
    records = []
    for n in range(count):
        nation = NATIONS[n % 4]
        records.append(BodyRecord(
            code=f"T{n:03d}", name=f"Test Council {n:03d}", short_name=f"Test {n:03d}", nation=nation,
            body_type="UA", body_type_name="Unitary authority", regime="FOISA" if nation == "Scotland" else "FOIA",
            source="test", foi_email=f"foi@council{n:03d}.test", email_domains=(f"council{n:03d}.test",),
        ))
    return records


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
