# `make run` builds the sample letter; `make test` runs every check (what CI runs);
# `make check` is the fast tier: lint, types and the tests not marked slow.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test check install lint typecheck pytest pytest-fast clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,dask]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/kgraph build data/letters/kropotkin-to-berkman-1908-11-20.txt -o output/
	$(BIN)/kgraph summary output/kropotkin-to-berkman-1908-11-20.ttl
	$(BIN)/kgraph query letters output/kropotkin-to-berkman-1908-11-20.ttl

lint: $(STAMP)
	$(BIN)/ruff check kgraph tests benchmarks
	$(BIN)/ruff format --check kgraph tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	$(BIN)/pytest -q

test: lint typecheck pytest

pytest-fast: $(STAMP)
	$(BIN)/pytest -q -x -m 'not slow'

check: lint typecheck pytest-fast

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
