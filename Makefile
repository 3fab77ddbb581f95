# The README's two commands: `make demo` and `make test`. Both work on a fresh Linux machine with
# Python >= 3.11, make and Node/npm; everything else is installed here.
PYTHON ?= python3
UV_VERSION := 0.13.9
UV := .tools/bin/uv
VENV := .venv
export UV_PROJECT_ENVIRONMENT := $(VENV)
# The PostgreSQL server the tests use (on the development machines: 127.0.0.1:5432, trust auth).
TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/fourfold

.PHONY: demo test test-sqlite test-postgres venv venv-test assets chromium lint bench clean

demo: venv assets
	$(VENV)/bin/fourfold demo

test: venv-test assets chromium
	$(MAKE) test-sqlite
	$(MAKE) test-postgres

test-sqlite:
	DATABASE_URL= $(VENV)/bin/pytest

# Every database-touching test again on PostgreSQL (tests marked by pytest-django's django_db or in tests/web).
test-postgres:
	@$(VENV)/bin/python -c "import psycopg,sys; psycopg.connect('$(TEST_POSTGRES_URL)'.replace('/fourfold','/postgres'), connect_timeout=5).close()" \
		|| (echo "PostgreSQL is not reachable at $(TEST_POSTGRES_URL); start it (see .ci/run)"; exit 1)
	DATABASE_URL=$(TEST_POSTGRES_URL) $(VENV)/bin/pytest tests/web

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet "uv==$(UV_VERSION)"

venv: $(UV)
	$(UV) sync --locked --quiet

venv-test: $(UV)
	$(UV) sync --locked --quiet --extra test

# Front-end packages from npm (GOV.UK Frontend, MoJ Frontend, htmx, axe-core); never committed.
assets: node_modules/.package-lock.json
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

# Debian's Chromium for the browser tests (never `playwright install`).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
		else echo "Install Debian's chromium (sudo apt-get install chromium) for the browser tests"; exit 1; fi; }

lint: venv-test
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy src/fourfold/law src/fourfold/narrative

bench: venv-test
	$(VENV)/bin/python -m benchmarks

clean:
	rm -rf $(VENV) .tools node_modules var
