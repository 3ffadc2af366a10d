"""OCR through Tesseract (Debian ``tesseract-ocr``) with pytesseract.

``CCTV_AUDIT_TESSERACT`` names the binary when it is not on PATH (or, set to a
missing path, simulates a machine without it). Without Tesseract a document
whose text is only in images is marked ``needs_ocr``, never stored as empty.
"""

from __future__ import annotations

import functools
import os
import shutil

from cctv_audit.documents.errors import NeedsOCR

ENV = "CCTV_AUDIT_TESSERACT"
LANGUAGE = os.environ.get("CCTV_AUDIT_OCR_LANG", "eng")


@functools.cache
def _tesseract_for(configured: str) -> str | None:
    return shutil.which(configured)


def tesseract_path() -> str | None:
    """The Tesseract binary to use, or None when it is not installed."""
    return _tesseract_for(os.environ.get(ENV) or "tesseract")


def ocr_image(image, where: str) -> str:  # a PIL image; PIL is imported lazily
    """The text Tesseract reads in ``image``; raises :class:`NeedsOCR` when it cannot run."""
    import pytesseract

    binary = tesseract_path()
    if binary is None:
        raise NeedsOCR(
            f"{where}: the text is only in images and Tesseract is not installed; "
            "install it (apt-get install tesseract-ocr tesseract-ocr-eng), then run "
            "`cctv-audit documents reextract --status needs_ocr`"
        )
    pytesseract.pytesseract.tesseract_cmd = binary
    if image.mode not in ("L", "RGB"):
        image = image.convert("RGB")
    try:
        return pytesseract.image_to_string(image, lang=LANGUAGE)
    except (pytesseract.TesseractError, OSError) as exc:
        raise NeedsOCR(
            f"{where}: Tesseract failed ({exc}); check the image and ingest again"
        ) from exc
