"""Run benchmarks and write their sections into docs/benchmarks.md."""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import platform
import re
import sys
from pathlib import Path

import bench

DOC = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
HEADER = """# Benchmarks

Measured by `make bench` (or `python -m bench NAME`) on the project's CI machine
kind (2 cores, 24 GiB). Each section names the command that produced it and
when it last ran; rerun it to check a figure. The answer extractor's figures on
replies written blind, measured once before any rule changed for each batch,
are in [blind-batches.md](blind-batches.md).
"""


def available() -> list[str]:
    return sorted(
        m.name.removeprefix("bench_") for m in pkgutil.iter_modules(bench.__path__) if m.name.startswith("bench_")
    )


def read_sections() -> dict[str, str]:
    if not DOC.exists():
        return {}
    text = DOC.read_text(encoding="utf-8")
    pattern = re.compile(r"<!-- bench:(\w+) -->\n(.*?)<!-- /bench:\1 -->", re.S)
    return {m.group(1): m.group(2) for m in pattern.finditer(text)}


def write_sections(sections: dict[str, str]) -> None:
    parts = [HEADER]
    for name in sorted(sections):
        parts.append(f"<!-- bench:{name} -->\n{sections[name].rstrip()}\n<!-- /bench:{name} -->\n")
    DOC.write_text("\n".join(parts), encoding="utf-8")


def main(argv: list[str]) -> int:
    names = argv or available()
    unknown = [n for n in names if n not in available()]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(available())}", file=sys.stderr)
        return 2
    for name in names:
        print(f"== bench {name}", file=sys.stderr)
        module = importlib.import_module(f"bench.bench_{name}")
        body = module.run()
        stamp = f"_Last run {dt.date.today().isoformat()} on {platform.machine()}, Python {platform.python_version()}: `python -m bench {name}`._\n\n"
        update_section(name, stamp + body)
        print(body, file=sys.stderr)
    return 0


def update_section(name: str, text: str) -> None:
    """Replace one section, re-reading the file under a lock: benchmarks run at the same time
    (one per package) must not write back each other's stale sections."""
    import fcntl

    with open(DOC.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        sections = read_sections()
        sections[name] = text
        write_sections(sections)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
