"""Small helpers to write SVG by hand: escaping and stable number formatting.

Numbers are written with at most two decimals and no trailing zeros, so the same
figures always give the same bytes (the site must be byte-identical run to run).
"""

from __future__ import annotations

from html import escape


def num(value: float) -> str:
    """A coordinate as short, stable text: ``12``, ``12.5``, ``-3.25``."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def esc(text: object) -> str:
    """Text for an SVG/XML text node or attribute value."""
    return escape(str(text), quote=True)


def attrs(**values: object) -> str:
    """``key="value"`` pairs in the given order; None values are left out, ``_`` becomes ``-``."""
    parts = []
    for key, value in values.items():
        if value is None:
            continue
        name = key.rstrip("_").replace("_", "-")
        parts.append(f'{name}="{esc(num(value) if isinstance(value, float) else value)}"')
    return " ".join(parts)


def text_width(text: str, font_size: float) -> float:
    """A rough width of sans-serif text, enough to lay out legends without a font engine."""
    return len(text) * font_size * 0.56
