"""`cctv-audit publish`, `map` and `export`: the report site, the hex map, and data exports."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from cctv_audit.cli.common import console, fail, get_store, info, print_json, print_table

SURVEY_HELP = (
    "Survey id or slug; 'all' for every claim outside rounds (e.g. the known public disclosures)."
)


def _options(reviewed_only: bool, redact: bool, as_of: str | None, title: str | None = None):
    from cctv_audit.publish import PublishOptions

    try:
        today = dt.date.fromisoformat(as_of) if as_of else None
    except ValueError:
        raise fail(f"--as-of {as_of!r}: give a date as YYYY-MM-DD") from None
    return PublishOptions(reviewed_only=reviewed_only, redact=redact, today=today, title=title)


_REVIEWED = typer.Option(
    False, "--reviewed-only", help="Leave out claims not yet confirmed by review."
)
_REDACT = typer.Option(
    True,
    "--redact/--no-redact",
    help="Black out the requester's personal data (name, e-mail, address, phone) in published "
    "letters and replies and withhold the originals; --no-redact publishes them.",
)
_AS_OF = typer.Option(
    None, "--as-of", help="Report date YYYY-MM-DD (decides what is overdue) (default: today)."
)
_JSON = typer.Option(False, "--json", help="Print JSON.")


def publish_cmd(
    survey: str = typer.Argument(..., help=SURVEY_HELP),
    out: Path = typer.Option(
        ..., "--out", "-o", help="Folder for the site (created; replaced if made by publish)."
    ),
    reviewed_only: bool = _REVIEWED,
    redact: bool = _REDACT,
    as_of: str = _AS_OF,
    title: str = typer.Option(None, "--title", help="Report title (default: the survey's name)."),
    as_json: bool = _JSON,
) -> None:
    """Publish the static report site: figures, map, charts, a page per body and maker, data downloads."""
    from cctv_audit.publish import publish_site

    info(f"publishing {survey} into {out} ...")
    result = publish_site(get_store(), survey, out, _options(reviewed_only, redact, as_of, title))
    if as_json:
        print_json(
            {
                "out": str(result.out),
                "index": str(result.index),
                "pages": result.pages,
                "draft": result.draft,
                "counts": result.counts,
            }
        )
        return
    _print_counts(result.counts)
    draft = (
        " [yellow](draft: some published claims are not reviewed)[/yellow]" if result.draft else ""
    )
    console.print(f"{result.pages} pages written{draft}. Open {result.index.resolve().as_uri()}")


def _print_counts(counts: dict[str, int]) -> None:
    from cctv_audit.publish import CATEGORIES

    print_table(
        "Bodies per finding", ["finding", "bodies"], [(c.label, counts[c.key]) for c in CATEGORIES]
    )


def map_cmd(
    survey: str = typer.Argument(..., help=SURVEY_HELP),
    out: Path = typer.Option(..., "--out", "-o", help="SVG file to write, e.g. map.svg."),
    reviewed_only: bool = _REVIEWED,
    as_of: str = _AS_OF,
    labels: bool = typer.Option(
        True, "--labels/--no-labels", help="Print body codes in the hexes."
    ),
    as_json: bool = _JSON,
) -> None:
    """Draw the UK hex map of local authorities coloured by finding, with a legend and counts."""
    from cctv_audit.publish import render_survey_map

    result = render_survey_map(
        get_store(), survey, out, _options(reviewed_only, False, as_of), labels=labels
    )
    if as_json:
        print_json(
            {"out": str(out), "counts": result.counts, "beside": [b.code for b in result.beside]}
        )
        return
    _print_counts(result.counts)
    console.print(f"map written to {out} ({len(result.beside)} bodies listed beside the map)")


def export_cmd(
    survey: str = typer.Argument(..., help=SURVEY_HELP),
    fmt: str = typer.Option(
        ..., "--format", "-f", help="csv (a folder of files), xlsx, json, sqlite, ftm."
    ),
    out: Path = typer.Option(..., "--out", "-o", help="File to write (a folder for csv)."),
    reviewed_only: bool = _REVIEWED,
    redact: bool = _REDACT,
    as_of: str = _AS_OF,
    as_json: bool = _JSON,
) -> None:
    """Export bodies, requests, answers, claims, evidence and manufacturers for spreadsheets, Datasette or Aleph."""
    from cctv_audit.publish import export_survey

    paths = export_survey(
        get_store(), survey, fmt.lower(), out, _options(reviewed_only, redact, as_of)
    )
    if as_json:
        print_json([str(p) for p in paths])
        return
    for path in paths:
        console.print(str(path))
    if fmt.lower() == "sqlite":
        info(f"browse it: datasette {paths[0]} --metadata {paths[1]}")


def register(app: typer.Typer) -> None:
    app.command("publish")(publish_cmd)
    app.command("map")(map_cmd)
    app.command("export")(export_cmd)
