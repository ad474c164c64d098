# hytetool: `make demo` sets everything up and runs the pipeline on data/raw/;
# `make test` runs the whole test suite. Everything is installed into .venv only.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: demo test bench fuzz install schema docx-template fixtures corpus corpus-score clean

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
	$(BIN)/hyte track data/normalized
	$(BIN)/hyte validate data/normalized
	$(BIN)/hyte export data/normalized --format csv --out build/export/records.csv
	for year in $$($(BIN)/hyte years data/normalized); do \
	  $(BIN)/hyte render --year $$year data/normalized --out build/reports || exit 1; \
	done
	@echo "Normalized YAML: data/normalized/   Flat export: build/export/records.csv"
	@echo "Reports (Word, Markdown, and PDF when LibreOffice is installed): build/reports/"

test: $(TEST_STAMP)
	$(BIN)/python -m pytest -q

# Speed and memory on a 1,000-page corpus of the fixture and tests/corpus PDFs, beside
# pdfplumber's, pdfium's and pdftotext's bare reads of the same pages (issue 17) ->
# bench/results.md (about ten minutes on two cores; docs/performance.md). Not part of
# `make test`: nothing is timed there.
bench: $(TEST_STAMP)
	$(BIN)/python bench/run.py

# Hostile and broken inputs as real processes, timed and measured: every case of
# tests/hostile/generate.py plus 100 byte-flipped PDFs, after 5,000 Hypothesis examples
# per parser property (docs/robustness.md; minutes).
# The fast subset runs in `make test` (tests/hostile/test_hostile.py).
fuzz: $(TEST_STAMP)
	HYTE_FUZZ_EXAMPLES=5000 $(BIN)/python -m pytest -q tests/hostile/test_parsers_fuzz.py
	$(BIN)/python tests/hostile/run_matrix.py --flips 100

schema: $(STAMP)
	$(BIN)/hyte schema

docx-template: $(STAMP)
	$(BIN)/python tools/make_docx_template.py

fixtures: $(TEST_STAMP)
	$(BIN)/python tests/fixtures/make_fixtures.py

# Per-file recall, field accuracy and record score on the corpus of other municipalities'
# templates (tests/corpus/, issue 13); tests/test_corpus.py holds each file to its bar.
corpus-score: $(TEST_STAMP)
	$(BIN)/python bench/corpus_score.py

# Rebuild the corpus documents (Word, Excel, unruled PDF; LibreOffice prints).
corpus: $(TEST_STAMP)
	$(BIN)/python tests/corpus/make_corpus.py

clean:
	rm -rf build .pytest_cache .hypothesis
