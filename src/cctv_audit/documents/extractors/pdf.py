"""PDF: the text layer with pdfplumber (ruled tables kept as rows); pages without text go to OCR."""

from __future__ import annotations

import io
import logging

from cctv_audit.documents import sniff as media
from cctv_audit.documents.errors import CorruptDocument, EncryptedDocument, NeedsOCR, TooLarge
from cctv_audit.documents.extracted import ExtractedText, TextBuilder
from cctv_audit.documents.extractors.registry import Context, extractor
from cctv_audit.documents.ocr import ocr_image

log = logging.getLogger(__name__)

#: A page with fewer characters than this in its text layer but with images is a scan.
MIN_TEXT_CHARS = 20
#: A page mostly covered by images with fewer characters than this is OCR'd whole.
SCAN_MAX_CHARS = 200
OCR_DPI = 300


@extractor(media.PDF)
def extract_pdf(ctx: Context) -> ExtractedText:
    import pdfplumber

    pdf = _open(ctx)
    with pdf:
        if len(pdf.pages) > ctx.limits.max_pages:
            raise TooLarge(
                f"{ctx.filename}: {len(pdf.pages)} pages is over the {ctx.limits.max_pages}-page limit"
            )
        builder = TextBuilder()
        ocr_pages = 0
        for number, page in enumerate(pdf.pages, start=1):
            builder.marker(f"page {number}")
            try:
                ocr_pages += _page(ctx, builder, page, number)
            except (
                pdfplumber.utils.exceptions.PdfminerException,
                ValueError,
                KeyError,
                TypeError,
            ) as exc:
                raise CorruptDocument(
                    f"{ctx.filename}: page {number} cannot be read ({exc})"
                ) from exc
        pages = len(pdf.pages)
    result = ExtractedText(
        builder.text(), ctx.media_type, builder.tables, pages=pages, ocr=ocr_pages > 0
    )
    if not any(line.strip() and not line.startswith("[page ") for line in result.text.splitlines()):
        result.warnings.append(f"{ctx.filename}: the PDF has no text on any page")
    return result


def _open(ctx: Context):  # pdfplumber.PDF, imported lazily
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        return pdfplumber.open(io.BytesIO(ctx.data))
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise EncryptedDocument(
            f"{ctx.filename}: the PDF is password protected; ask the sender for an unprotected copy"
        ) from exc
    except pdfplumber.utils.exceptions.PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise EncryptedDocument(
                f"{ctx.filename}: the PDF is password protected; ask the sender for an unprotected copy"
            ) from exc
        raise CorruptDocument(
            f"{ctx.filename}: not a readable PDF ({cause!r}); it may be truncated"
        ) from exc
    except Exception as exc:  # one document: pdfminer raises many unrelated types on damaged files
        raise CorruptDocument(
            f"{ctx.filename}: not a readable PDF ({exc!r}); it may be truncated"
        ) from exc


def _page(ctx: Context, builder: TextBuilder, page, number: int) -> int:
    """Write one page: running text and tables in reading order. Returns 1 when OCR was used."""
    x0, top, x1, bottom = page.bbox
    tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])
    if _is_scan(page):
        builder.paragraph(_ocr_page(ctx, number))
        return 1
    y = top
    for table in tables:
        t_top, t_bottom = max(table.bbox[1], y), min(table.bbox[3], bottom)
        if t_top > y:
            builder.paragraph(page.crop((x0, y, x1, t_top)).extract_text() or "")
        builder.table(table.extract(), where=f"page {number}")
        y = max(y, t_bottom)
    if y < bottom:
        region = page if y == top else page.crop((x0, y, x1, bottom))
        builder.paragraph(region.extract_text() or "")
    return 0


def _is_scan(page) -> bool:
    """No real text layer but images: a scan (a stamp or page number over a scan still counts)."""
    if not page.images:
        return False
    chars = len(page.chars)
    covered = sum(max(0, i["x1"] - i["x0"]) * max(0, i["bottom"] - i["top"]) for i in page.images)
    return chars < MIN_TEXT_CHARS or (
        covered > 0.5 * page.width * page.height and chars < SCAN_MAX_CHARS
    )


def _ocr_page(ctx: Context, number: int) -> str:
    where = f"{ctx.filename} page {number}"
    if not ctx.limits.ocr:
        raise NeedsOCR(f"{where}: a scanned page (no text layer); OCR is switched off for this run")
    import pypdfium2

    document = pypdfium2.PdfDocument(ctx.data)
    try:
        image = document[number - 1].render(scale=OCR_DPI / 72).to_pil()
    finally:
        document.close()
    return ocr_image(image, where)
