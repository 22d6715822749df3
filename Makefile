# Every target makes its own virtual environment in .venv; nothing downloads at run time.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install demo test lint eval eval-oof bench bench-headlines data clean browser

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

test: install lint browser
	$(BIN)/pytest -q

# Debian's Chromium for the dashboard's browser tests (Playwright drives /usr/bin/chromium)
browser:
	bash scripts/install_browser.sh

bench: install
	$(BIN)/python benchmarks/bench.py --shared $(SHARED) --table bench-table.md

# headline coding on the synthetic headline templates of $(SHARED)/data/training
bench-headlines: install
	@test -d $(SHARED)/data/training || { echo "make bench-headlines: $(SHARED)/data/training is missing (give SHARED=PATH to the shared folder)" >&2; exit 2; }
	$(BIN)/python benchmarks/headlines.py --shared $(SHARED)

# every gold file in $(SHARED)/eval (sentence sets and stories_dev's whole stories), and our
# own story gold (offsets only, texts in $(SHARED)/data/news) when training/ holds it
STORY_TRAIN := $(wildcard training/stories_train.jsonl)
eval: install
	@test -d $(SHARED)/eval || { echo "make eval: the gold sets are not there: $(SHARED)/eval is missing (give SHARED=PATH to the shared folder)" >&2; exit 2; }
	$(BIN)/thucydides eval --report eval-report.md $(SHARED)/eval/*.jsonl \
		$(if $(STORY_TRAIN),$(STORY_TRAIN) --texts $(SHARED)/data/news/voa_stories.jsonl)

# the full coder with out-of-fold model probabilities: no gold sentence scored by a model
# that saw it (building the table trains 5 models, about 20 minutes, in .venv-train)
OOF := .cache/oof/probabilities.jsonl
eval-oof: install
	@test -d $(SHARED)/eval || { echo "make eval-oof: the gold sets are not there: $(SHARED)/eval is missing (give SHARED=PATH to the shared folder)" >&2; exit 2; }
	@test -f $(OOF) || { echo "make eval-oof: $(OOF) is missing: build it with .venv-train/bin/python scripts/oof_probabilities.py (see src/thucydides/events/data/model/README.md)" >&2; exit 2; }
	$(BIN)/thucydides eval --type-probabilities $(OOF) --report eval-oof-report.md $(SHARED)/eval/*.jsonl

data: install
	$(BIN)/pip install -q -e ".[dev,data]"
	$(BIN)/python scripts/build_ontology.py --shared $(SHARED)
	$(BIN)/python scripts/build_verb_patterns.py --shared $(SHARED)
	$(BIN)/python scripts/build_actor_dictionaries.py --shared $(SHARED)
	$(BIN)/python scripts/build_gazetteer.py --shared $(SHARED)
	$(BIN)/python scripts/build_export_data.py --shared $(SHARED)

clean:
	rm -rf $(VENV) build *.egg-info
