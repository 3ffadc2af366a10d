"""Standard withholding wording, loaded and validated in one place."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import yaml

from cctv_audit.errors import InputError


@dataclass(frozen=True)
class Ground:
    law: str
    code: str
    citation: str
    text: str


@functools.cache
def grounds() -> dict[tuple[str, str], Ground]:
    raw = yaml.safe_load(
        resources.files("cctv_audit.inventory").joinpath("data", "withholding.yaml").read_text()
    )
    table = {}
    for law, entries in raw.items():
        for code, entry in entries.items():
            table[(law, code)] = Ground(
                law, code, entry["citation"], " ".join(entry["text"].split())
            )
    return table


def ground_for(law: str, code: str) -> Ground:
    """The wording for ``code`` (``s24``, ``s31``, ``s35``) under ``law``; InputError when the law has no such ground."""
    key = (law, code.lower().replace(".", "").replace(" ", ""))
    if key not in grounds():
        offered = ", ".join(c for (l, c) in grounds() if l == law)
        raise InputError(
            f"{code!r} is not a withholding ground offered under {law}; choose one of {offered}"
        )
    return grounds()[key]
