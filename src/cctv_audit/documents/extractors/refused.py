"""Types recognised from their bytes but not read, each with a message saying what to do."""

from __future__ import annotations

from cctv_audit.documents import sniff as media
from cctv_audit.documents.errors import EncryptedDocument, UnsupportedFormat
from cctv_audit.documents.extracted import ExtractedText
from cctv_audit.documents.extractors.registry import Context, extractor, unsupported_message


@extractor(media.OFFICE_ENCRYPTED)
def encrypted_office(ctx: Context) -> ExtractedText:
    raise EncryptedDocument(
        f"{ctx.filename}: a password-protected Office file; ask the sender for an unprotected copy"
    )


@extractor(media.DOC, media.RTF, media.OLE, media.OCTET, media.ODT, media.MBOX)
def unsupported(ctx: Context) -> ExtractedText:
    if ctx.media_type == media.MBOX:
        raise UnsupportedFormat(
            f"{ctx.filename}: an mbox mailbox; ingest it with `cctv-audit ingest PATH`"
        )
    raise UnsupportedFormat(unsupported_message(ctx.filename, ctx.media_type))
