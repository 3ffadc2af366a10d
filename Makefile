# The two set-up commands of the README: `make demo` (main job) and `make test` (lint, whole suite).
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench system services lint docs clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

## Debian packages the tool and its tests use (tesseract-ocr, chromium, nmap, dovecot...); skips what is there.
system:
	bash scripts/install-system-deps.sh

## Start PostgreSQL when it is installed but stopped (the server-database tests use it).
services:
	bash scripts/start-services.sh

## Main job on the embedded default: ./cctv-audit.db
demo: $(STAMP)
	bash scripts/demo.sh

## Lint first (a finding fails the run before any test), then the whole test suite.
test: $(STAMP) lint system services
	$(BIN)/python -m pytest -n 2 --dist loadgroup -q

## Lint and types on the settings in pyproject.toml: ruff (rules, then formatting) and mypy.
lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy src

## Regenerate docs/cli.md and the generated tables in docs/ (tests/test_docs.py fails when stale).
docs: $(STAMP)
	$(BIN)/python scripts/gen_docs.py

## Benchmarks: figures written to docs/benchmarks.md.
bench: $(STAMP) system services
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) cctv-audit.db cctv-audit-data site
