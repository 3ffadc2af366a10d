"""The generated docs are current: docs/cli.md and the generated blocks of the other pages."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "gen_docs.py"


def _gen_docs():
    spec = importlib.util.spec_from_file_location("gen_docs", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_docs_are_current():
    stale = [str(page.name) for page in _gen_docs().stale()]
    assert stale == [], "stale: run python scripts/gen_docs.py"


def test_the_cli_reference_names_every_command():
    gen = _gen_docs()
    text = gen.cli_reference()
    commands = list(gen._commands(gen.typer.main.get_command(gen.app), ["cctv-audit"]))
    assert len(commands) > 70
    assert all(f"`{' '.join(path)}`" in text for path, _ in commands)
