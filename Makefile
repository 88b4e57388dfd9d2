# The two README commands: `make run` and `make test`. Both create .venv/ when missing.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
DATA    ?= data
SHARED  ?= ../shared
# The seeds' reference timeline: the project's copy when there is one, else the shared one.
SEEDS_GOLD := $(firstword $(wildcard tests/golden/seeds/timeline.json) $(SHARED)/seeds/gold/timeline.json)
DEVNEWS := $(SHARED)/corpora/devnews

.PHONY: run test lint evaluate bench bench-tagger screenshot clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/timeline run seeds --data-dir $(DATA)

test: $(STAMP)
	$(BIN)/python -m pytest

# Not part of `make test`: about a minute. Runs the pipeline on a corpus into a temporary data dir and prints
# the scorer's two lines ('events:' what the rows say, 'timeline:' their dates) under the corpus's name.
# $(call score_corpus,NAME,INPUTS,GOLD); `timeline run` exits 3 when it completed with rejections.
define score_corpus
	@echo "== $(1)  ($(3))"
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	{ $(BIN)/timeline run $(2) --data-dir "$$tmp" --quiet >/dev/null || [ $$? -eq 3 ]; } && \
	out=$$($(BIN)/timeline evaluate timeline $(3) --data-dir "$$tmp") && \
	printf '%s\n' "$$out" | tail -n 2
endef

evaluate: $(STAMP)
	$(call score_corpus,seeds,seeds,$(SEEDS_GOLD))
ifneq ($(wildcard $(DEVNEWS)/gold/timeline.json),)
	$(call score_corpus,devnews,$(sort $(wildcard $(DEVNEWS)/*.txt)),$(DEVNEWS)/gold/timeline.json)
else
	@echo "== devnews: skipped, $(DEVNEWS) is not on this machine"
endif

# Not part of `make test`: minutes long. BENCH_DOCS=100000 for the large run; results in bench/out/.
# Then bench/dense.py: extraction time per character of dense text (BENCH_DENSE_SIZES), and a run of
# one .jsonl of BENCH_JSONL_RECORDS records, validation against extraction (0 or empty skips either).
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/pipeline.py
	$(BIN)/python bench/dense.py

# Not part of `make test`: the temporal tagger against HeidelTime and dateparser on TempEval-3 train and the
# Dutch Recognizers-Text specs (needs ../shared/corpora and Java; HeidelTime takes some minutes).
bench-tagger: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python -m bench.tagger

# The README's picture of the report: the seeds' report (after `make run`) as headless Chromium shows it.
screenshot: run
	chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,1700 \
		--host-resolver-rules='MAP * ~NOTFOUND' --screenshot=docs/report.png "file://$(abspath $(DATA))/report/index.html"

lint: $(STAMP)
	$(BIN)/ruff check flows transforms schemas warehouse tests bench
	$(BIN)/ruff format --check flows transforms schemas warehouse tests bench

clean:
	rm -rf $(DATA) build *.egg-info
