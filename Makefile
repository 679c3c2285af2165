# newsportal: every target works from a fresh clone (see README).
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
# The first of python3.13 and python3.12 that actually runs (a pyenv shim may exist
# without its interpreter).
BASE_PYTHON := $(shell for p in python3.13 python3.12; do $$p -c 'import sys' >/dev/null 2>&1 && { echo $$p; break; }; done)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install messages run serve test test-fast test-browser lint format migrate demo clean bench bench-login

$(VENV)/.installed: pyproject.toml
	@if [ -z "$(BASE_PYTHON)" ]; then echo "newsportal needs Python 3.13 (or 3.12): neither python3.13 nor python3.12 runs on this machine." >&2; exit 1; fi
	$(BASE_PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[dev]"
	touch $@

install: $(VENV)/.installed

messages: install
	bash scripts/compile-messages

migrate: messages
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput

# Migrations run quietly here so that the demo accounts' passwords, framed, are the
# last lines before the server's own (`make migrate` lists every migration).
demo: messages
	DJANGO_DEBUG=1 $(PY) manage.py migrate --noinput --verbosity 0
	DJANGO_DEBUG=1 SITE_URL=$${SITE_URL:-http://$(HOST):$(PORT)} $(PY) manage.py load_demo

run: demo
	bash scripts/ensure-run-packages
	@echo "Serving newsportal on http://$(HOST):$(PORT)/ (admin at /admin/), with the tasks worker"
	HOST=$(HOST) PORT=$(PORT) bash scripts/serve-dev

# The production stack on this machine (gunicorn with deploy/gunicorn.conf.py and the
# tasks worker), after check --deploy, migrate and collectstatic: see the README,
# Production. `make serve ENV_FILE=/etc/newsportal/production.env`.
serve: messages
	bash scripts/ensure-run-packages
	ENV_FILE=$(ENV_FILE) HOST=$(HOST) PORT=$(PORT) bash scripts/serve-production

test: messages
	bash scripts/ensure-system-packages
	$(VENV)/bin/pytest

test-fast: messages
	$(VENV)/bin/pytest -m "not browser"

test-browser: messages
	bash scripts/ensure-system-packages
	$(VENV)/bin/pytest -m browser

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Load test of the production stack on a generated 100,000-article database
# (SQLite, or PostgreSQL + Redis with DATABASE_URL and REDIS_URL): see bench/run.py.
# `make bench BENCH_ARGS=--rebuild` builds that database anew.
bench: messages
	$(PY) -m bench.run $(BENCH_ARGS)

# Readers' latency while 16 clients flood the staff sign-in: see bench/login_flood.py.
bench-login: messages
	$(PY) -m bench.login_flood $(BENCH_ARGS)

clean:
	rm -rf $(VENV) staticfiles
