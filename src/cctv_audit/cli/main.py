"""Entry point of the ``cctv-audit`` command."""

from __future__ import annotations

import importlib
import logging
import pkgutil
import sys

import typer

from cctv_audit import __version__
from cctv_audit.cli.common import STATE, err_console
from cctv_audit.errors import CctvAuditError

app = typer.Typer(
    name="cctv-audit",
    help="Survey public bodies about their CCTV makers by FOI, and audit your own cameras: claims with evidence.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cctv-audit {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    db: str = typer.Option(
        None,
        "--db",
        envvar="CCTV_AUDIT_DB",
        help="Database: a SQLite path or any SQLAlchemy URL (default: ./cctv-audit.db).",
    ),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks and debug logging."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress output on stderr."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version."
    ),
) -> None:
    STATE.use_database(db)
    STATE.debug = debug
    STATE.quiet = quiet
    level = logging.DEBUG if debug else logging.WARNING
    logging.basicConfig(
        level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s"
    )


def _register_commands() -> None:
    """Every module in cctv_audit.cli with a ``register(app)`` adds its commands."""
    import cctv_audit.cli as package

    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name in {"main", "common"}:
            continue
        module = importlib.import_module(f"cctv_audit.cli.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(app)


_register_commands()


def main() -> None:
    """Run the CLI; library errors become one red line and exit code 1 (traceback with --debug)."""
    try:
        app()
    except CctvAuditError as exc:
        if STATE.debug or "--debug" in sys.argv:
            raise
        err_console.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
        sys.exit(1)
    except KeyboardInterrupt:
        err_console.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
