"""The import graph: every arrow points down (imports inside functions count too)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "cctv_audit"

#: (importer, imported, why it must never happen)
NEVER = [
    ("foi", "findings", "requests know nothing of claims: intake hands foi the outcome"),
    ("foi", "answers", "foi matches replies; reading them is intake's job"),
    ("foi", "intake", "intake calls foi, not the other way"),
    ("findings", "intake", "intake records claims through findings"),
    ("answers", "findings", "extraction knows no claims"),
    ("answers", "foi", "extraction knows no requests"),
    ("vendors", "answers", "the knowledge base is below extraction"),
    ("registry", "foi", "the register of bodies is below the survey"),
]
FRONT_ENDS = {"cli", "web"}


def _imports(path: Path) -> set[str]:
    """The cctv_audit packages a module imports (``cctv_audit.x...`` -> ``x``)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "cctv_audit" and len(parts) > 1:
                found.add(parts[1])
    return found


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        top = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        graph.setdefault(top, set()).update(_imports(path) - {top})
    return graph


@pytest.mark.parametrize(("importer", "imported", "why"), NEVER)
def test_forbidden_arrows(importer, imported, why):
    assert imported not in _graph().get(importer, set()), why


def test_no_library_module_imports_a_front_end():
    offenders = {
        pkg: deps & FRONT_ENDS
        for pkg, deps in _graph().items()
        if pkg not in FRONT_ENDS and deps & FRONT_ENDS
    }
    assert offenders == {}


def test_only_the_front_ends_call_intake():
    callers = {pkg for pkg, deps in _graph().items() if "intake" in deps}
    assert callers <= FRONT_ENDS


def test_the_graph_has_no_cycle():
    graph = _graph()

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in graph.get(start, set()):
            if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                return True
        return False

    assert [pkg for pkg in graph if reaches(pkg, pkg, {pkg})] == []


def test_the_web_calls_the_library_by_import():
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (PACKAGE / "web").rglob("*.py"))
    assert "importlib" not in sources and "available(" not in sources


#: Facts and lookups the library owns; a front end that defined its own would be a second source.
LIBRARY_OWNED = {
    "OUTCOMES",
    "REVIEW_FIELDS",
    "parse_value",
    "get_survey",
    "get_document",
    "unmatched_replies",
    "is_state_linked",
    "working_days",
    "due_date",
}


def _defined_names(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def test_the_front_ends_define_no_copy_of_library_facts():
    copies = {
        str(p.relative_to(PACKAGE)): _defined_names(p) & LIBRARY_OWNED
        for front in FRONT_ENDS
        for p in (PACKAGE / front).rglob("*.py")
    }
    assert {path: names for path, names in copies.items() if names} == {}
