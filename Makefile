# Knutepunkt. Two commands on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# pip against PyPI only, whatever this machine's pip configuration says (scripts/pip.sh).
PIP := scripts/pip.sh $(VENV)/bin/pip
# Where `make run` serves: HOST=0.0.0.0 PORT=8080 make run
HOST ?= 127.0.0.1
PORT ?= 8000
# The address the printed links use (a wildcard address is reached through 127.0.0.1).
URL_HOST = $(if $(filter 0.0.0.0 ::,$(HOST)),127.0.0.1,$(HOST))
SITE_URL ?= http://$(URL_HOST):$(PORT)
# The development defaults of every command make runs for you (without DEBUG the settings
# refuse to start without a real SECRET_KEY).
DEV = DEBUG=1 SITE_URL=$(SITE_URL)
PG_URL ?= postgres://postgres@127.0.0.1:5432/knutepunkt

.PHONY: run demo logins totp test test-pg check lint imports types migrations-check bench drill install install-dev clean messages

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
run: install demo
	$(DEV) $(PY) manage.py runserver $(HOST):$(PORT)

## make demo: migrate, load the demo network into an empty database, print the logins.
demo:
	$(DEV) $(PY) manage.py migrate --no-input
	$(DEV) $(PY) manage.py load_demo --if-empty
	@$(DEV) $(PY) manage.py demo_logins

## make logins / make totp: the demo users again / their authenticator keys (DEMO ONLY).
logins:
	@$(DEV) $(PY) manage.py demo_logins

totp:
	@$(DEV) $(PY) manage.py demo_totp

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
	DEBUG=1 $(PY) manage.py makemessages -l nb -l nn --ignore=.venv --ignore=var --no-obsolete
	DEBUG=1 $(PY) manage.py makemessages -l nb -l nn -d djangojs --ignore=.venv --ignore=var --no-obsolete

## make bench: benchmarks against PostgreSQL; prints BENCH <name> <value> <unit> lines.
bench: install-dev
	DATABASE_URL=$${DATABASE_URL:-$(PG_URL)} scripts/run-bench.sh

## make drill: the production stack (nginx, two granian nodes, a worker, PostgreSQL, Redis)
## under 1,000 sign-ups with killed workers, a killed node and dropped database connections;
## prints DRILL <name> <value> lines and fails if anything was lost (drill/drill.py).
drill: install
	DRILL_PG=$${DRILL_PG:-postgres://postgres@127.0.0.1:5432} $(PY) drill/drill.py

clean:
	rm -rf var/ .mypy_cache .ruff_cache
