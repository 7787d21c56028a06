# kroscek — `make demo` runs the main job on the bundled sample corpus; `make test` runs the suite,
# `make test-fast` the tests that load no model and are not slow (see tests/conftest.py).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: setup demo test test-fast bench train-ner train-nli train-static train-towns serve clean

setup: $(STAMP)

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,postgres]'
	touch $(STAMP)

demo: setup
	rm -f demo.db demo.db-wal demo.db-shm
	$(VENV)/bin/kroscek run examples/corpus --db demo.db --out kroscek-report
	@echo "Open kroscek-report/index.html (report.json beside it)."

test: setup
	$(PY) -m pytest

test-fast: setup
	$(PY) -m pytest -m "not model and not slow"

bench: setup
	$(PY) bench/run.py

train-ner: setup
	$(PY) -m kroscek.train.ner

train-nli: setup
	$(PY) -m kroscek.train.nli

train-towns: setup
	$(PY) -m kroscek.train.towns

train-static: setup
	$(PY) -m kroscek.train.static

serve: setup
	$(VENV)/bin/kroscek serve --db demo.db

clean:
	rm -rf kroscek-report demo.db demo.db-wal demo.db-shm .pytest_cache
