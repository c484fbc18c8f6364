# specdown: the two commands a newcomer needs are `make generate` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared

DOCS    := spec/docs
SPEC    := spec/openapi.yaml
PACKAGE := onlinemeetings
OUT     := generated/$(PACKAGE)

.PHONY: generate spec code test test-fast lint bench check clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

## Regenerate the golden files: spec/openapi.yaml from spec/docs, then generated/ from the spec.
generate: spec code

spec: $(STAMP)
	$(BIN)/specdown spec $(DOCS) -o $(SPEC)

code: $(STAMP)
	$(BIN)/specdown generate $(SPEC) -o $(OUT) --package $(PACKAGE)

## Fail when the committed golden files are stale (never writes).
check: $(STAMP)
	$(BIN)/specdown spec $(DOCS) -o $(SPEC) --check
	$(BIN)/specdown generate $(SPEC) -o $(OUT) --package $(PACKAGE) --check

## The whole suite (unit, golden, generated-code and ../shared corpus tests).
test: $(STAMP)
	$(BIN)/pytest -n auto -q

## Unit tests only: seconds.
test-fast: $(STAMP)
	$(BIN)/pytest -n auto -q -m "not corpus and not slow"

lint: $(STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/mypy
	$(BIN)/mypy --strict $(OUT)
	$(BIN)/ruff check --isolated --select E9,F,I $(OUT)

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
