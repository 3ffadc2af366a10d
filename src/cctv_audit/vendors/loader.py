"""Load and validate the knowledge base: the one place the YAML is read.

Every error names the file and the key at fault (``manufacturers/china.yaml:
hikvision.ownership.0.sources: unknown source 'x'``) so the person editing the
data can fix it without reading code.
"""

from __future__ import annotations

import csv
import logging
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from cctv_audit.errors import ConfigError, KnowledgeBaseError
from cctv_audit.vendors.kb import KnowledgeBase
from cctv_audit.vendors.schema import Manufacturer, Measure, OuiBlock, Source

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"
#: Environment variable naming a knowledge-base folder to use instead of the bundled one
#: (same layout as ``DATA_DIR``: sources.yaml, measures.yaml, matching.yaml, oui.tsv, manufacturers/).
DATA_DIR_ENV = "CCTV_AUDIT_VENDORS_DIR"
#: libyaml's loader is about ten times faster than the pure-Python one, when installed.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_YAML_LOADER)
    except OSError as exc:
        raise KnowledgeBaseError(
            f"{_rel(path)}: cannot read the file: {exc.strerror or exc}"
        ) from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{_rel(path)}:{mark.line + 1}" if mark is not None else _rel(path)
        problem = " ".join(
            filter(None, [getattr(exc, "context", None), getattr(exc, "problem", None)])
        )
        raise KnowledgeBaseError(
            f"{where}: not valid YAML: {problem or exc}; fix the data file"
        ) from exc


def _rel(path: Path) -> str:
    try:
        return str(path.relative_to(DATA_DIR))
    except ValueError:
        return str(path)


def _validate(model: type[BaseModel], data: Any, where: str) -> Any:
    """Validate one record; a failure names the file, record key and field."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise KnowledgeBaseError(
            f"{where}.{field}: {first['msg']} ({len(exc.errors())} problem(s); fix the data file)"
        ) from None


def _load_sources(path: Path) -> dict[str, Source]:
    raw = _read_yaml(path) or {}
    if not isinstance(raw, dict):
        raise KnowledgeBaseError(f"{_rel(path)}: expected a mapping of source id -> source")
    return {
        key: _validate(Source, {"id": key, **value}, f"{_rel(path)}: {key}")
        for key, value in raw.items()
    }


def _resolve_sources(node: Any, sources: dict[str, Source], where: str) -> Any:
    """Replace every ``sources: [id, ...]`` list with the Source records (recursively)."""
    if isinstance(node, dict):
        resolved = {}
        for key, value in node.items():
            here = f"{where}.{key}"
            if key == "sources":
                if not isinstance(value, list) or not value:
                    raise KnowledgeBaseError(
                        f"{here}: every fact needs a non-empty list of source ids"
                    )
                resolved[key] = [_lookup_source(ref, sources, here) for ref in value]
            else:
                resolved[key] = _resolve_sources(value, sources, here)
        return resolved
    if isinstance(node, list):
        return [_resolve_sources(item, sources, f"{where}.{i}") for i, item in enumerate(node)]
    return node


def _lookup_source(ref: Any, sources: dict[str, Source], where: str) -> Source:
    if ref not in sources:
        raise KnowledgeBaseError(f"{where}: unknown source {ref!r}; add it to sources.yaml")
    return sources[ref]


def _load_records(path: Path, model: type[BaseModel], sources: dict[str, Source]) -> list[Any]:
    raw = _read_yaml(path) or {}
    if not isinstance(raw, dict):
        raise KnowledgeBaseError(f"{_rel(path)}: expected a mapping of id -> record")
    records = []
    for key, value in raw.items():
        where = f"{_rel(path)}: {key}"
        if not isinstance(value, dict):
            raise KnowledgeBaseError(f"{where}: expected a mapping")
        data = _resolve_sources({"id": key, **value}, sources, where)
        records.append(_validate(model, data, where))
    return records


def _load_oui(path: Path) -> list[OuiBlock]:
    blocks = []
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            rows = csv.DictReader(
                (line for line in handle if not line.startswith("#")), delimiter="\t"
            )
            for line, row in enumerate(rows, start=2):
                try:
                    data = _oui_row(row)
                except (KeyError, TypeError, ValueError, AttributeError) as exc:
                    raise KnowledgeBaseError(
                        f"{_rel(path)}: line {line}: malformed row ({exc})"
                    ) from None
                blocks.append(_validate(OuiBlock, data, f"{_rel(path)}: line {line}"))
    except OSError as exc:
        raise KnowledgeBaseError(
            f"{_rel(path)}: cannot read the file: {exc.strerror or exc}"
        ) from exc
    return blocks


def _oui_row(row: dict[str, str]) -> dict[str, Any]:
    prefix, _, bits = row["prefix"].partition("/")
    hex_digits = prefix.replace(":", "").upper()
    return {
        "prefix": hex_digits,
        "bits": int(bits) if bits else len(hex_digits) * 4,
        "organisation": row["organisation"],
        "manufacturer_id": row["manufacturer_id"],
        "relevance": row["relevance"],
    }


def load_kb_from(data_dir: Path) -> KnowledgeBase:
    """Load and cross-check a knowledge base from a data folder (uncached)."""
    sources = _load_sources(data_dir / "sources.yaml")
    measures = _load_records(data_dir / "measures.yaml", Measure, sources)
    manufacturers: list[Manufacturer] = []
    origins: dict[str, str] = {}
    for path in sorted((data_dir / "manufacturers").glob("*.yaml")):
        records = _load_records(path, Manufacturer, sources)
        duplicate = next((m.id for m in records if m.id in origins), None)
        if duplicate:
            raise KnowledgeBaseError(
                f"{_rel(path)}: {duplicate}: already defined in {origins[duplicate]}"
            )
        origins.update({m.id: f"manufacturers/{path.name}" for m in records})
        manufacturers.extend(records)
    oui = _load_oui(data_dir / "oui.tsv")
    matching = _read_yaml(data_dir / "matching.yaml") or {}
    kb = KnowledgeBase(manufacturers, measures, sources, oui, matching, origins)
    kb.check()
    log.debug(
        "knowledge base: %d manufacturers, %d measures", len(kb.manufacturers), len(kb.measures)
    )
    return kb


def data_dir() -> Path:
    """The knowledge-base folder in use: ``$CCTV_AUDIT_VENDORS_DIR`` if set, else the bundled data."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if not override:
        return DATA_DIR
    path = Path(override).expanduser()
    if not (path / "manufacturers").is_dir():
        raise ConfigError(
            f"{DATA_DIR_ENV}={override}: not a knowledge-base folder (it needs a manufacturers/ "
            "folder beside sources.yaml); unset it to use the bundled data"
        )
    return path


def load_kb() -> KnowledgeBase:
    """The knowledge base (bundled, or ``$CCTV_AUDIT_VENDORS_DIR``), validated and cached per folder."""
    return _load_cached(data_dir())


@lru_cache(maxsize=4)
def _load_cached(path: Path) -> KnowledgeBase:
    return load_kb_from(path)
