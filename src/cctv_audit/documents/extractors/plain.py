"""Plain text and CSV/TSV."""

from __future__ import annotations

import csv
import io
import re

from cctv_audit.documents import sniff as media
from cctv_audit.documents.extracted import ExtractedText, TextBuilder, clean
from cctv_audit.documents.extractors.registry import Context, extractor

_SOURCE_LINE = re.compile(r"^SOURCE:\s*(\S+)\s*$")


def decode_text(data: bytes) -> tuple[str, str | None]:
    """Decode bytes of unknown encoding: UTF-8/16 by BOM or validity, else the best guess (with a warning)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace"), None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace"), None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:  # UK public bodies' non-UTF-8 files are nearly always Windows-1252
        return data.decode("cp1252"), "not UTF-8: decoded as cp1252"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best else "cp1252"
    return data.decode(encoding, "replace"), f"not UTF-8: decoded as {encoding}"


@extractor(media.TEXT, media.JSON)
def extract_text(ctx: Context) -> ExtractedText:
    """Text as it is; a first line ``SOURCE: <url>`` (a saved web page) becomes ``source_url``."""
    text, warning = decode_text(ctx.data)
    if warning:
        ctx.warnings.append(f"{ctx.filename}: {warning}")
    text = clean(text)
    source_url = None
    first, _, rest = text.partition("\n")
    match = _SOURCE_LINE.match(first)
    if match:
        source_url, text = match.group(1), rest
    return ExtractedText(text=text, media_type=ctx.media_type, source_url=source_url)


@extractor(media.CSV)
def extract_csv(ctx: Context) -> ExtractedText:
    """Every row as a table row (delimiter sniffed: comma, semicolon, tab or pipe)."""
    text, warning = decode_text(ctx.data)
    if warning:
        ctx.warnings.append(f"{ctx.filename}: {warning}")
    try:
        dialect = csv.Sniffer().sniff(text[:20_000], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel_tab if ctx.filename.lower().endswith(".tsv") else csv.excel
    rows = list(csv.reader(io.StringIO(text, newline=""), dialect))
    builder = TextBuilder()
    builder.table(rows, where="table 1")
    return ExtractedText(text=builder.text(), media_type=ctx.media_type, tables=builder.tables)
