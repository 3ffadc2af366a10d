"""The working database itself is plain SQLite that Datasette can browse, while the tool has it open."""

from __future__ import annotations

import asyncio

from cctv_audit.registry import load_bundled_councils
from cctv_audit.store import open_store


def test_datasette_browses_the_live_store(tmp_path):
    from datasette.app import Datasette

    path = tmp_path / "cctv-audit.db"
    store = open_store(path)
    with store.session() as session:
        load_bundled_councils(session)
    # The store stays open (write-ahead log in use), as when `cctv-audit serve` is running.

    async def fetch():
        ds = Datasette([str(path)])
        scottish = await ds.client.get(
            "/cctv-audit/bodies.json?_shape=array&nation=Scotland&_size=100"
        )
        page = await ds.client.get("/cctv-audit/bodies")
        return scottish, page

    scottish, page = asyncio.run(fetch())
    store.dispose()
    assert page.status_code == 200
    assert len(scottish.json()) == 32 and all(row["regime"] == "FOISA" for row in scottish.json())
