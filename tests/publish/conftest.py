"""Fixtures for the publish tests; the survey itself is built in publish_world.py."""

from __future__ import annotations

import pytest
from publish_world import TODAY, build_fixture_survey  # noqa: F401


@pytest.fixture(scope="session")
def survey_store(tmp_path_factory):
    """The bundled councils plus the two fixture rounds; built once, so tests must only read it."""
    from cctv_audit.registry import load_bundled_councils
    from cctv_audit.store import open_store

    store = open_store(tmp_path_factory.mktemp("survey") / "cctv-audit.db")
    with store.session() as session:
        load_bundled_councils(session)
    build_fixture_survey(store)
    yield store
    store.dispose()
