"""A public body's own camera inventory: asset registers, audit results, FOI replies, phase-out.

Public API::

    import_assets(session, body, path, mapping={"make": "Manufacturer"}) -> ImportReport
    merge_audit(session, body, audited_devices(session, run_id)) -> MergeReport
    summarise(session, body_id) -> InventorySummary
    draft_response(session, body, reference=..., withhold={"makers": "s24"}) -> ResponseDraft
    write_docx(draft, path); write_pdf(draft, path)
    plan(session, body_id) -> list[PlanItem]; set_status(session, asset_id, "ordered", date)
    status_on(session, body_id, date) -> ProgressPoint; progress(session, body_id) -> list[ProgressPoint]
    write_programme_report(session, body, out_dir) -> list[Path]
"""

from cctv_audit.inventory.assets import (
    AuditedDevice,
    ImportReport,
    MergeReport,
    audited_devices,
    import_assets,
    merge_audit,
)
from cctv_audit.inventory.columns import FIELDS, map_columns
from cctv_audit.inventory.models import Asset, PhaseoutEvent
from cctv_audit.inventory.phaseout import (
    STATUSES,
    PlanItem,
    ProgressPoint,
    plan,
    progress,
    set_status,
    status_on,
)
from cctv_audit.inventory.render import write_docx, write_pdf
from cctv_audit.inventory.report import write_programme_report
from cctv_audit.inventory.respond import QUESTIONS, ResponseDraft, draft_response
from cctv_audit.inventory.summary import InventorySummary, MakerCount, summarise

__all__ = [
    "FIELDS",
    "QUESTIONS",
    "STATUSES",
    "Asset",
    "AuditedDevice",
    "ImportReport",
    "InventorySummary",
    "MakerCount",
    "MergeReport",
    "PhaseoutEvent",
    "PlanItem",
    "ProgressPoint",
    "ResponseDraft",
    "audited_devices",
    "draft_response",
    "import_assets",
    "map_columns",
    "merge_audit",
    "plan",
    "progress",
    "set_status",
    "status_on",
    "summarise",
    "write_docx",
    "write_pdf",
    "write_programme_report",
]
