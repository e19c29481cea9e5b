# Two entry points (see README): `make run` and `make test`. Both set up .venv first, and only when
# pyproject.toml changed since the last install, so running them again is cheap and changes nothing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test setup bench eval baseline devset clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/xjextract extract corpus -o out/corpus.jsonl

test: $(STAMP)
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/xjextract gold check
	$(BIN)/xjextract evaluate --gold gold --baseline tests/eval_baseline.json

# The dev set of real articles (devset/README.md); its texts are not in git, so this skips without them.
devset: $(STAMP)
	@if ls devset/texts/*.txt >/dev/null 2>&1; then \
	  for part in $$($(BIN)/python -c "import json; print(' '.join(k for k in json.load(open('devset/split.json')) if not k.startswith('_')))"); do \
	    echo "== devset part $$part"; \
	    $(BIN)/xjextract evaluate --gold devset/gold --corpus devset/texts --ids @devset/split.json:$$part || exit 1; done; \
	else echo "make devset: devset/texts/ is absent (third-party texts are not in git): see devset/README.md to retrieve them"; fi

# Raise the evaluation floors to the current scores (refuses to lower one; see README).
baseline: $(STAMP)
	$(BIN)/xjextract evaluate --gold gold --baseline tests/eval_baseline.json --update-baseline

bench: $(STAMP)
	$(BIN)/python benchmarks/sentences.py
	$(BIN)/python benchmarks/dates.py
	$(BIN)/python benchmarks/quantities.py
	$(BIN)/python benchmarks/conversions.py
	$(BIN)/python benchmarks/entities.py
	$(BIN)/python benchmarks/throughput.py

clean:
	rm -rf $(VENV) out build src/*.egg-info .pytest_cache
