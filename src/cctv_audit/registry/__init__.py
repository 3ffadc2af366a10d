"""Registry of UK public bodies: every current council bundled, others imported from CSV.

Public API::

    load_bundled_councils(session)      -> LoadResult
    import_bodies_csv(session, path)    -> LoadResult (problems per line)
    list_bodies(session, nation=..., region=..., body_type=..., search=...)
    get_body(session, "EDH" | 42 | "City of Edinburgh Council")
    match_body_name(session, "Edinburgh") -> Body | None
    regime_for_nation("Scotland") -> "FOISA"
"""

from cctv_audit.registry.bundled import ATTRIBUTION, BodyRecord, iter_bundled_councils
from cctv_audit.registry.models import Body
from cctv_audit.registry.regimes import FOIA, FOISA, NATIONS, regime_for_nation
from cctv_audit.registry.service import (
    LoadResult,
    body_to_dict,
    ensure_bundled_councils,
    get_body,
    import_bodies_csv,
    list_bodies,
    load_bundled_councils,
    match_body_name,
    summary,
    upsert_bodies,
)

__all__ = [
    "ATTRIBUTION",
    "FOIA",
    "FOISA",
    "NATIONS",
    "Body",
    "BodyRecord",
    "LoadResult",
    "body_to_dict",
    "ensure_bundled_councils",
    "get_body",
    "import_bodies_csv",
    "iter_bundled_councils",
    "list_bodies",
    "load_bundled_councils",
    "match_body_name",
    "regime_for_nation",
    "summary",
    "upsert_bodies",
]
