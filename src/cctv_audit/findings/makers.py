"""What findings needs to know about a maker, from the one knowledge base (``vendors``).

A name the knowledge base does not know (a small installer's own brand, a typo a reviewer
kept) is still a maker a body named: it keeps its own slug as id and is never state-linked,
since only a sourced link in ``vendors`` makes a maker state-linked. A broken knowledge-base
file is not tolerated here: ``load_kb`` raises ``KnowledgeBaseError`` naming the file.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from cctv_audit import vendors


@dataclass
class MakerInfo:
    """Id, display name, real maker, state link and risk flags of a maker."""

    id: str
    name: str
    maker_id: str
    state_linked: bool
    risk_severity: int = 0
    risk_label: str | None = None
    flags: list[tuple[str, int, str]] = field(default_factory=list)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.strip().lower()).strip("-")


@functools.lru_cache(maxsize=4096)
def maker_info(ref: str) -> MakerInfo:
    """The maker named ``ref`` (id, name or alias); cached, so treat the result as read-only."""
    kb = vendors.load_kb()
    manufacturer = kb.find(ref)
    if manufacturer is None:
        ident = _slug(ref)
        name = ref.strip() if ref.strip() and not ref.islower() else ident.replace("-", " ").title()
        return MakerInfo(ident, name, ident, False)
    assessment = vendors.assess(manufacturer.id)
    return MakerInfo(
        id=manufacturer.id,
        name=manufacturer.name,
        maker_id=kb.resolve_maker(manufacturer.id),
        state_linked=vendors.is_state_linked(manufacturer.id),
        risk_severity=int(assessment.severity or 0),
        risk_label=assessment.label,
        flags=[(f.code, int(f.severity), f.title) for f in assessment.flags],
    )
