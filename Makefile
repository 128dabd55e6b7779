# The two commands of the README: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest bench clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q uv==0.13.8
	$(VENV)/bin/uv pip install -q --python $(PY) -r requirements.lock
	$(VENV)/bin/uv pip install -q --python $(PY) --no-deps -e .
	touch $(STAMP)

## Serve the API and web UI on http://127.0.0.1:8000 with offline defaults.
run: $(STAMP)
	$(VENV)/bin/todochat serve

## Lint, type-check and run every test (SQLite always; PostgreSQL, Redis, Chromium when configured).
test: $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy

pytest: $(STAMP)
	$(VENV)/bin/pytest

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache test-output
