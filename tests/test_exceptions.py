"""Blind ``except``: only around one document or device in a batch, or a front end's outermost
boundary, and each says what it protects in a comment on its line. A handler that cleans up and
re-raises (``except BaseException: ...; raise``) is not blind and needs no comment."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "cctv_audit"
BLIND = {"Exception", "BaseException"}


def _is_blind(handler: ast.ExceptHandler) -> bool:
    kind = handler.type
    names = kind.elts if isinstance(kind, ast.Tuple) else [kind]
    return kind is None or any(isinstance(n, ast.Name) and n.id in BLIND for n in names)


def _reraises(handler: ast.ExceptHandler) -> bool:
    last = handler.body[-1]
    return isinstance(last, ast.Raise) and last.exc is None


def test_every_blind_except_says_what_it_protects():
    silent = []
    for path in sorted(PACKAGE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            if not isinstance(node, ast.ExceptHandler) or not _is_blind(node):
                continue
            header = lines[node.lineno - 1 : node.body[0].lineno - 1]  # `except ...:` (wrapped too)
            if not _reraises(node) and not any("#" in line for line in header):
                silent.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert silent == []
