"""Knowledge base as records: JSON (full, with sources), CSV (one row per maker), FollowTheMoney.

The FtM export is what Aleph and OpenSanctions read: manufacturers and owners
as ``Company``, shareholdings as ``Ownership``, government measures as
``Sanction``. Every entity is checked by the ``followthemoney`` library before
it is written.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from cctv_audit.errors import KnowledgeBaseError
from cctv_audit.vendors.kb import KnowledgeBase
from cctv_audit.vendors.risk import assess_in
from cctv_audit.vendors.schema import Manufacturer, Measure, Source

FORMATS = ("json", "csv", "ftm")
CSV_COLUMNS = [
    "id",
    "name",
    "kind",
    "country",
    "parent",
    "made_by",
    "state_linked",
    "severity",
    "severity_label",
    "flags",
    "measures",
    "legal_names",
    "aliases",
    "oui_prefixes",
    "summary",
    "source_urls",
]
#: measure categories exported as FtM Sanction entities, with the Company topic they add
SANCTION_TOPICS = {
    "export_control": "export.control",
    "procurement_ban": "debarment",
    "investment_ban": "invest.ban",
    "military_designation": "mil",
    "equipment_authorisation": "reg.action",
    "uk_public_sector": "reg.action",
    "other_government": "reg.action",
}


def _source(source: Source) -> dict[str, Any]:
    return source.model_dump(exclude_none=True)


def _sourced(items: list[Any]) -> list[dict[str, Any]]:
    return [
        {
            **item.model_dump(exclude={"sources"}, exclude_none=True),
            "sources": [_source(s) for s in item.sources],
        }
        for item in items
    ]


def manufacturer_record(kb: KnowledgeBase, ref: str) -> dict[str, Any]:
    """Everything known about one maker, every fact with its sources (``vendors show --json``)."""
    maker = kb.get(ref)
    assessment = assess_in(kb, maker.id)
    return {
        "id": maker.id,
        "name": maker.name,
        "kind": maker.kind,
        "country": maker.country,
        "summary": maker.summary,
        "legal_names": maker.legal_names,
        "aliases": [a.text for a in maker.aliases],
        "parent": maker.parent,
        "made_by": maker.made_by,
        "maker_id": assessment.maker_id,
        "state_linked": assessment.state_linked,
        "is_device_maker": maker.is_device_maker,
        "identity": _sourced(maker.identity),
        "ownership": _sourced(maker.ownership),
        "brands": [_brand(b, maker.id) for b in kb.brands_of(maker.id)],
        "rebadges": [
            {**r, "confirmed": rb.confirmed, "grade": rb.grade}
            for r, rb in zip(_sourced(maker.rebadges), maker.rebadges)
        ],
        "measures": _sourced(kb.measures_for(maker.id)),
        "concerns": assessment.model_dump()["flags"],
        "severity": assessment.severity,
        "severity_label": assessment.label,
        "models": _sourced(maker.models),
        "notes": _sourced(maker.notes),
        "oui": [f"{b.prefix}/{b.bits}" for b in kb.oui_for(maker.id)],
    }


def _brand(brand: Manufacturer, maker_id: str) -> dict[str, Any]:
    """How a brand or subsidiary relates to its maker, with the sources of that relationship."""
    rebadge = next((r for r in brand.rebadges if r.maker == maker_id), None)
    if rebadge is not None:
        status = "confirmed" if rebadge.confirmed else f"unconfirmed: {rebadge.grade} sources only"
        scope = "makes its products" if rebadge.scope == "all" else "made some of its products"
        relationship, sources = f"{scope} ({status})", rebadge.sources
    else:
        stake = next((o for o in brand.ownership if o.owner_id == maker_id), None)
        relationship = "subsidiary"
        sources = stake.sources if stake else brand.identity[0].sources
    return {
        "id": brand.id,
        "name": brand.name,
        "kind": brand.kind,
        "relationship": relationship,
        "sources": [_source(s) for s in sources],
    }


def export_json(kb: KnowledgeBase) -> str:
    """The whole knowledge base as one JSON document."""
    data = {
        "manufacturers": [manufacturer_record(kb, mid) for mid in sorted(kb.manufacturers)],
        "measures": _sourced(sorted(kb.measures.values(), key=lambda m: m.date)),
        "sources": [_source(s) for s in kb.sources.values()],
    }
    return json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n"


def csv_rows(kb: KnowledgeBase) -> list[dict[str, Any]]:
    """One flat row per maker (lists joined with '; ')."""
    rows = []
    for maker in sorted(kb.manufacturers.values(), key=lambda m: m.id):
        assessment = assess_in(kb, maker.id)
        rows.append(
            {
                "id": maker.id,
                "name": maker.name,
                "kind": maker.kind,
                "country": maker.country,
                "parent": maker.parent or "",
                "made_by": maker.made_by or "",
                "state_linked": assessment.state_linked,
                "severity": assessment.severity,
                "severity_label": assessment.label,
                "flags": "; ".join(f.code for f in assessment.flags),
                "measures": "; ".join(m.id for m in kb.measures_for(maker.id)),
                "legal_names": "; ".join(maker.legal_names),
                "aliases": "; ".join(a.text for a in maker.aliases),
                "oui_prefixes": "; ".join(b.prefix for b in kb.oui_for(maker.id)),
                "summary": maker.summary,
                "source_urls": "; ".join(s.url for s in maker.sources),
            }
        )
    return rows


def export_csv(kb: KnowledgeBase) -> str:
    """CSV with a header row, ready for a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(csv_rows(kb))
    return buffer.getvalue()


def ftm_entities(kb: KnowledgeBase) -> list[dict[str, Any]]:
    """FollowTheMoney entities (as dicts), each validated by the followthemoney library."""
    from followthemoney import model

    companies = {m.id: _company(model, kb, m) for m in kb.manufacturers.values()}
    entities: dict[str, Any] = {}
    for maker in kb.manufacturers.values():
        for stake in maker.ownership:
            owner = companies.get(stake.owner_id or "") or _owner(
                model, stake.owner, stake.state, entities
            )
            entities.setdefault(owner.id, owner)
            link = _ownership(model, owner, companies[maker.id], stake)
            entities[link.id] = link
        for measure in kb.measures_for(maker.id):
            if measure.category in SANCTION_TOPICS:
                companies[maker.id].add("topics", SANCTION_TOPICS[measure.category])
                sanction = _sanction(model, companies[maker.id], measure)
                entities[sanction.id] = sanction
    result = [proxy.to_dict() for proxy in [*companies.values(), *entities.values()]]
    for data in result:
        _validate(model, data)
    return result


def export_ftm(kb: KnowledgeBase) -> str:
    """FollowTheMoney entities as JSON lines (``ftm`` / Aleph / OpenSanctions format)."""
    return "".join(
        json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n" for e in ftm_entities(kb)
    )


def export(kb: KnowledgeBase, fmt: str) -> str:
    """Serialise the knowledge base in one of FORMATS."""
    writers = {"json": export_json, "csv": export_csv, "ftm": export_ftm}
    if fmt not in writers:
        raise KnowledgeBaseError(
            f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}"
        )
    return writers[fmt](kb)


def _company(model: Any, kb: KnowledgeBase, maker: Manufacturer) -> Any:
    proxy = model.make_entity("Company")
    proxy.make_id("cctv-audit", "manufacturer", maker.id)
    proxy.add("name", maker.name)
    proxy.add("alias", [*maker.legal_names, *(a.text for a in maker.aliases if not a.misspelling)])
    proxy.add("weakAlias", [a.text for a in maker.aliases if a.misspelling])
    proxy.add("notes", maker.summary)
    proxy.add("sourceUrl", [s.url for s in maker.sources])
    if maker.country != "unknown":
        proxy.add("country", maker.country)
    if maker.parent:
        proxy.add("parent", _entity_id(model, maker.parent))
    if kb.is_state_linked(maker.id) and any(o.state for o in maker.ownership):
        proxy.add("topics", "gov.soe")
    return proxy


def _entity_id(model: Any, maker_id: str) -> str:
    proxy = model.make_entity("Company")
    proxy.make_id("cctv-audit", "manufacturer", maker_id)
    return proxy.id


def _owner(model: Any, name: str, state: bool, known: dict[str, Any]) -> Any:
    proxy = model.make_entity("Company")
    proxy.make_id("cctv-audit", "owner", name)
    proxy.add("name", name)
    if state:
        proxy.add("topics", "gov.soe")
    return known.get(proxy.id, proxy)


def _ownership(model: Any, owner: Any, asset: Any, stake: Any) -> Any:
    proxy = model.make_entity("Ownership")
    proxy.make_id("cctv-audit", "ownership", owner.id, asset.id, stake.as_of or "")
    proxy.add("owner", owner.id)
    proxy.add("asset", asset.id)
    if stake.percent is not None:
        proxy.add("percentage", f"{stake.percent:g}")
    proxy.add("date", stake.as_of, quiet=True)
    proxy.add("summary", stake.note)
    proxy.add("sourceUrl", [s.url for s in stake.sources])
    return proxy


def _sanction(model: Any, company: Any, measure: Measure) -> Any:
    proxy = model.make_entity("Sanction")
    proxy.make_id("cctv-audit", "measure", measure.id, company.id)
    proxy.add("entity", company.id)
    proxy.add("authority", measure.body)
    proxy.add("program", measure.title)
    proxy.add("programId", measure.id)
    proxy.add("reason", measure.effect)
    proxy.add("startDate", measure.date, quiet=True)
    proxy.add("sourceUrl", [s.url for s in measure.sources])
    return proxy


def _validate(model: Any, data: dict[str, Any]) -> None:
    error = model.get(data["schema"]).validate(data)
    if error:
        raise KnowledgeBaseError(f"FollowTheMoney rejected {data['schema']} {data['id']}: {error}")
