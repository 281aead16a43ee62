# The two commands: `make run` builds the sample letter, `make test` runs the checks.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install lint typecheck pytest clean

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

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
