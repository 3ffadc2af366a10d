"""ZIP archives: every member extracted as a child, under the archive limits."""

from __future__ import annotations

from pathlib import PurePosixPath

from cctv_audit.documents import sniff as media
from cctv_audit.documents.extracted import ExtractedText, TextBuilder
from cctv_audit.documents.extractors.registry import Context, extractor
from cctv_audit.documents.safezip import open_zip, read_member

_SKIP = ("__MACOSX/", ".DS_Store", "Thumbs.db")


@extractor(media.ZIP)
def extract_zip(ctx: Context) -> ExtractedText:
    builder = TextBuilder()
    attachments = []
    with open_zip(ctx.data, ctx.filename, ctx.limits) as archive:
        for info in archive.infolist():
            if info.is_dir() or any(s in info.filename for s in _SKIP):
                continue
            data = read_member(archive, info, ctx.filename)
            attachment = ctx.child(
                data, PurePosixPath(info.filename.replace("\\", "/")).name or info.filename
            )
            attachments.append(attachment)
            label = f"member {info.filename}"
            if attachment.extracted is not None:
                builder.include(attachment.extracted, label)
            else:
                builder.marker(f"{label} (not read: {attachment.error})")
    return ExtractedText(builder.text(), ctx.media_type, builder.tables, attachments=attachments)
