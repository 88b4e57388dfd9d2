# The two README commands: `make run` and `make test`. Both create .venv/ when missing.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
DATA    ?= data

.PHONY: run test lint bench bench-tagger clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/timeline run seeds --data-dir $(DATA)

test: $(STAMP)
	$(BIN)/python -m pytest

# Not part of `make test`: minutes long. BENCH_DOCS=100000 for the large run; results in bench/out/.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/pipeline.py

# Not part of `make test`: the temporal tagger against HeidelTime and dateparser on TempEval-3 train and the
# Dutch Recognizers-Text specs (needs ../shared/corpora and Java; HeidelTime takes some minutes).
bench-tagger: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m bench.tagger

lint: $(STAMP)
	$(BIN)/ruff check flows transforms schemas warehouse tests bench
	$(BIN)/ruff format --check flows transforms schemas warehouse tests bench

clean:
	rm -rf $(DATA) build *.egg-info
