# The two commands of the README: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck pytest pytest-a-year-ahead bench clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q uv==0.13.8
	# Compiled now, not at every start: with PYTHONDONTWRITEBYTECODE set nothing would be cached.
	$(VENV)/bin/uv pip install -q --compile-bytecode --python $(PY) -r requirements.lock
	$(VENV)/bin/uv pip install -q --python $(PY) --no-deps -e .
	$(PY) -m compileall -q src
	touch $(STAMP)

## Serve the API and web UI on http://127.0.0.1:8000 with offline defaults.
run: $(STAMP)
	$(VENV)/bin/todochat serve

## Lint, type-check and run every test (SQLite always; PostgreSQL, Redis, Chromium when configured),
## then the suite again with the calendar a year ahead, so no test can depend on today's date.
test: $(STAMP) lint typecheck pytest pytest-a-year-ahead

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(STAMP)
	$(VENV)/bin/mypy

pytest: $(STAMP)
	$(VENV)/bin/pytest

# libfaketime shifts the clock of the test process (not of PostgreSQL or Redis) by 366 days.
# The browser tests are left out: Chromium would inherit the shifted clock. The benchmarks
# (tests/test_benchmarks.py) read no date and run once.
pytest-a-year-ahead: $(STAMP)
	@if command -v faketime >/dev/null 2>&1; then \
	  shift=$$(( $$(faketime -f '+366d' date +%s) - $$(date +%s) )); \
	  [ "$$shift" -ge 31536000 ] || { echo "faketime did not shift the clock"; exit 1; }; \
	  faketime -f '+366d' $(VENV)/bin/pytest -q -p no:cacheprovider \
	    --ignore=tests/browser --ignore=tests/test_benchmarks.py; \
	elif [ -n "$$CI" ]; then \
	  echo "faketime is missing (apt-get install faketime): CI runs the suite a year ahead"; exit 1; \
	else \
	  echo "faketime not installed: skipping the run a year ahead (apt-get install faketime)"; \
	fi

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache test-output
