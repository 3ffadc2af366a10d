"""What "flagged maker" means: one explicit, sourced definition behind every flagged figure.

The published headline reads "bodies that use Chinese state-linked cameras", so by default a
maker is flagged only when the knowledge base records a sourced link to the Chinese state
(``vendors.is_state_linked``: the maker, its parent or the real maker of a rebadged brand).
The knowledge base's risk severity is deliberately *not* the default: it gives severity 3 to
every maker headquartered in China (the inferred National Intelligence Law flag) and to
non-Chinese makers for other reasons (Honeywell sold Dahua products; i-PRO), which would
inflate a "state-linked" figure. The broader rule is available by name for other reports,
and its text then travels with every figure that uses it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cctv_audit.errors import FindingsError
from cctv_audit.findings.makers import MakerInfo


@dataclass(frozen=True)
class FlagDefinition:
    """A rule for "flagged maker": its key, a short label and the sentence figures carry."""

    key: str
    #: Completes "a ... maker" in labels and sentences ("state-linked").
    label: str
    #: The definition published beside every flagged figure, with where its sources are.
    text: str
    test: Callable[[MakerInfo], bool]

    def __call__(self, info: MakerInfo) -> bool:
        return bool(self.test(info))


STATE_LINKED = FlagDefinition(
    key="state_linked",
    label="state-linked",
    text=(
        "Flagged maker = a maker with a sourced link to the Chinese state in the cctv-audit knowledge "
        "base (vendors.is_state_linked): a state-owned shareholder, a recorded state-link concern or a "
        "US Chinese-military-company designation, of the maker itself, its parent company, or the real "
        "maker of a rebadged brand (HiLook is Hikvision). Being headquartered in China is not enough on "
        "its own. Sources: each maker's page, or `cctv-audit vendors show MAKER`."
    ),
    test=lambda info: info.state_linked,
)

SERIOUS_RISK = FlagDefinition(
    key="serious_risk",
    label="state-linked or high-risk",
    text=(
        "Flagged maker = state-linked (as in the default definition), or with a knowledge-base risk flag "
        "of severity 3 (medium) or more: this includes every maker headquartered in China (National "
        "Intelligence Law, inferred) and non-Chinese makers flagged for other reasons. Sources: each "
        "maker's page, or `cctv-audit vendors show MAKER`."
    ),
    test=lambda info: info.state_linked or info.risk_severity >= 3,
)

FLAG_DEFINITIONS: dict[str, FlagDefinition] = {d.key: d for d in (STATE_LINKED, SERIOUS_RISK)}
#: The definition every figure uses unless a caller picks another.
DEFAULT_FLAGGED = STATE_LINKED.key


def flag_definition(key: str | FlagDefinition | None = None) -> FlagDefinition:
    """The definition named ``key`` (default: state-linked makers only)."""
    if isinstance(key, FlagDefinition):
        return key
    found = FLAG_DEFINITIONS.get(key or DEFAULT_FLAGGED)
    if found is None:
        raise FindingsError(
            f"unknown flagged definition {key!r}; use one of {', '.join(FLAG_DEFINITIONS)}"
        )
    return found
