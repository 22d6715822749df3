# Every target makes its own virtual environment in .venv; nothing downloads at run time.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install demo test lint eval bench data clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/thucydides code examples/kabul-talks.txt --date 2011-10-25 --format table

lint: install
	$(BIN)/ruff format --check src tests scripts benchmarks
	$(BIN)/ruff check src tests scripts benchmarks

test: install lint
	$(BIN)/pytest -q

eval: install
	$(BIN)/thucydides eval --report eval-report.md $(SHARED)/eval/*.jsonl

data: install
	$(BIN)/python scripts/build_ontology.py --shared $(SHARED)
	$(BIN)/python scripts/build_verb_patterns.py --shared $(SHARED)

clean:
	rm -rf $(VENV) build *.egg-info
