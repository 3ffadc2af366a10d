"""WhatDoTheyKnow import from a request JSON (in the site's format) and saved attachments."""

from __future__ import annotations

import datetime as dt
import json

import docfixtures as fx
import pytest
from sqlalchemy import select

from cctv_audit.documents import Document
from cctv_audit.documents.wdtk import import_wdtk
from cctv_audit.errors import InputError


def event(
    event_id,
    kind,
    created,
    *,
    described=None,
    calculated=None,
    incoming=None,
    outgoing=None,
    label=None,
):
    data = {
        "id": event_id,
        "event_type": kind,
        "created_at": created,
        "described_state": described,
        "calculated_state": calculated,
        "last_described_at": created,
        "incoming_message_id": incoming,
        "outgoing_message_id": outgoing,
        "comment_id": None,
    }
    if label:
        data["display_status"] = label
    return data


REQUEST = {
    "id": 900101,
    "url_title": "cctv_camera_makers_17",
    "title": "CCTV camera makers",
    "created_at": "2025-06-02T10:00:01.250+01:00",
    "updated_at": "2025-07-01T09:00:00.000+01:00",
    "described_state": "successful",
    "display_status": "Successful",
    "awaiting_description": False,
    "prominence": "normal",
    "law_used": "foi",
    "tags": [],
    "user": {
        "id": 5,
        "url_name": "a_campaigner",
        "name": "A Campaigner",
        "ban_text": "",
        "about_me": "",
    },
    "public_body": {
        "id": 77,
        "url_name": "sample_borough_council",
        "name": "Sample Borough Council",
        "short_name": "",
        "tags": [["local_council", None], ["england", None], ["gss", "E07000001"]],
    },
    "info_request_events": [
        event(
            1,
            "sent",
            "2025-06-02T10:00:02.000+01:00",
            described="waiting_response",
            calculated="waiting_response",
            outgoing=10,
            label="Clarification",
        ),
        event(
            2,
            "response",
            "2025-06-20T15:30:00.500+01:00",
            calculated="successful",
            incoming=4401,
            label="Successful",
        ),
        event(
            3,
            "status_update",
            "2025-06-21T08:00:00.000+01:00",
            described="successful",
            calculated="successful",
        ),
    ],
}


def test_import_request_json_and_attachments(store, tmp_path) -> None:
    folder = tmp_path / "wdtk"
    (folder / "4401").mkdir(parents=True)
    (folder / "cctv_camera_makers_17.json").write_text(json.dumps(REQUEST))
    (folder / "4401" / "Response.pdf").write_bytes(fx.make_pdf())
    saved = folder / "request" / "cctv_camera_makers_17" / "response" / "4401" / "attach" / "3"
    saved.mkdir(parents=True)
    (saved / "cameras.xlsx").write_bytes(fx.make_xlsx())

    result = import_wdtk(store, folder / "cctv_camera_makers_17.json")
    request = result.request
    assert request.url == "https://www.whatdotheyknow.com/request/cctv_camera_makers_17"
    assert request.body_name == "Sample Borough Council" and request.law_used == "foi"
    assert request.created_at == dt.datetime(2025, 6, 2, 9, 0, 1, 250000)  # +01:00 stored as UTC
    [response] = request.responses
    assert (response.incoming_message_id, response.state) == (4401, "successful")
    assert (result.report.ingested, result.report.failed) == (2, [])

    with store.session() as session:
        documents = {d.filename: d for d in session.scalars(select(Document))}
    parent = documents["cctv_camera_makers_17.json"]
    assert (
        parent.origin == "wdtk"
        and parent.source_url == request.url
        and result.document_id == parent.id
    )
    pdf, sheet = documents["Response.pdf"], documents["cameras.xlsx"]
    assert pdf.parent_id == parent.id and sheet.parent_id == parent.id
    assert pdf.origin_ref == f"{request.url}/response/4401#Response.pdf"
    assert sheet.origin_ref == f"{request.url}/response/4401/attach/3/cameras.xlsx"
    assert sheet.source_url == sheet.origin_ref
    assert sheet.tables[0]["rows"] == fx.TABLE

    again = import_wdtk(store, folder / "cctv_camera_makers_17.json")
    assert (again.report.ingested, again.report.duplicates) == (0, 2)


def test_not_a_request_json_is_a_clear_error(tmp_path, store) -> None:
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"name": "x"}))
    with pytest.raises(InputError, match="missing id, url_title"):
        import_wdtk(store, path)
