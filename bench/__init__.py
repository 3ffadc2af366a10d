"""Benchmarks: `make bench` (all) or `python -m bench NAME...` (some).

Each ``bench/bench_<name>.py`` defines ``run() -> str`` returning a Markdown
section (figures plus the command that produced them). The runner rewrites
that section of ``docs/benchmarks.md`` between ``<!-- bench:<name> -->``
markers and leaves the other sections as they were.
"""
