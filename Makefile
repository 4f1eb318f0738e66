# `make run` and `make test` each set themselves up from nothing (Python 3.11 + pip).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DB ?= $(or $(SUKIEN_DB),)

.PHONY: run test lint bench setup native clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,native]'
	touch $(STAMP)

# the extraction compiled with mypyc (`store/native.py`): built again when its source
# changes, skipped with a message where it cannot be built (sukien then runs as plain Python)
native: $(STAMP)
	$(BIN)/python -m store.compile

setup: native

run: native
	$(BIN)/sukien load seeds/ $(if $(DB),--db $(DB),)
	$(BIN)/sukien $(if $(DB),--db $(DB),)

test: native
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/ruff check store tui tests
	$(BIN)/mypy

bench: native
	$(BIN)/python tests/bench/bench.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache
