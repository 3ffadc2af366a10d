"""The loaded knowledge base: look-ups by id, name or alias, and cross-checks."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from cctv_audit.errors import KnowledgeBaseError, NotFound
from cctv_audit.vendors.schema import Manufacturer, Measure, OuiBlock, Source

#: Concern codes that, on their own, make a maker "state-linked".
STATE_LINK_CONCERNS = frozenset({"state_link", "military_designation"})


def name_key(text: str) -> str:
    """Comparison key for names: case, spaces, hyphens and dots do not count."""
    return re.sub(r"[^0-9a-z]+", "", text.casefold())


class KnowledgeBase:
    """Manufacturers, measures, sources and MAC blocks, cross-checked on load."""

    def __init__(
        self,
        manufacturers: Iterable[Manufacturer],
        measures: Iterable[Measure],
        sources: dict[str, Source],
        oui: list[OuiBlock],
        matching: dict[str, Any],
        origins: dict[str, str] | None = None,
    ) -> None:
        self.manufacturers: dict[str, Manufacturer] = {}
        for maker in manufacturers:
            if maker.id in self.manufacturers:
                raise KnowledgeBaseError(f"manufacturer id {maker.id!r} is defined twice")
            self.manufacturers[maker.id] = maker
        self.measures: dict[str, Measure] = {m.id: m for m in measures}
        self.sources = sources
        self.oui = oui
        self.matching = matching
        self.origins = origins or {}  # manufacturer id -> data file, for error messages
        self._names = self._name_index()

    # -- look-ups ---------------------------------------------------------

    def _name_index(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for maker in self.manufacturers.values():
            for label in self.labels(maker):
                owner = index.setdefault(name_key(label), maker.id)
                if owner != maker.id:
                    raise KnowledgeBaseError(
                        f"name or alias {label!r} is used by both {owner!r} and {maker.id!r}; "
                        "keep it on one manufacturer"
                    )
        return index

    @staticmethod
    def labels(maker: Manufacturer) -> list[str]:
        """Every label that identifies the maker: id, name, legal names, aliases."""
        return [maker.id, maker.name, *maker.legal_names, *(a.text for a in maker.aliases)]

    def find(self, ref: str) -> Manufacturer | None:
        """The manufacturer for an id, name or alias (any case), or None."""
        maker_id = self._names.get(name_key(ref or ""))
        return self.manufacturers.get(maker_id) if maker_id else None

    def get(self, ref: str) -> Manufacturer:
        """The manufacturer for an id, name or alias; raises NotFound with suggestions."""
        maker = self.find(ref)
        if maker is None:
            raise NotFound(f"no manufacturer {ref!r} in the knowledge base{self._suggest(ref)}")
        return maker

    def _suggest(self, ref: str) -> str:
        from rapidfuzz import process

        choices = {key: self.manufacturers[mid].name for key, mid in self._names.items()}
        hits = process.extract(name_key(ref), list(choices), limit=3, score_cutoff=70)
        names = sorted({choices[key] for key, _, _ in hits})
        return f"; did you mean {', '.join(names)}?" if names else "; try `cctv-audit vendors list`"

    def display_name(self, maker_id: str) -> str:
        """The short name journalists use (``hikvision`` -> ``Hikvision``)."""
        return self.get(maker_id).name

    def resolve_maker(self, maker_id: str) -> str:
        """The id of whoever really makes the products (brands resolve to their maker)."""
        maker = self.get(maker_id)
        seen = {maker.id}
        while maker.made_by and maker.made_by not in seen:
            seen.add(maker.made_by)
            maker = self.manufacturers[maker.made_by]
        return maker.id

    def is_device_maker(self, maker_id: str) -> bool:
        """True for camera/recorder manufacturers and brands, False for VMS, installers, chips."""
        return self.get(maker_id).is_device_maker

    def is_state_linked(self, maker_id: str) -> bool:
        """True when the maker, its parent or its real maker has a sourced state link."""
        maker = self.get(maker_id)
        related = [maker.id, self.resolve_maker(maker.id), *self.ancestors(maker.id)]
        return any(self.manufacturers[mid].state_linked for mid in related)

    def ancestors(self, maker_id: str) -> list[str]:
        """Parent, grandparent... ids (ownership chain, not rebadges)."""
        chain: list[str] = []
        parent = self.get(maker_id).parent
        while parent and parent not in chain:
            chain.append(parent)
            parent = self.manufacturers[parent].parent
        return chain

    def brands_of(self, maker_id: str) -> list[Manufacturer]:
        """Entries owned by, or rebadging products of, this maker."""
        return [
            m
            for m in self.manufacturers.values()
            if m.id != maker_id
            and (m.parent == maker_id or any(r.maker == maker_id for r in m.rebadges))
        ]

    def measures_for(self, maker_id: str) -> list[Measure]:
        """Measures naming this maker (directly or through its entry), oldest first."""
        maker = self.get(maker_id)
        ids = set(maker.measures) | {m.id for m in self.measures.values() if maker.id in m.names}
        return sorted((self.measures[i] for i in ids), key=lambda m: m.date)

    def oui_for(self, maker_id: str) -> list[OuiBlock]:
        """MAC-address blocks registered to this maker."""
        return [block for block in self.oui if block.manufacturer_id == maker_id]

    # -- cross-checks -----------------------------------------------------

    def check(self) -> None:
        """Fail on dangling references and examples that do not match their pattern."""
        for maker in self.manufacturers.values():
            where = self._where(maker.id)
            refs = [("parent", maker.parent)] + [
                ("rebadges.maker", r.maker) for r in maker.rebadges
            ]
            for field, ref in refs:
                if ref and ref not in self.manufacturers:
                    raise KnowledgeBaseError(
                        f"{where}: {field} {ref!r} is not a known manufacturer id"
                    )
            for measure_id in maker.measures:
                if measure_id not in self.measures:
                    raise KnowledgeBaseError(
                        f"{where}: measure {measure_id!r} is not in measures.yaml"
                    )
            self._check_models(maker)
            self._check_state_link(maker)
        for measure in self.measures.values():
            for name in measure.names:
                if name not in self.manufacturers:
                    raise KnowledgeBaseError(
                        f"measure {measure.id!r}: names unknown manufacturer {name!r}"
                    )
        for block in self.oui:
            if block.manufacturer_id not in self.manufacturers:
                raise KnowledgeBaseError(
                    f"oui.tsv {block.prefix}: unknown manufacturer {block.manufacturer_id!r}"
                )

    def _where(self, maker_id: str) -> str:
        return f"{self.origins.get(maker_id, 'manufacturers')}: manufacturer {maker_id!r}"

    def _check_models(self, maker: Manufacturer) -> None:
        for i, model in enumerate(maker.models):
            regex = re.compile(model.pattern)
            if regex.groups:
                raise KnowledgeBaseError(
                    f"{self._where(maker.id)}: models.{i} pattern {model.pattern!r} has a capturing "
                    "group; write (?:...) instead"
                )
            for example in model.examples:
                if not regex.match(example):
                    raise KnowledgeBaseError(
                        f"{self._where(maker.id)}: models.{i} pattern {model.pattern!r} "
                        f"does not match its example {example!r}"
                    )

    def _check_state_link(self, maker: Manufacturer) -> None:
        has_reason = any(o.state for o in maker.ownership) or any(
            c.code in STATE_LINK_CONCERNS for c in maker.concerns
        )
        related = [self.manufacturers.get(ref or "") for ref in (maker.parent, maker.made_by)]
        inherited = any(m is not None and m.state_linked for m in related)
        if maker.state_linked and not (has_reason or inherited):
            raise KnowledgeBaseError(
                f"{self._where(maker.id)}: state_linked is true but no state shareholder, "
                "state-link concern, state-linked parent or real maker is recorded; add the sourced reason"
            )
        if has_reason and not maker.state_linked:
            raise KnowledgeBaseError(
                f"{self._where(maker.id)}: a state link is recorded but state_linked is false"
            )
        if inherited and not maker.state_linked:
            # Keeps the stored flag equal to is_state_linked, so readers of the field cannot disagree.
            raise KnowledgeBaseError(
                f"{self._where(maker.id)}: its parent or real maker is state-linked but state_linked "
                "is false; set state_linked: true"
            )
