"""Publishing a survey: the static report site, the UK hex map, charts and exports.

Public API::

    publish_site(store, survey, out, options=None)        -> SiteResult (out, index, pages, draft, counts)
    render_survey_map(store, survey, out=None, options=None) -> HexMap (svg, counts, beside, unmatched_hexes)
    export_survey(store, survey, fmt, out, options=None)   -> list[Path]  (fmt: csv xlsx json sqlite ftm)
    publish_demo(store, out="site")                        -> SiteResult  (bundled known disclosures)
    hex_coverage(session)                                  -> Coverage    (hex layout vs registry)
    build_report(session, survey, options)                 -> Report      (what every output renders)
    render_hex_map(bodies, title=..., labels=False)        -> HexMap      (pure SVG from MapBody rows)

``survey`` is a survey id or slug, or None / ``"all"`` for every claim outside rounds.
``PublishOptions(reviewed_only, redact, today, title)`` controls what is published.
"""

from cctv_audit.publish.api import (
    Coverage,
    export_survey,
    hex_coverage,
    publish_demo,
    publish_site,
    render_survey_map,
)
from cctv_audit.publish.categories import CATEGORIES, Category, categorize
from cctv_audit.publish.exports import FORMATS
from cctv_audit.publish.hexlayout import HEXMAP_ATTRIBUTION, HexLayout, load_hex_layout
from cctv_audit.publish.hexmap import HexMap, MapBody, render_hex_map
from cctv_audit.publish.redact import Redactor, redact_text, redactor_for
from cctv_audit.publish.report import ALL_CLAIMS, PublishOptions, Report, build_report
from cctv_audit.publish.site import SiteResult

__all__ = [
    "ALL_CLAIMS",
    "CATEGORIES",
    "FORMATS",
    "HEXMAP_ATTRIBUTION",
    "Category",
    "Coverage",
    "HexLayout",
    "HexMap",
    "MapBody",
    "PublishOptions",
    "Redactor",
    "Report",
    "SiteResult",
    "build_report",
    "categorize",
    "export_survey",
    "hex_coverage",
    "load_hex_layout",
    "publish_demo",
    "publish_site",
    "redact_text",
    "redactor_for",
    "render_hex_map",
    "render_survey_map",
]
