"""Images (scans, photos of letters): OCR page by page (multi-page TIFFs included)."""

from __future__ import annotations

import io

from cctv_audit.documents.errors import CorruptDocument, NeedsOCR, TooLarge
from cctv_audit.documents.extracted import ExtractedText, TextBuilder
from cctv_audit.documents.extractors.registry import Context, extractor
from cctv_audit.documents.ocr import ocr_image

MAX_PIXELS = 180_000_000


@extractor("image/png", "image/jpeg", "image/tiff", "image/gif", "image/bmp")
def extract_image(ctx: Context) -> ExtractedText:
    from PIL import Image, ImageSequence

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        image = Image.open(io.BytesIO(ctx.data))
        image.load()
    except Image.DecompressionBombError as exc:
        raise TooLarge(f"{ctx.filename}: image too large to read safely ({exc})") from exc
    except (OSError, SyntaxError, ValueError) as exc:
        raise CorruptDocument(f"{ctx.filename}: not a readable image ({exc})") from exc
    if not ctx.limits.ocr:
        raise NeedsOCR(f"{ctx.filename}: an image; OCR is switched off for this run")
    builder = TextBuilder()
    frames = list(ImageSequence.Iterator(image))[: ctx.limits.max_pages]
    for number, frame in enumerate(frames, start=1):
        if len(frames) > 1:
            builder.marker(f"page {number}")
        builder.paragraph(ocr_image(frame, f"{ctx.filename} page {number}"))
    result = ExtractedText(
        text=builder.text(), media_type=ctx.media_type, pages=len(frames), ocr=True
    )
    if not result.text.strip():
        result.warnings.append(f"{ctx.filename}: OCR found no text in the image")
    return result
