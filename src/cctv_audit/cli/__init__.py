"""The ``cctv-audit`` command line: a thin skin over the library.

Each module here defines ``register(app)`` and adds its commands; commands parse
arguments, call one library function and format the result. No domain logic.
"""
