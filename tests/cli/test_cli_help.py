"""Every command's --help reads cleanly: no words swallowed by the terminal's markup."""

from __future__ import annotations

import re

from typer.main import get_command
from typer.testing import CliRunner

from cctv_audit.cli.main import app

#: Rich reads "[default: today]" as a markup tag and drops it, leaving "as of this date ." behind.
STRAY = re.compile(r"\w \.(?:\s|$|│)|\w ,")


def _paths(command, path: list[str]):
    yield path
    if hasattr(command, "list_commands"):
        context = command.make_context(
            path[-1] if path else "cctv-audit", [], resilient_parsing=True
        )
        for name in command.list_commands(context):
            yield from _paths(command.get_command(context, name), [*path, name])


def test_no_help_text_has_a_stray_full_stop():
    runner = CliRunner()
    problems = []
    paths = list(_paths(get_command(app), []))
    assert len(paths) > 50
    for path in paths:
        result = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "400"})
        assert result.exit_code == 0, f"cctv-audit {' '.join(path)} --help: {result.output}"
        problems += [
            f"{' '.join(path)}: {line.strip()}"
            for line in result.output.splitlines()
            if STRAY.search(line)
        ]
    assert not problems, "\n".join(problems)
    survey = runner.invoke(app, ["survey", "status", "--help"], env={"COLUMNS": "400"}).output
    assert "(default: today)" in survey
