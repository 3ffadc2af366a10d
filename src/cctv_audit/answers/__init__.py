"""Answer extraction with evidence: what a body answered to an FOI request about its cameras.

    from cctv_audit.answers import extract_answer
    answer = extract_answer(reply_text)
    answer.outcome, answer.manufacturers_in_use, answer.evidence

See docs/answers.md for the pipeline and how each decision is explained.
"""

from cctv_audit.answers.evaluate import EvalReport, evaluate, exemption_key
from cctv_audit.answers.extract import EXTRACTOR_VERSION, extract_answer
from cctv_audit.answers.schema import OUTCOMES, Answer, EvidenceSpan
from cctv_audit.answers.storage import extract_and_save, extract_path, save_answer

__all__ = [
    "EXTRACTOR_VERSION",
    "OUTCOMES",
    "Answer",
    "EvalReport",
    "EvidenceSpan",
    "evaluate",
    "exemption_key",
    "extract_and_save",
    "extract_answer",
    "extract_path",
    "save_answer",
]
