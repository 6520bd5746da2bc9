# Knutepunkt. Two commands on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/knutepunkt

.PHONY: run test test-pg check lint imports types migrations-check bench install install-dev clean messages

$(VENV)/.base-installed: requirements/base.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet --require-hashes -r requirements/base.txt
	touch $@

$(VENV)/.dev-installed: requirements/dev.txt $(VENV)/.base-installed
	$(PIP) install --quiet --require-hashes -r requirements/dev.txt
	touch $@

install: $(VENV)/.base-installed
install-dev: $(VENV)/.dev-installed

## make run: set up, load the reference data and demo network (first time only), serve.
run: install
	DEBUG=1 $(PY) manage.py migrate --no-input
	DEBUG=1 $(PY) manage.py load_demo --if-empty
	@DEBUG=1 $(PY) manage.py demo_logins
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

## make test: lint, types, migrations check, then the whole test suite (SQLite).
test: install-dev check
	@scripts/run-tests.sh

## make test-pg: the same suite on PostgreSQL (DATABASE_URL, default: the local server).
test-pg: install-dev
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} scripts/run-tests.sh

check: lint imports types migrations-check

lint:
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

## make imports: the architecture's import contracts (docs/architecture.md).
imports:
	$(VENV)/bin/lint-imports

types:
	KNUTEPUNKT_TESTING=1 $(VENV)/bin/mypy knutepunkt

migrations-check:
	KNUTEPUNKT_TESTING=1 $(PY) manage.py makemigrations --check --dry-run

messages:
	DEBUG=1 $(PY) manage.py makemessages -l nb --ignore=.venv --ignore=var --no-obsolete
	DEBUG=1 $(PY) manage.py makemessages -l nb -d djangojs --ignore=.venv --ignore=var --no-obsolete

## make bench: benchmarks against PostgreSQL; prints BENCH <name> <value> <unit> lines.
bench: install-dev
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} scripts/run-bench.sh

clean:
	rm -rf var/ .mypy_cache .ruff_cache
