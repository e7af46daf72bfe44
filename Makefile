# threadshim's one entry point: `make test` checks everything CI checks, on a fresh machine
# that has only Python 3.10+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LINTED := shim tests codegen bench

.PHONY: install test suite lint typecheck spec generate generate-check cassettes demo bench fuzz mutation clean

install: $(STAMP)

$(STAMP): pyproject.toml constraints.txt generated/pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("threadshim needs Python 3.10 or newer, found " + sys.version.split()[0]) if sys.version_info < (3, 10) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ./generated -e '.[dev]'
	@touch $(STAMP)

test: $(STAMP) spec generate-check lint typecheck
	$(BIN)/python -m pytest

# The pytest suite alone, e.g. on another interpreter in its own venv (.ci/run does this for 3.10 and 3.13):
#   make suite PYTHON=python3.13 VENV=.venv-3.13
suite: $(STAMP)
	$(BIN)/python -m pytest

spec: $(STAMP)
	$(BIN)/openapi-spec-validator openapi.yaml

generate: $(STAMP)
	$(BIN)/python codegen/generate.py

generate-check: $(STAMP)
	@if $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then \
		$(BIN)/python codegen/generate.py --check; \
	else \
		echo "generate-check skipped: openapi-python-client 0.29.1 needs Python 3.11+"; \
	fi

lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)

typecheck: $(STAMP)
	$(BIN)/mypy

cassettes: $(STAMP)
	$(BIN)/python -m tests.record

demo: $(STAMP)
	$(BIN)/threadshim demo

fuzz: $(STAMP)
	@if $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then \
		$(BIN)/python -m tests.fuzz --spec both --seconds $${FUZZ_SECONDS:-300}; \
	else \
		echo "fuzz skipped: schemathesis 4 needs Python 3.11+"; \
	fi

mutation: $(STAMP)
	$(BIN)/python -m tests.mutation

bench: $(STAMP)
	$(BIN)/python bench/parse.py
	$(BIN)/python bench/export.py
	$(BIN)/python bench/migrate.py
	$(BIN)/python bench/reconcile.py
	$(BIN)/python bench/journal.py
	$(BIN)/python bench/chatkit_import.py
	$(BIN)/python bench/agents_import.py
	$(BIN)/python bench/collect.py


clean:
	rm -rf $(VENV) .venv-3.* .pytest_cache .mypy_cache .ruff_cache .mutation
