"""A generated corpus of hostile and broken files: each name maps to the code it must be recorded with.

``expected`` values: an ``error_code`` for files that must fail, or ``"ok"``
for files that must be read safely (with a warning where the name lies).
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

import docfixtures as fx

MB = 1024 * 1024
LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">' for i in range(1, 10)
    )
    + "]>\n"
)
XXE = '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'


def _replace_member(data: bytes, member: str, new: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, new if info.filename == member else source.read(info))
    return out.getvalue()


def _with_dtd(data: bytes, member: str, prolog: str, entity: str) -> bytes:
    xml = zipfile.ZipFile(io.BytesIO(data)).read(member).decode()
    body = xml.split("?>", 1)[1] if xml.startswith("<?xml") else xml
    body = body.replace("Hikvision", f"&{entity};", 1)
    return _replace_member(data, member, (prolog + body).encode())


def _zeros_zip(members: int, size: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        chunk = b"\0" * size
        for n in range(members):
            archive.writestr(f"zeros{n}.txt", chunk)
    return out.getvalue()


def _nested_zip(levels: int) -> bytes:
    data = fx.make_csv()
    name = "cams.csv"
    for level in range(levels):
        data, name = fx.make_zip({name: data}), f"level{level}.zip"
    return data


def _png_bomb() -> bytes:
    """A tiny PNG that declares 40,000 x 40,000 pixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", 40000, 40000, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 1000))
        + chunk(b"IEND", b"")
    )


def _encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(fx.make_pdf())))
    writer.encrypt("secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _encrypted_zip_member() -> bytes:
    data = bytearray(fx.make_zip({"cams.csv": fx.make_csv()}))
    # Set the "encrypted" flag bit in the local and central headers, as a password tool would.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        data[at + offset] |= 0x1
    return bytes(data)


def build(folder: Path) -> dict[str, str]:
    """Write the corpus into ``folder``; returns ``{file name: expected code or "ok"}``."""
    docx, xlsx, pdf = fx.make_docx(), fx.make_xlsx(), fx.make_pdf()
    files: dict[str, tuple[bytes, str]] = {
        "zip_bomb_ratio.zip": (_zeros_zip(1, 40 * MB), "unsafe"),
        "zip_bomb_total.zip": (_zeros_zip(30, 10 * MB), "unsafe"),
        "zip_nested_deep.zip": (_nested_zip(8), "ok"),  # read; too-deep members recorded inside
        "billion_laughs.docx": (_with_dtd(docx, "word/document.xml", LAUGHS, "lol9"), "unsafe"),
        "billion_laughs.xlsx": (
            _with_dtd(xlsx, "xl/worksheets/sheet1.xml", LAUGHS, "lol9"),
            "unsafe",
        ),
        "xxe.docx": (_with_dtd(docx, "word/document.xml", XXE, "xxe"), "unsafe"),
        "xxe.xlsx": (_with_dtd(xlsx, "xl/worksheets/sheet1.xml", XXE, "xxe"), "unsafe"),
        "billion_laughs.ods": (_with_dtd(fx.make_ods(), "content.xml", LAUGHS, "lol9"), "unsafe"),
        "docx_bomb_member.docx": (
            _replace_member(docx, "word/styles.xml", b"<a/>" + b" " * (60 * MB)),
            "unsafe",
        ),
        "encrypted.pdf": (_encrypted_pdf(), "encrypted"),
        "encrypted_member.zip": (_encrypted_zip_member(), "encrypted"),
        "truncated.pdf": (pdf[: len(pdf) // 3], "corrupt"),
        "truncated_header.pdf": (pdf[:40], "corrupt"),
        "truncated.docx": (docx[: len(docx) // 2], "corrupt"),
        "truncated.xlsx": (xlsx[: len(xlsx) // 2], "corrupt"),
        "truncated.zip": (fx.make_zip({"a.csv": fx.make_csv(), "b.docx": docx})[:300], "corrupt"),
        "docx_garbage_xml.docx": (
            _replace_member(docx, "word/document.xml", b"<not-closed"),
            "corrupt",
        ),
        "empty.pdf": (b"", "corrupt"),
        "whitespace.txt": (b"   \n\n  ", "corrupt"),
        "random.pdf": (bytes(range(256)) * 64, "unsupported"),
        "random.bin": (bytes(reversed(range(256))) * 64, "unsupported"),
        "gzip.gz": (__import__("gzip").compress(b"hello"), "unsupported"),
        "letter.rtf": (rb"{\rtf1\ansi Hello}", "unsupported"),
        "truncated_ole.msg": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "unsupported"),
        "png_bomb.png": (_png_bomb(), "too_large"),
        "malformed_email.eml": (b"From: \nSubject: \n\n", "corrupt"),
        "pdf_named.xlsx": (pdf, "ok"),
        "docx_named.pdf": (docx, "ok"),
        "html_with_scripts.html": (
            b"<html><body><script>alert('x')</script><p>Hikvision 4</p>"
            b"<img src=x onerror=alert(1)><style>body{}</style></body></html>",
            "ok",
        ),
        "deeply_nested.html": (b"<div>" * 100_000 + b"Hikvision" + b"</div>" * 100_000, "ok"),
        "path_traversal.zip": (fx.make_zip({"../../../../tmp/evil.csv": fx.make_csv()}), "ok"),
        "email_broken_attachment.eml": (
            fx.make_eml(attachments=[("r.pdf", b"%PDF-1.7 broken", "application/pdf")]),
            "ok",
        ),
        "nul_bytes.csv": (b"a,b\x00,c\n" * 50 + b"\x00" * 500, "unsupported"),
    }
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    with (folder / "huge_200mb.pdf").open("wb") as handle:
        handle.truncate(200 * MB)  # sparse: created instantly, takes no disk
    expected = {name: code for name, (_, code) in files.items()}
    expected["huge_200mb.pdf"] = "too_large"
    return expected
