# hytetool: `make demo` sets everything up and runs the pipeline on data/raw/;
# `make test` runs the whole test suite. Everything is installed into .venv only.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test install schema clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $(STAMP)

$(TEST_STAMP): pyproject.toml $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(TEST_STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/hyte extract data/raw --out data/normalized
	$(BIN)/hyte validate data/normalized
	$(BIN)/hyte export data/normalized --format csv --out build/export/records.csv
	@echo "Normalized YAML: data/normalized/   Flat export: build/export/records.csv"

test: $(TEST_STAMP)
	$(BIN)/python -m pytest -q

schema: $(STAMP)
	$(BIN)/hyte schema

clean:
	rm -rf build .pytest_cache .hypothesis
