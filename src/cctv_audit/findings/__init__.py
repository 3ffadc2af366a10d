"""Claims with evidence, review, findings per body, and statistics with honest denominators.

Public API (all take a SQLAlchemy ``Session`` from ``store.session()``; see docs/findings.md)::

    record_claim(session, *, body_id, manufacturer_id, polarity, device_count, as_of, origin,
                 evidence=[EvidenceInput...], original_wording, ...)            -> Claim
    claims_from_answer(session, answer_record, *, body_id=None, survey_id=None,
                       request_id=None, as_of=None)                              -> list[Claim]
    effective_answers(session, answers) -> {answer id: EffectiveAnswer}  (reviews applied)
    (reading replies into answers and claims is ``cctv_audit.intake``'s job)
    add_manual_claim(session, *, body_id, manufacturer, url, as_of, ...)         -> Claim
    list_claims(session, *, body_id, maker, origin, survey_id, include_inactive) -> list[Claim]
    get_claim(session, claim_id) -> Claim;  claim_view(claim) -> ClaimView
    review_queue(session, *, survey_id=None, include_reviewed=False, limit=50)   -> list[ReviewItem]
    review_item(session, answer) -> ReviewItem;  review_history(session, answer_id) -> list[ReviewVersion]
    review_field(session, answer_id, field, action, *, after=None, reason, reviewer) -> ReviewVersion
    load_disclosures(session, csv=None)                                          -> DisclosureReport
    list_disclosures(session, *, body_id=None)                                   -> list[DisclosureView]
    body_findings(session, survey_id, *, today=None, flagged=None)               -> list[BodyFinding]
    statistics(session, survey_id=None, *, today=None, flagged=None)             -> Statistics
    trends(session, survey_id, previous_id=None, *, today=None, flagged=None)    -> Trends
    explain(session, key, survey_id=None, *, today=None, flagged=None)           -> Explanation
    to_dict(any data class above)                                                -> JSON-ready dict

"Confirmed" (what "at least N" counts): an active claim with evidence that a person reviewed
or corrected, an audit observation, a published or manual claim citing its source, or an
extraction that quotes the reply, has confidence >= ``CONFIRM_THRESHOLD`` and is not flagged
``needs_review``.

"Flagged" (what ``uses_flagged`` and the other flagged figures count): by default a maker with a
sourced link to the Chinese state (``vendors.is_state_linked``); see ``findings.flagged``. The
rule's text travels with each figure (``Figure.definition``) and ``Statistics.flagged_definition``.
"""

from cctv_audit.findings.bodies import GROUPS, body_findings, get_survey
from cctv_audit.findings.claims import (
    CONFIRM_THRESHOLD,
    add_manual_claim,
    claim_view,
    get_claim,
    is_confirmed,
    list_claims,
    make_key,
    record_claim,
)
from cctv_audit.findings.disclosures import list_disclosures, load_disclosures
from cctv_audit.findings.extraction import (
    FIELDS,
    EffectiveAnswer,
    claims_from_answer,
    effective_answer,
    effective_answers,
    latest_answers,
    retire_claims,
)
from cctv_audit.findings.flagged import (
    DEFAULT_FLAGGED,
    FLAG_DEFINITIONS,
    FlagDefinition,
    flag_definition,
)
from cctv_audit.findings.models import Claim, ClaimReview, Disclosure, Evidence
from cctv_audit.findings.passages import Passage, candidate_passages
from cctv_audit.findings.review import (
    is_pending,
    parse_field_value,
    review_field,
    review_history,
    review_item,
    review_queue,
)
from cctv_audit.findings.stats import explain, statistics
from cctv_audit.findings.trends import trends
from cctv_audit.findings.types import (
    ORIGINS,
    POLARITIES,
    STATUSES,
    BodyFinding,
    BreakdownRow,
    ClaimView,
    DisclosureReport,
    DisclosureView,
    EvidenceInput,
    EvidenceView,
    ExplainedBody,
    Explanation,
    FieldState,
    Figure,
    MakerFinding,
    ReviewItem,
    ReviewVersion,
    RiskFlagView,
    Statistics,
    TrendItem,
    Trends,
    to_dict,
)

__all__ = [
    "CONFIRM_THRESHOLD",
    "DEFAULT_FLAGGED",
    "FIELDS",
    "FLAG_DEFINITIONS",
    "GROUPS",
    "ORIGINS",
    "POLARITIES",
    "STATUSES",
    "BodyFinding",
    "BreakdownRow",
    "Claim",
    "ClaimReview",
    "ClaimView",
    "Disclosure",
    "DisclosureReport",
    "DisclosureView",
    "EffectiveAnswer",
    "Evidence",
    "EvidenceInput",
    "EvidenceView",
    "ExplainedBody",
    "Explanation",
    "FieldState",
    "Figure",
    "FlagDefinition",
    "MakerFinding",
    "Passage",
    "ReviewItem",
    "ReviewVersion",
    "RiskFlagView",
    "Statistics",
    "TrendItem",
    "Trends",
    "add_manual_claim",
    "body_findings",
    "candidate_passages",
    "claim_view",
    "claims_from_answer",
    "effective_answer",
    "effective_answers",
    "explain",
    "flag_definition",
    "get_claim",
    "get_survey",
    "is_confirmed",
    "is_pending",
    "latest_answers",
    "list_claims",
    "list_disclosures",
    "load_disclosures",
    "make_key",
    "parse_field_value",
    "record_claim",
    "retire_claims",
    "review_field",
    "review_history",
    "review_item",
    "review_queue",
    "statistics",
    "to_dict",
    "trends",
]
