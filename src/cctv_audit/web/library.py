"""Where the web layer reaches into the library: one place naming each function it calls.

The domain packages are the only place decisions are made; this module fetches
their functions by name so that a missing one gives a clear message (naming
the package and function) instead of an import error at start-up.
"""

from __future__ import annotations

import importlib
from typing import Any

from cctv_audit.errors import WebError


class FeatureUnavailable(WebError):
    """A library function this page needs is not installed in this version."""


def function(package: str, name: str) -> Any:
    """``cctv_audit.<package>.<name>``, or FeatureUnavailable naming what is missing."""
    try:
        module = importlib.import_module(f"cctv_audit.{package}")
    except ImportError as exc:
        raise FeatureUnavailable(f"the {package} package cannot be imported: {exc}") from exc
    found = getattr(module, name, None)
    if found is None:
        raise FeatureUnavailable(f"this needs cctv_audit.{package}.{name}, which this version does not provide")
    return found


def available(package: str, name: str) -> bool:
    """True when ``cctv_audit.<package>.<name>`` exists."""
    try:
        function(package, name)
    except FeatureUnavailable:
        return False
    return True
