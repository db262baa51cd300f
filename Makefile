# The CLLS site. `make` alone lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST := 127.0.0.1
PORT := 8000
POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test
DEV := DJANGO_SETTINGS_MODULE=site_clls.settings.dev
TEST := DJANGO_SETTINGS_MODULE=site_clls.settings.test
# Node test tools (Nu Html Checker, Lighthouse), pinned in tests/tools/ and installed outside the tree.
NODE_TOOLS := .local/node
# The project's apps, top layer first (docs/architecture.md).
APPS := site_clls demo news events services search staff members pillars operations home

.PHONY: help install install-dev node-tools system-deps messages compile-messages run demo test lint format check bench lighthouse backup restore

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.runtime

install: $(VENV)/.runtime ## Install the site's packages into .venv/

install-dev: $(VENV)/.dev node-tools ## Install the site's and the test tools' packages into .venv/ and .local/node/

$(NODE_TOOLS)/node_modules/.installed: tests/tools/package.json tests/tools/package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing: the HTML-validation test will skip, make lighthouse cannot run."; exit 0; }; \
	mkdir -p $(NODE_TOOLS) && cp tests/tools/package.json tests/tools/package-lock.json $(NODE_TOOLS)/ && \
	npm ci --prefix $(NODE_TOOLS) --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@

node-tools: $(NODE_TOOLS)/node_modules/.installed ## Install the Nu Html Checker (vnu-jar) and Lighthouse from tests/tools/ into .local/node/

system-deps: ## Install Chromium and Java for browser and HTML tests, wrk for the benchmark (Debian, as root)
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	command -v wrk >/dev/null || missing="$$missing wrk"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else \
			echo "Missing$$missing: browser or HTML-validation tests will skip, make bench needs wrk (run as root to install)."; \
		fi; \
	fi

compile-messages: install ## Compile locale/*.po (pure Python, no gettext needed)
	$(DEV) $(BIN)/python manage.py compiletranslations

messages: install-dev ## Extract interface strings into locale/*.po (needs GNU gettext)
	@command -v xgettext >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq gettext >/dev/null; }
	$(DEV) $(BIN)/python manage.py makemessages -l it -l en --no-location \
		--ignore=.venv --ignore=staticfiles --ignore=tests --ignore=.local
	$(MAKE) compile-messages

demo: install compile-messages ## Migrate the database and build the demo site
	$(DEV) $(BIN)/python manage.py migrate --noinput
	$(DEV) $(BIN)/python manage.py build_demo_site --base-url "$${SITE_BASE_URL:-http://$(HOST):$(PORT)}"

run: demo ## Install, build the demo site and serve it on http://127.0.0.1:8000/
	$(DEV) $(BIN)/python manage.py runserver $(HOST):$(PORT)

lint: install-dev ## Ruff (lint and format check), the layering contracts and the template formatter
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/djade --check --target-version 5.2 $$(find $(APPS) -path '*/templates/*.html')

format: install-dev ## Format Python and templates, and apply ruff's safe fixes
	$(BIN)/ruff format .
	-$(BIN)/djade --target-version 5.2 $$(find $(APPS) -path '*/templates/*.html')
	-$(BIN)/ruff check --fix .

check: install-dev compile-messages ## Django system checks and the missing-migration check
	$(TEST) $(BIN)/python manage.py check
	$(TEST) $(BIN)/python manage.py makemigrations --check --dry-run

test: install-dev system-deps lint check ## Lint, then every test on SQLite and again on PostgreSQL
	@echo "== Tests on SQLite (with the browser tests) =="
	env -u DATABASE_URL $(BIN)/python -m pytest -m "not postgres"
	@echo "== Tests on PostgreSQL ($(POSTGRES_URL)) =="
	DATABASE_URL=$(POSTGRES_URL) $(BIN)/python -m pytest -m "not browser"

bench: install-dev system-deps compile-messages ## Queries, render times and gunicorn throughput at --volume 300 (BENCH_WRITE=1: into docs/performance.md)
	$(BIN)/python tests/benchmarks/bench.py

lighthouse: install-dev system-deps compile-messages ## Lighthouse (mobile) scores of every page type, median of 3 runs, on a throwaway production-like copy of the demo site
	$(BIN)/python tests/benchmarks/lighthouse.py $(LIGHTHOUSE_ARGS)

backup: install ## Back up the database and uploaded media into backups/<date-time>/ (or BACKUP=folder)
	$(DEV) $(BIN)/python manage.py backup $(BACKUP)

restore: install ## Replace the database and uploaded media with a backup: make restore BACKUP=folder
	@test -n "$(BACKUP)" || { echo "Say which backup: make restore BACKUP=backups/<date-time>"; exit 2; }
	$(DEV) $(BIN)/python manage.py restore --yes $(BACKUP)
