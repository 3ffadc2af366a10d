"""The ``cctv-audit`` command line: a thin skin over the library.

Each module here defines ``register(app)`` and adds its commands; commands parse
arguments, call one library function and format the result. No domain logic.

Commands import the library inside their function, not at the top of the module: ``--help``
and each command then load only what they use (``cctv-audit --help`` starts in about a third of
the time; measured in docs/decisions.md). This is the one exception to imports at module top.
"""
