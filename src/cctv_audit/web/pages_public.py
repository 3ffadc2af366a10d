"""Public pages (no sign-in): the findings, map, bodies and manufacturers, live from the database."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from cctv_audit.registry import list_bodies
from cctv_audit.web import services
from cctv_audit.web.deps import get_db
from cctv_audit.web.rendering import render

router = APIRouter(include_in_schema=False)

ROUND = Query(
    None,
    alias="survey",
    max_length=64,
    pattern=r"^[A-Za-z0-9_-]+$",
    description="Survey round id or slug (default: newest).",
)


def cached(request: Request, db: Session, key: Hashable, compute: Callable[[], Any]) -> Any:
    """Memoise an expensive read until the data changes (see ``web.cache``)."""
    return request.app.state.cache.get(db, key, compute)


def round_data(request: Request, db: Session, ref: str | None) -> tuple[int | None, Any, list[Any]]:
    """The round's id, statistics and body findings (cached)."""
    survey_id = services.resolve_round(db, ref)
    stats = cached(request, db, ("stats", survey_id), lambda: services.statistics(db, survey_id))
    findings = cached(
        request, db, ("findings", survey_id), lambda: services.round_findings(db, survey_id)
    )
    return survey_id, stats, findings


@router.get("/")
def home(request: Request, survey: str | None = ROUND, db: Session = Depends(get_db)):
    """The headline figures of the round, each with its base."""
    survey_id, stats, findings = round_data(request, db, survey)
    return render(
        request,
        "public/home.html",
        {"stats": stats, "count": len(findings), "survey_id": survey_id},
    )


@router.get("/findings")
def findings_page(
    request: Request,
    survey: str | None = ROUND,
    maker: str | None = Query(None, max_length=64),
    status: str | None = Query(None, max_length=32),
    db: Session = Depends(get_db),
):
    """Every body asked in the round: status, outcome and confirmed makers."""
    _, stats, findings = round_data(request, db, survey)
    rows = [
        f
        for f in findings
        if (not status or f.status == status) and (not maker or f.uses(maker.lower()))
    ]
    return render(
        request,
        "public/findings.html",
        {"rows": rows, "stats": stats, "maker": maker, "status": status},
    )


@router.get("/map")
def map_page(request: Request, survey: str | None = ROUND, db: Session = Depends(get_db)):
    """The hex map of the round (the SVG itself is served by /map.svg)."""
    _, stats, _ = round_data(request, db, survey)
    return render(request, "public/map.html", {"stats": stats, "survey": survey or ""})


@router.get("/map.svg")
def map_svg(request: Request, survey: str | None = ROUND, db: Session = Depends(get_db)):
    """The hex map as an SVG image."""
    survey_id, _, findings = round_data(request, db, survey)
    svg = cached(request, db, ("map", survey_id), lambda: services.hex_map_svg(db, findings))
    return Response(svg, media_type="image/svg+xml", headers={"cache-control": "no-cache"})


@router.get("/bodies")
def bodies_page(
    request: Request,
    q: str | None = Query(None, max_length=100),
    nation: str | None = Query(None, max_length=32),
    db: Session = Depends(get_db),
):
    """The register of bodies, searchable."""
    bodies = list_bodies(db, search=q, nation=nation)
    return render(
        request, "public/bodies.html", {"bodies": bodies, "q": q or "", "nation": nation or ""}
    )


@router.get("/bodies/{code}")
def body_page(
    request: Request, code: str, survey: str | None = ROUND, db: Session = Depends(get_db)
):
    """A body: what it said in the round, and every confirmed claim with its quoted evidence."""
    body = services.find_body(db, code)
    _, _, findings = round_data(request, db, survey)
    finding = next((f for f in findings if f.body_id == body.id), None)
    claims = services.body_claims(db, body.id)
    return render(request, "public/body.html", {"body": body, "finding": finding, "claims": claims})


@router.get("/manufacturers")
def manufacturers_page(request: Request, survey: str | None = ROUND, db: Session = Depends(get_db)):
    """Makers in the knowledge base, with how many bodies of the round confirmed using each."""
    _, _, findings = round_data(request, db, survey)
    kb = services.knowledge_base()
    users = {m.id: sum(1 for f in findings if f.uses(m.id)) for m in kb.manufacturers.values()}
    makers = sorted(kb.manufacturers.values(), key=lambda m: (not m.state_linked, m.name.lower()))
    return render(request, "public/manufacturers.html", {"makers": makers, "users": users})


@router.get("/manufacturers/{ref}")
def manufacturer_page(
    request: Request, ref: str, survey: str | None = ROUND, db: Session = Depends(get_db)
):
    """One maker: what it is, its risk flags with sources, and the bodies confirmed using it."""
    maker, assessment = services.manufacturer(ref)
    _, _, findings = round_data(request, db, survey)
    bodies = [f for f in findings if f.uses(maker.id)]
    return render(
        request,
        "public/manufacturer.html",
        {"maker": maker, "assessment": assessment, "bodies": bodies},
    )


@router.get("/healthz")
def healthz() -> dict:
    """Liveness probe."""
    return {"ok": True}


@router.get("/api")
def api_docs(request: Request):
    """The JSON API described from its OpenAPI schema (no Swagger UI: it needs inline script)."""
    schema = request.app.openapi()
    operations = [
        (method.upper(), path, op.get("summary", ""), op.get("parameters", []))
        for path, methods in schema["paths"].items()
        for method, op in methods.items()
    ]
    return render(
        request, "public/api.html", {"operations": operations, "policy": request.app.state.policy}
    )
