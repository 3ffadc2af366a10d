"""FollowTheMoney entities for Aleph: public bodies, manufacturers, claims and documents.

Mapping: a body is a ``PublicBody``, a maker a ``Company``, a reply an FtM ``Document``
(its text in ``bodyText``), a claim an ``UnknownLink`` from body to maker (``role`` says
uses / does not use, ``proof`` points at the reply it quotes), and ``Documentation``
ties each reply to its body. Ids are derived from our stable keys, so re-exporting
updates the same entities in Aleph instead of duplicating them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from cctv_audit.publish.report import Report, person_reviewed
from cctv_audit.publish.tables import Table

PREFIX = "cctv-audit"


def _entity(schema: str, *key: object, **properties: Any):
    from followthemoney import model

    entity = model.make_entity(schema)
    entity.make_id(PREFIX, schema, *[str(k) for k in key])
    for prop, value in properties.items():
        for item in value if isinstance(value, list) else [value]:
            if item is not None and item != "":
                entity.add(prop, str(item), quiet=True)
    return entity


def _bodies(table: Table) -> dict[int, Any]:
    return {
        row["id"]: _entity(
            "PublicBody",
            row["code"],
            name=row["name"],
            country="gb",
            jurisdiction="gb",
            classification=row["body_type_name"],
            website=row["website"],
            email=row["foi_email"],
            idNumber=row["gss_code"],
            summary=f"FOI status: {row['status']}; map category: {row['category_label']}",
        )
        for row in table.rows
    }


def _makers(table: Table) -> dict[str, Any]:
    return {
        row["id"]: _entity(
            "Company",
            row["id"],
            name=row["name"],
            country=(row["country"] or "").lower()
            if row["country"] not in (None, "unknown")
            else None,
            summary=row["summary"],
            notes="state-linked" if row["state_linked"] else None,
        )
        for row in table.rows
    }


def _documents(report: Report) -> dict[int, Any]:
    return {
        doc.id: _entity(
            "Document",
            doc.sha256,
            fileName=doc.name,
            title=doc.title,
            mimeType=doc.media_type,
            fileSize=doc.size,
            bodyText=doc.text,
            sourceUrl=doc.source_url,
        )
        for doc in report.documents.values()
    }


def _claim_links(report: Report, bodies: dict, makers: dict, documents: dict) -> list[Any]:
    links = []
    for claim in sorted((c for b in report.bodies for c in b.claims), key=lambda c: c.id):
        body, maker = bodies.get(claim.body_id), makers.get(claim.maker_id)
        if body is None or maker is None:
            continue
        proof = [documents[e.document_id].id for e in claim.evidence if e.document_id in documents]
        urls = [e.url for e in claim.evidence if e.url]
        wording = claim.original_wording
        if report.redactor and wording:
            wording = report.redactor(wording)
        count = f" ({claim.device_count} devices)" if claim.device_count is not None else ""
        status = "confirmed" if claim.confirmed else "awaiting review"
        links.append(
            _entity(
                "UnknownLink",
                claim.id,
                subject=body.id,
                object=maker.id,
                role=("uses " if claim.polarity == "uses" else "does not use ")
                + claim.maker_name
                + count,
                date=claim.as_of.isoformat() if claim.as_of else None,
                proof=sorted(set(proof)),
                sourceUrl=urls,
                status=status + ("" if person_reviewed(claim) else ", not reviewed by a person"),
                description=wording,
                recordId=claim.id,
            )
        )
    return links


def _documentation(report: Report, bodies: dict, documents: dict) -> list[Any]:
    result = []
    for entry in report.bodies:
        body = bodies.get(entry.finding.body_id)
        for doc_id in entry.document_ids:
            if body is not None and doc_id in documents:
                result.append(
                    _entity(
                        "Documentation",
                        entry.finding.body_id,
                        doc_id,
                        entity=body.id,
                        document=documents[doc_id].id,
                        role="FOI reply or published source",
                    )
                )
    return result


def write_ftm(report: Report, tables: list[Table], path: Path) -> Path:
    """FtM entities as JSON lines (``ftm`` / ``alephclient write-entities`` read this), sorted by id."""
    by_name = {t.name: t for t in tables}
    bodies = _bodies(by_name["bodies"])
    makers = _makers(by_name["manufacturers"])
    documents = _documents(report)
    entities = [*bodies.values(), *makers.values(), *documents.values()]
    entities += _claim_links(report, bodies, makers, documents) + _documentation(
        report, bodies, documents
    )
    lines = sorted(json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True) for e in entities)
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path
