"""Writing the static report site: HTML pages from Jinja2 templates, the map, the data downloads.

Static files only, relative links everywhere, so the folder works from ``file://`` and
any web server. Deterministic: pages are rendered from sorted data with no clock, so
publishing the same data twice gives byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from sqlalchemy.orm import Session

from cctv_audit.errors import PublishError
from cctv_audit.publish import views
from cctv_audit.publish.categories import CATEGORIES, CATEGORY_BY_KEY
from cctv_audit.publish.exports import (
    datasette_metadata,
    write_csv,
    write_json,
    write_sqlite,
    write_xlsx,
)
from cctv_audit.publish.ftm import write_ftm
from cctv_audit.publish.hexlayout import HEXMAP_ATTRIBUTION, HEXMAP_SOURCE_URL
from cctv_audit.publish.report import Report, person_reviewed
from cctv_audit.publish.tables import Table, export_tables

MARKER = ".cctv-audit-site"
STATIC = Path(__file__).with_name("static")
DATABASE_NAME = "cctv-audit"


@dataclass
class SiteResult:
    """A published site: where it is, what it holds, and the figures it shows."""

    out: Path
    index: Path
    pages: int
    draft: bool
    counts: dict[str, int]
    files: list[Path] = field(default_factory=list)
    unmatched_hexes: list[str] = field(default_factory=list)


def _date(value: object, style: str = "long") -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat() if style == "iso" else f"{value.day} {value:%B %Y}"
    return str(value)


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("cctv_audit.publish", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
    )
    env.filters["date"] = _date
    env.globals.update(
        CATEGORIES=CATEGORIES,
        CATEGORY_BY_KEY=CATEGORY_BY_KEY,
        person_reviewed=person_reviewed,
        HEXMAP_ATTRIBUTION=HEXMAP_ATTRIBUTION,
        HEXMAP_SOURCE_URL=HEXMAP_SOURCE_URL,
        maker_summary=views.maker_summary,
    )
    return env


def prepare_out(out: Path) -> None:
    """Empty ``out`` for a fresh site; refuse to touch a non-empty folder that is not a site of ours."""
    if out.exists() and not out.is_dir():
        raise PublishError(f"{out}: exists and is not a folder; choose another --out")
    if out.is_dir() and any(out.iterdir()):
        if not (out / MARKER).is_file():
            raise PublishError(
                f"{out}: folder is not empty and was not made by `cctv-audit publish`; "
                "choose an empty or new folder"
            )
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text(
        "Made by cctv-audit publish; the folder is replaced on each run.\n", encoding="utf-8"
    )


class _Writer:
    def __init__(self, out: Path, report: Report, env: Environment):
        self.out, self.report, self.env = out, report, env
        self.files: list[Path] = []

    def page(self, template: str, path: str, **context: object) -> None:
        depth = path.count("/")
        html = self.env.get_template(template).render(
            report=self.report, root="../" * depth, page_path=path, **context
        )
        self.file(path, html)

    def file(self, path: str, content: str | bytes) -> None:
        target = self.out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
        self.files.append(target)


def _write_data(writer: _Writer, report: Report, tables: list[Table]) -> dict[str, str]:
    data = writer.out / "data"
    metadata = datasette_metadata(
        tables,
        database=DATABASE_NAME,
        title=report.title,
        description=f"Findings of {report.title}, as of {report.as_of.isoformat()}.",
    )
    files = {
        "sqlite": write_sqlite(tables, _mkdir(data) / f"{DATABASE_NAME}.db"),
        "xlsx": write_xlsx(tables, data / f"{DATABASE_NAME}.xlsx", report.as_of),
        "json": write_json(tables, data / f"{DATABASE_NAME}.json", metadata),
        "ftm": write_ftm(report, tables, data / f"{DATABASE_NAME}.ftm.json"),
    }
    writer.file("data/metadata.json", _json(metadata))
    for path in write_csv(tables, data / "csv"):
        writer.files.append(path)
    writer.files += list(files.values())
    return {k: v.relative_to(writer.out).as_posix() for k, v in files.items()}


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def _json(data: object) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _copy_originals(writer: _Writer, report: Report) -> None:
    """Originals go into the site unless redacting: the bytes of a reply may name the requester."""
    if report.options.redact:
        return
    for doc in sorted(report.documents.values(), key=lambda d: d.id):
        if doc.original is not None:
            writer.file(doc.original_name, doc.original.read_bytes())


def write_site(session: Session, report: Report, out: Path) -> SiteResult:
    """Write every page, the map, the charts and the data downloads of ``report`` into ``out``."""
    out = Path(out)
    prepare_out(out)
    env = _environment()
    writer = _Writer(out, report, env)
    tables = export_tables(session, report)
    downloads = _write_data(writer, report, tables)
    hexmap = views.site_map(report)
    writer.file("map.svg", hexmap.svg)
    shutil.copyfile(STATIC / "style.css", out / "style.css")
    _copy_originals(writer, report)
    common = {"downloads": downloads, "tables": tables}
    writer.page(
        "index.html.j2",
        "index.html",
        hexmap=hexmap,
        headline=views.headline_figures(report),
        secondary=views.secondary_figures(report),
        charts=views.charts(report),
        trend_rows=views.trend_rows(report),
        on_map=views.on_map_codes(report),
        breakdown_rows=lambda dimension: views.breakdown_table(report, dimension),
        **common,
    )
    writer.page(
        "methodology.html.j2",
        "methodology.html",
        method=views.method_facts(report, tables),
        **common,
    )
    writer.page("bodies.html.j2", "bodies.html")
    writer.page("makers.html.j2", "makers.html")
    writer.page("data.html.j2", "data.html", **common)
    makers = {m.facts.id: m for m in report.makers}
    for body in report.bodies:
        writer.page("body.html.j2", body.page, body=body, makers=makers)
    for maker in report.makers:
        writer.page("maker.html.j2", maker.page, maker=maker)
    for doc in sorted(report.documents.values(), key=lambda d: d.id):
        writer.page("document.html.j2", doc.page, doc=doc, text=views.highlighted(doc))
    pages = sum(1 for p in writer.files if p.suffix == ".html")
    return SiteResult(
        out=out,
        index=out / "index.html",
        pages=pages,
        draft=report.draft,
        counts=hexmap.counts,
        files=sorted(writer.files),
        unmatched_hexes=hexmap.unmatched_hexes,
    )
