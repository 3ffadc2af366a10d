"""WhatDoTheyKnow batch export: bodies with their WDTK ids and personalised letters, as CSV."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy.orm import Session

from cctv_audit.foi.letters import render_request_letter
from cctv_audit.foi.models import Survey
from cctv_audit.foi.surveys import request_body, survey_requests

COLUMNS = ["reference", "body_code", "body_name", "wdtk_id", "law", "subject", "letter"]


def export_wdtk_batch(session: Session, survey: Survey, path: Path) -> int:
    """Write one row per request (its letter rendered for that body); returns the number of rows.

    Bodies without a WhatDoTheyKnow id are still written (``wdtk_id`` empty) so the
    sheet shows who must be asked another way.
    """
    rows = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for request in survey_requests(session, survey):
            body = request_body(session, request)
            letter = render_request_letter(survey, body, request)
            writer.writerow(
                {
                    "reference": request.reference,
                    "body_code": body.code,
                    "body_name": body.name,
                    "wdtk_id": body.wdtk_id or "",
                    "law": request.law,
                    "subject": letter.subject,
                    "letter": request.letter or letter.text,
                }
            )
            rows += 1
    return rows
