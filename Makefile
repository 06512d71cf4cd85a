# Every target creates .venv when it is missing and installs what it needs, so a fresh machine
# with only Python >= 3.10 can run them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: help run test lint bench demo docs dist smoke clean
.DEFAULT_GOAL := help

help:  ## list the targets
	@grep -E '^[a-z][a-z-]*:.*## ' $(MAKEFILE_LIST) | sort \
	  | awk 'BEGIN {FS = ":.*## "} {printf "  make %-8s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.run: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	touch $@

$(VENV)/.dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test,dev]'
	touch $@

$(VENV)/.bench: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test,bench]'
	touch $@

$(VENV)/.server: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[server]'
	touch $@

$(VENV)/.docs: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[docs]'
	touch $@

run: $(VENV)/.run  ## check the bundled sample comments (examples/), with a verdict per line
	$(BIN)/vncomment scan examples/comments.txt

test: $(VENV)/.test  ## run every test
	$(BIN)/python -m pytest

lint: $(VENV)/.dev  ## ruff and mypy (strict)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy

bench: $(VENV)/.bench  ## accuracy and speed tables (needs ../shared/corpus)
	$(BIN)/python benchmarks/run_all.py

demo: $(VENV)/.server  ## the demo article with a live comment box at http://127.0.0.1:8000/
	$(BIN)/vncomment serve --demo

docs: $(VENV)/.docs  ## build the documentation site into site/ (warnings are errors)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict

dist: $(VENV)/.dev  ## build the sdist and wheel into dist/ and check them with twine
	rm -rf dist
	$(BIN)/python -m build --quiet --outdir dist .
	@ls -l dist
	$(BIN)/twine check --strict dist/*

smoke: dist  ## install the wheel into a fresh venv without extras and smoke-test it
	$(BIN)/python scripts/smoke_wheel.py dist/*.whl

clean:  ## remove .venv, build output and caches
	rm -rf $(VENV) build dist site .pytest_cache .mypy_cache .ruff_cache
