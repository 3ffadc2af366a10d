"""WhatDoTheyKnow (Alaveteli) import: a request's public JSON plus its downloaded attachments.

The JSON (``/request/<url_title>.json``) carries the request, the body and the
events but no message text or attachments; those are files the user saved
from the request page. Lay them out as saved from the site, under a folder
named after the incoming message id (``<incoming_message_id>/<file>``, or the
site's own path ``.../response/<id>/attach/<part>/<file>``), or loose beside
the JSON. Traps handled (see the platform research, section 3): the state of
each reply is its event's ``calculated_state``; ``display_status`` is a label,
not data; timestamps carry offsets (``+01:00`` in summer) and are stored as UTC.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from cctv_audit.documents.ingest import Ingestor, IngestReport
from cctv_audit.documents.limits import Limits
from cctv_audit.documents.sources import Source, iter_sources
from cctv_audit.errors import InputError
from cctv_audit.store import Store

log = logging.getLogger(__name__)

WDTK = "https://www.whatdotheyknow.com"
_RESPONSE_PATH = re.compile(r"response/(\d+)/attach/(\d+)/")
REQUIRED = ("id", "url_title", "title", "public_body", "info_request_events")


@dataclass
class WdtkResponse:
    """One reply (a ``response`` event) of the request."""

    incoming_message_id: int
    received_at: dt.datetime | None
    state: str | None  # the event's calculated_state: what the requester classified this reply as


@dataclass
class WdtkRequest:
    """The fields of ``/request/<url_title>.json`` that matter for matching and status."""

    id: int
    url_title: str
    title: str
    url: str
    law_used: str | None
    described_state: str | None
    created_at: dt.datetime | None
    body_name: str
    body_url_name: str | None
    body_tags: list[list[str | None]]
    responses: list[WdtkResponse] = field(default_factory=list)


@dataclass
class WdtkImport:
    request: WdtkRequest
    report: IngestReport
    document_id: int | None


def parse_time(value: str | None) -> dt.datetime | None:
    """Rails ISO 8601 with milliseconds and an offset, as naive UTC."""
    if not value:
        return None
    parsed = dt.datetime.fromisoformat(value)  # Python 3.11 reads a trailing "Z" as UTC
    return parsed.astimezone(dt.UTC).replace(tzinfo=None) if parsed.tzinfo else parsed


def parse_request(data: dict, source: str, site: str = WDTK) -> WdtkRequest:
    """Validate and read a request JSON already loaded as ``data``."""
    missing = [key for key in REQUIRED if key not in data]
    if missing:
        raise InputError(
            f"not a WhatDoTheyKnow request JSON (missing {', '.join(missing)}); save /request/<url_title>.json",
            source=source,
        )
    body = data["public_body"] or {}
    responses = [
        WdtkResponse(
            int(e["incoming_message_id"]),
            parse_time(e.get("created_at")),
            e.get("calculated_state"),
        )
        for e in data["info_request_events"]
        if e.get("event_type") == "response" and e.get("incoming_message_id") is not None
    ]
    return WdtkRequest(
        id=int(data["id"]),
        url_title=data["url_title"],
        title=data["title"],
        url=f"{site}/request/{data['url_title']}",
        law_used=data.get("law_used"),
        described_state=data.get("described_state"),
        created_at=parse_time(data.get("created_at")),
        body_name=body.get("name", ""),
        body_url_name=body.get("url_name"),
        body_tags=body.get("tags") or [],
        responses=responses,
    )


def _attachment_ref(request: WdtkRequest, source: Source, folder: Path) -> str:
    """The attachment's address on the site when its saved path tells it, else request URL + name."""
    relative = (
        Path(source.origin_ref).relative_to(folder).as_posix()
        if source.origin == "file"
        else source.name
    )
    match = _RESPONSE_PATH.search(relative)
    if match:
        return f"{request.url}/response/{match.group(1)}/attach/{match.group(2)}/{source.name}"
    first = relative.split("/", 1)[0]
    if first.isdigit() and any(r.incoming_message_id == int(first) for r in request.responses):
        return f"{request.url}/response/{first}#{source.name}"
    return f"{request.url}#{source.name}"


def import_wdtk(
    store: Store,
    json_path: str | Path,
    files: list[str | Path] | None = None,
    *,
    site: str = WDTK,
    limits: Limits | None = None,
) -> WdtkImport:
    """Store the request JSON and its attachment files (default: the JSON's folder, less the JSON)."""
    json_path = Path(json_path)
    try:
        raw = json_path.read_bytes()
        request = parse_request(json.loads(raw), str(json_path), site)
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the request JSON ({exc})", source=str(json_path)) from exc
    folder = json_path.parent.resolve()
    sources = [
        s for s in iter_sources(files or [folder]) if Path(s.origin_ref) != json_path.resolve()
    ]
    report = IngestReport()
    with Ingestor(store, limits) as ingestor:
        with store.session() as session:
            parent, _ = ingestor.ingest(
                session, raw, json_path.name, origin="wdtk", origin_ref=request.url
            )
            parent.source_url = request.url
            parent_id = parent.id
        for source in sources:
            ref = _attachment_ref(request, source, folder)
            wdtk_source = replace(
                source,
                origin="wdtk",
                origin_ref=ref,
                parent_id=parent_id,
                source_url=ref.split("#")[0],
            )
            ingestor.ingest_source(wdtk_source, report)
        report.attachments = ingestor.new_children
    return WdtkImport(request, report, parent_id)
