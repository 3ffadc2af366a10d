"""Test data of the foi tests: councils over the four nations with FOI addresses, a requester."""

from __future__ import annotations

from cctv_audit.registry import BodyRecord

REQUESTER = {
    "name": "Alex Researcher",
    "email": "alex@campaign.test",
    "organisation": "Open CCTV Project",
}
NATIONS = ["England", "Scotland", "Wales", "Northern Ireland"]


def body_records(count: int) -> list[BodyRecord]:
    """``count`` councils over the four nations, each with an FOI address on its own domain."""
    records = []
    for n in range(count):
        nation = NATIONS[n % 4]
        records.append(
            BodyRecord(
                code=f"T{n:03d}",
                name=f"Test Council {n:03d}",
                short_name=f"Test {n:03d}",
                nation=nation,
                body_type="UA",
                body_type_name="Unitary authority",
                regime="FOISA" if nation == "Scotland" else "FOIA",
                source="test",
                foi_email=f"foi@council{n:03d}.test",
                email_domains=(f"council{n:03d}.test",),
            )
        )
    return records
