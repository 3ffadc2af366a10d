"""Tables of the public-body registry."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from cctv_audit.store.base import Base, JSONText, utcnow


class Body(Base):
    """A public body that can be asked under FOIA or FOISA (a council, police force, trust...)."""

    __tablename__ = "bodies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: Stable short code: the register's code for councils (``ABD``), a slug for imports.
    code: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(255))
    short_name: Mapped[str] = mapped_column(String(255))
    nation: Mapped[str] = mapped_column(String(32), index=True)
    region: Mapped[str | None] = mapped_column(String(64), index=True)
    #: Type code, e.g. ``LBO``, ``SCO``, ``police``, ``nhs_trust``.
    body_type: Mapped[str] = mapped_column(String(32), index=True)
    body_type_name: Mapped[str] = mapped_column(String(128))
    #: ``FOIA`` or ``FOISA``: Scottish bodies answer under FOISA 2002.
    regime: Mapped[str] = mapped_column(String(8))
    gss_code: Mapped[str | None] = mapped_column(String(16), index=True)
    wdtk_id: Mapped[str | None] = mapped_column(String(128))
    population: Mapped[int | None] = mapped_column(Integer)
    parent_code: Mapped[str | None] = mapped_column(String(64))
    website: Mapped[str | None] = mapped_column(String(255))
    foi_email: Mapped[str | None] = mapped_column(String(255))
    #: Mail domains the body writes from: used to match replies to requests.
    email_domains: Mapped[list[str]] = mapped_column(JSONText, default=list)
    alt_names: Mapped[list[str]] = mapped_column(JSONText, default=list)
    #: Where the row came from: ``mysociety-register`` or ``import:<file name>``.
    source: Mapped[str] = mapped_column(String(255))
    notes: Mapped[str | None] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    def __repr__(self) -> str:
        return f"Body({self.code!r}, {self.name!r})"
