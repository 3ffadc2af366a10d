"""Counting the inventory: makers with camera and recorder counts, flagged makers, sites."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from cctv_audit import vendors
from cctv_audit.inventory.models import Asset


@dataclass
class MakerCount:
    maker_id: str
    name: str
    cameras: int = 0
    recorders: int = 0
    flagged: bool = False
    #: Brands seen for this maker when they differ from its name (rebadges).
    brands: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.cameras + self.recorders


@dataclass
class InventorySummary:
    body_id: int
    makers: list[MakerCount]
    unidentified: int
    sites: dict[str, Counter]

    @property
    def total(self) -> int:
        return sum(m.total for m in self.makers) + self.unidentified

    @property
    def flagged(self) -> list[MakerCount]:
        return [m for m in self.makers if m.flagged]


def body_assets(session: Session, body_id: int) -> list[Asset]:
    return list(session.scalars(select(Asset).where(Asset.body_id == body_id).order_by(Asset.id)))


def maker_name(maker_id: str) -> str:
    found = vendors.load_kb().find(maker_id)
    return found.name if found else maker_id  # unknown id: show it rather than fail a whole report


def summarise(session: Session, body_id: int) -> InventorySummary:
    """Counts per real maker (cameras and recorders), flagged makers, and per-site counts."""
    makers: dict[str, MakerCount] = {}
    sites: dict[str, Counter] = {}
    unidentified = 0
    for asset in body_assets(session, body_id):
        site = asset.site or "(no site)"
        if asset.maker_id is None:
            unidentified += 1
            sites.setdefault(site, Counter())["unidentified"] += 1
            continue
        count = makers.get(asset.maker_id)
        if count is None:
            count = MakerCount(
                asset.maker_id,
                maker_name(asset.maker_id),
                flagged=vendors.is_state_linked(asset.maker_id),
            )
            makers[asset.maker_id] = count
        if asset.device_type == "recorder":
            count.recorders += 1
        else:
            count.cameras += 1
        if asset.brand_id and asset.brand_id != asset.maker_id:
            brand = maker_name(asset.brand_id)
            if brand not in count.brands:
                count.brands.append(brand)
        sites.setdefault(site, Counter())[count.name] += 1
    ordered = sorted(makers.values(), key=lambda m: (-m.total, m.name))
    for maker in ordered:
        maker.brands.sort()
    return InventorySummary(body_id, ordered, unidentified, dict(sorted(sites.items())))
