"""Known public disclosures: facts from published FOI replies, loaded as claims of origin "published".

The bundled ``data/disclosures.csv`` holds facts only (body, date, makers, counts, outcome,
source URL) of replies bodies have published; users add their own rows in the same format.
Columns: ``body_code, body, nation, region, body_type, body_type_name, date, outcome,
exemptions, makers_in_use, makers_denied, counts, total_cameras, source_url``; lists are
separated by ``;`` and counts are written ``Hikvision=56;Axis=3``.

Every row is kept as a ``disclosures`` row (its outcome, exemptions and source), so a published
refusal, "not held" or an answer naming no maker sets the body's status outside survey rounds
(``body_findings(session, None)``) instead of being dropped or counted as unknown.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
from importlib import resources
from pathlib import Path

from sqlalchemy.orm import Session

from cctv_audit.answers.schema import OUTCOMES
from cctv_audit.errors import InputError
from cctv_audit.findings.bodies import disclosure_view
from cctv_audit.findings.claims import make_key, record_claim
from cctv_audit.findings.models import Disclosure
from cctv_audit.findings.types import DisclosureReport, DisclosureView, EvidenceInput
from cctv_audit.registry import Body, BodyRecord, match_body_name, regime_for_nation, upsert_bodies

log = logging.getLogger(__name__)

BUNDLED = "disclosures.csv"
REQUIRED = ("body", "outcome", "source_url")


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def _counts(value: str | None, where: str) -> dict[str, int]:
    counts = {}
    for part in _split(value):
        name, _, number = part.partition("=")
        if not number.strip().isdigit():
            raise InputError(f"count {part!r} must be written Maker=number", source=where)
        counts[name.strip()] = int(number)
    return counts


def _date(value: str | None, where: str) -> dt.date | None:
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(f"date {value!r} must be YYYY-MM-DD", source=where) from None


def _read(csv_path: Path | None) -> tuple[str, list[dict[str, str]]]:
    if csv_path is None:
        text = (
            resources.files("cctv_audit.findings")
            .joinpath("data", BUNDLED)
            .read_text(encoding="utf-8")
        )
        name = f"bundled {BUNDLED}"
    else:
        try:
            text = Path(csv_path).read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise InputError(
                f"cannot read disclosures CSV: {exc.strerror}", source=str(csv_path)
            ) from exc
        name = str(csv_path)
    rows = list(csv.DictReader(io.StringIO(text)))
    missing = [c for c in REQUIRED if rows and c not in rows[0]]
    if missing:
        raise InputError(
            f"missing columns: {', '.join(missing)} (see docs/findings.md)", source=name
        )
    return name, rows


def _body(session: Session, row: dict[str, str], report: DisclosureReport) -> Body:
    from sqlalchemy import select

    code = (row.get("body_code") or "").strip()
    body = session.scalar(select(Body).where(Body.code == code)) if code else None
    body = body or match_body_name(session, row["body"])
    if body is not None:
        return body
    nation = (row.get("nation") or "").strip() or "United Kingdom"
    record = BodyRecord(
        code=code or row["body"].strip().lower().replace(" ", "-"),
        name=row["body"].strip(),
        short_name=row["body"].strip(),
        nation=nation,
        region=(row.get("region") or "").strip() or None,
        body_type=(row.get("body_type") or "other").strip(),
        body_type_name=(row.get("body_type_name") or row.get("body_type") or "Other").strip(),
        regime=regime_for_nation(nation),
        source="findings:disclosures",
    )
    upsert_bodies(session, [record])
    report.bodies_created += 1
    session.flush()
    return session.scalars(select(Body).where(Body.code == record.code)).one()


def load_disclosures(
    session: Session, csv: Path | str | None = None
) -> DisclosureReport:  # API name
    """Load the bundled disclosures (or a user CSV) as ``published`` claims; safe to re-run.

    Bodies are found by ``body_code`` or name and created when unknown (source
    ``findings:disclosures``). Each maker in use becomes a "uses" claim with its count, each
    maker denied a "does_not_use" claim, all citing ``source_url``. Every row is also stored as
    a ``Disclosure`` (outcome, exemptions, source), keyed by body and URL; rows that state no
    maker (refusals, not held, answers naming none) give no claim and are listed in
    ``without_claims``; bad rows in ``problems``.
    """
    name, rows = _read(Path(csv) if csv else None)
    report = DisclosureReport()
    for line, row in enumerate(rows, start=2):
        where = f"{name}:{line}"
        try:
            report.claims += _load_row(session, row, where, report, name)
            report.rows += 1
        except InputError as exc:
            report.problems.append(str(exc))
    log.info("disclosures from %s: %d rows, %d claims", name, report.rows, report.claims)
    return report


def _load_row(
    session: Session, row: dict[str, str], where: str, report: DisclosureReport, name: str
) -> int:
    if not all((row.get(c) or "").strip() for c in REQUIRED):
        raise InputError(f"needs {', '.join(REQUIRED)}", source=where)
    if row["outcome"].strip() not in OUTCOMES:
        raise InputError(
            f"outcome {row['outcome']!r} must be one of {', '.join(OUTCOMES)}", source=where
        )
    url = row["source_url"].strip()
    if not url.lower().startswith(("http://", "https://")):
        raise InputError(f"source_url {url!r} must be a web address", source=where)
    date, counts = _date(row.get("date"), where), _counts(row.get("counts"), where)
    cameras = _cameras(row.get("total_cameras"), where)
    uses, denied = _split(row.get("makers_in_use")), _split(row.get("makers_denied"))
    body = _body(session, row, report)
    _store(session, body, row, url, date, cameras, uses, denied, name)
    report.disclosures += 1
    if not uses and not denied:
        report.without_claims.append(f"{body.name}: {row['outcome'].strip()} ({url})")
        return 0
    evidence = [EvidenceInput.link(url, title=f"FOI reply of {body.name}", published_on=date)]
    for maker, polarity in [(m, "uses") for m in uses] + [(m, "does_not_use") for m in denied]:
        record_claim(
            session,
            body_id=body.id,
            manufacturer_id=maker,
            polarity=polarity,
            as_of=date,
            origin="published",
            device_count=counts.get(maker) if polarity == "uses" else None,
            evidence=evidence,
            original_wording=f"{maker}={counts[maker]}" if maker in counts else maker,
        )
    return len(uses) + len(denied)


def _cameras(value: str | None, where: str) -> int | None:
    value = (value or "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise InputError(f"total_cameras {value!r} must be a whole number", source=where)
    return int(value)


def _store(
    session: Session,
    body: Body,
    row: dict[str, str],
    url: str,
    date: dt.date | None,
    cameras: int | None,
    uses: list[str],
    denied: list[str],
    name: str,
) -> Disclosure:
    """Create or update the disclosure of ``body`` published at ``url``."""
    key = make_key(body.code, url)
    disclosure = session.get(Disclosure, key)
    if disclosure is None:
        disclosure = Disclosure(id=key, body_id=body.id, source_url=url)
        session.add(disclosure)
    disclosure.outcome = row["outcome"].strip()
    disclosure.exemptions = _split(row.get("exemptions"))
    disclosure.makers_in_use, disclosure.makers_denied = uses, denied
    disclosure.total_cameras, disclosure.disclosed_on = cameras, date
    disclosure.loaded_from = Path(name).name  # the file name only: no local paths published
    session.flush()
    return disclosure


def list_disclosures(session: Session, *, body_id: int | None = None) -> list[DisclosureView]:
    """Loaded disclosures (of one body), by body, date and URL."""
    from sqlalchemy import select

    query = select(Disclosure).order_by(
        Disclosure.body_id, Disclosure.disclosed_on, Disclosure.source_url
    )
    if body_id is not None:
        query = query.where(Disclosure.body_id == body_id)
    return [disclosure_view(row) for row in session.scalars(query)]
