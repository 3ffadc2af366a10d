"""Writes Outlook .msg files for the tests: a minimal Compound File Binary (v3) writer.

No library writes .msg files, so this builds one from the specifications
([MS-CFB] for the container, [MS-OXMSG] for the streams): properties as
UTF-16 ``__substg1.0_XXXXYYYY`` streams, an attachment storage, and the
transport headers (where Message-ID and In-Reply-To live).
"""

from __future__ import annotations

import struct

SECTOR, MINI, CUTOFF = 512, 64, 4096
FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


class _Entry:
    def __init__(
        self, name: str, kind: int, data: bytes = b"", children: list | None = None
    ) -> None:
        self.name, self.kind, self.data, self.children = name, kind, data, children or []
        self.id = self.left = self.right = self.child = NOSTREAM
        self.start, self.size = END, len(data)


def _key(entry: _Entry) -> tuple[int, str]:
    return len(entry.name), entry.name.upper()


def _tree(entries: list[_Entry]) -> int:
    """Link siblings as a balanced binary search tree; returns the root id."""
    if not entries:
        return NOSTREAM
    middle = len(entries) // 2
    node = entries[middle]
    node.left, node.right = _tree(entries[:middle]), _tree(entries[middle + 1 :])
    return node.id


def _flatten(root: _Entry) -> list[_Entry]:
    order, stack = [], [root]
    while stack:
        entry = stack.pop()
        entry.id = len(order)
        order.append(entry)
        stack.extend(reversed(entry.children))
    for entry in order:
        entry.child = _tree(sorted(entry.children, key=_key))
    return order


def _chain(fat: list[int], start: int, count: int) -> None:
    for n in range(count):
        fat[start + n] = start + n + 1 if n < count - 1 else END


def _pad(data: bytes, size: int) -> bytes:
    return data + b"\0" * (-len(data) % size)


def build_cfb(root_children: list[_Entry]) -> bytes:
    root = _Entry("Root Entry", 5, children=root_children)
    entries = _flatten(root)
    streams = [e for e in entries if e.kind == 2]
    mini_stream, minifat = b"", []
    for entry in streams:
        if 0 < entry.size < CUTOFF:
            entry.start = len(mini_stream) // MINI
            count = -(-entry.size // MINI)
            minifat.extend(entry.start + n + 1 if n < count - 1 else END for n in range(count))
            mini_stream += _pad(entry.data, MINI)
    body, fat = b"", []

    def place(data: bytes) -> int:
        nonlocal body
        start, count = len(body) // SECTOR, -(-len(data) // SECTOR)
        fat.extend([FREE] * count)
        _chain(fat, start, count)
        body += _pad(data, SECTOR)
        return start

    root.start, root.size = (place(mini_stream), len(mini_stream)) if mini_stream else (END, 0)
    for entry in streams:
        if entry.size >= CUTOFF:
            entry.start = place(entry.data)
    minifat_bytes = b"".join(struct.pack("<I", v) for v in minifat)
    minifat_start = place(_pad(minifat_bytes, SECTOR)) if minifat else END
    directory = b"".join(_dir_entry(e) for e in entries)
    directory_start = place(_pad(directory, SECTOR))
    fat_count = 1
    while (len(fat) + fat_count) > fat_count * (SECTOR // 4):
        fat_count += 1
    fat_start = len(fat)
    fat.extend([FATSECT] * fat_count)
    fat.extend([FREE] * (fat_count * (SECTOR // 4) - len(fat)))
    body += b"".join(struct.pack("<I", v) for v in fat)
    header = _header(
        fat_count, fat_start, directory_start, minifat_start, -(-len(minifat_bytes) // SECTOR)
    )
    return header + body


def _header(
    fat_count: int, fat_start: int, directory_start: int, minifat_start: int, minifat_count: int
) -> bytes:
    difat = [fat_start + n for n in range(fat_count)] + [FREE] * (109 - fat_count)
    return (
        bytes.fromhex("D0CF11E0A1B11AE1")
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack(
            "<IIIIIIIII",
            0,
            fat_count,
            directory_start,
            0,
            CUTOFF,
            minifat_start,
            minifat_count,
            END,
            0,
        )
        + b"".join(struct.pack("<I", v) for v in difat)
    )


def _dir_entry(entry: _Entry) -> bytes:
    name = entry.name.encode("utf-16-le") + b"\0\0"
    return (
        name.ljust(64, b"\0")
        + struct.pack("<HBB", len(name), entry.kind, 1)
        + struct.pack("<III", entry.left, entry.right, entry.child)
        + b"\0" * 16
        + b"\0" * 4
        + b"\0" * 16
        + struct.pack("<IQ", entry.start if entry.size else END, entry.size)
    )


def _text(tag: int, value: str) -> _Entry:
    return _Entry(f"__substg1.0_{tag:04X}001F", 2, value.encode("utf-16-le"))


def _properties(header: bytes, longs: dict[int, int]) -> _Entry:
    rows = b"".join(
        struct.pack("<IIQ", (tag << 16) | 0x0003, 6, value) for tag, value in longs.items()
    )
    return _Entry("__properties_version1.0", 2, header + rows)


def make_msg(
    *,
    subject: str,
    body: str,
    sender: str,
    to: str,
    headers: str,
    attachments: list[tuple[str, bytes]] = (),
) -> bytes:
    """An Outlook message (IPM.Note) with transport headers and attachments by value."""
    parts = [
        _text(0x001A, "IPM.Note"),
        _text(0x0037, subject),
        _text(0x1000, body),
        _text(0x0C1A, sender),
        _text(0x0C1F, sender),
        _text(0x0E04, to),
        _text(0x007D, headers),
        _Entry(
            "__nameid_version1.0",
            1,
            children=[
                _Entry("__substg1.0_00020102", 2),
                _Entry("__substg1.0_00030102", 2),
                _Entry("__substg1.0_00040102", 2),
            ],
        ),
    ]
    for number, (name, data) in enumerate(attachments):
        parts.append(
            _Entry(
                f"__attach_version1.0_#{number:08X}",
                1,
                children=[
                    _properties(b"\0" * 8, {0x3705: 1, 0x0E21: number}),
                    _Entry("__substg1.0_37010102", 2, data),
                    _text(0x3707, name),
                    _text(0x3704, name),
                ],
            )
        )
    count = len(attachments)
    parts.append(_properties(b"\0" * 8 + struct.pack("<IIII", 0, count, 0, count) + b"\0" * 8, {}))
    return build_cfb(parts)
