# The two commands a newcomer needs: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
POSTGRES_TEST_URL ?= postgres://postgres@127.0.0.1:5432/hub
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test test-sqlite test-postgres test-fast lint assets demo clean production bench \
	system-packages-run system-packages-test services

install: $(VENV)/.installed node_modules/.installed build/static/css/hub.css

# Debian packages beyond Python and Node, and the local servers the tests use: installed or
# started when this machine allows, otherwise one line saying what to do (scripts/).
system-packages-run:
	@scripts/system-packages run

system-packages-test:
	@scripts/system-packages test

services:
	@scripts/local-services

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -c constraints.txt -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

build/static/css/hub.css: node_modules/.installed $(shell find frontend -type f 2>/dev/null)
	npm run --silent build

assets: node_modules/.installed
	npm run --silent build

demo: system-packages-run install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo

# The site and the background worker (search index, emails) together; Ctrl+C stops both.
run: demo
	$(PY) manage.py db_worker --interval 2 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT) --noreload

# Production mode on this machine: gunicorn, the worker and the periodic jobs against the
# local PostgreSQL and Redis, on http://127.0.0.1:8000. See README, "Running in production".
production: install
	deploy/run-production-locally

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py check

test-sqlite: system-packages-test services install
	env -u DATABASE_URL -u REDIS_URL $(PY) -m pytest

test-postgres: system-packages-test services install
	@$(PY) -m hub.core.check_database "$(POSTGRES_TEST_URL)"
	DATABASE_URL=$(POSTGRES_TEST_URL) $(PY) -m pytest

# Set-up first (it stops at once if the machine lacks something), then lint, then the whole
# suite on SQLite and on PostgreSQL side by side, one on each core.
test: system-packages-test services install lint
	POSTGRES_TEST_URL=$(POSTGRES_TEST_URL) scripts/test-both-databases

# The developer's inner loop, never used by CI: SQLite only, no browser, only the tests of
# what changed since the last commit (scripts/changed-tests).
test-fast: install
	@paths="$$(scripts/changed-tests)"; \
	if [ -z "$$paths" ]; then echo "Nothing has changed since the last commit."; \
	else env -u DATABASE_URL -u REDIS_URL $(PY) -m pytest -m "not browser" $$paths; fi

clean:
	rm -rf $(VENV) node_modules build var/static

# Throughput and latency against nginx and a stock Wagtail site, in production mode on this
# machine; prints a table, never fails on a time. See README, "Benchmarks".
bench: install
	$(PY) bench/run.py
