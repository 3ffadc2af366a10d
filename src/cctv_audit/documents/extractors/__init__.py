"""Text extractors, one module per family, each registering its media types on import."""

from cctv_audit.documents.extractors import (  # noqa: F401 - imported for their registrations
    archive,
    html,
    images,
    mail,
    outlook,
    pdf,
    plain,
    refused,
    sheets,
    word,
)
from cctv_audit.documents.extractors.registry import EXTRACTORS, Context, extractor, run_extractor

__all__ = ["EXTRACTORS", "Context", "extractor", "run_extractor"]
