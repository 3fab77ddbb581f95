# The README's two commands: `make demo` and `make test`. Both work on a fresh Linux machine with
# Python >= 3.11, make and Node/npm; everything else is installed here.
PYTHON ?= python3
UV_VERSION := 0.13.9
UV := .tools/bin/uv
VENV := .venv
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: demo test venv venv-test assets chromium lint bench clean

demo: venv assets
	$(VENV)/bin/fourfold demo

# The whole suite on the database DATABASE_URL names (default: embedded SQLite under var/).
# CI runs it twice: once as it is (SQLite) and once with DATABASE_URL pointing at PostgreSQL.
test: venv-test assets chromium
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks
	@case "$$DATABASE_URL" in postgres*) \
		$(VENV)/bin/python -c "import os,psycopg; u=os.environ['DATABASE_URL']; psycopg.connect(u.rsplit('/',1)[0]+'/postgres', connect_timeout=5).close()" \
		|| { echo "PostgreSQL is not reachable at $$DATABASE_URL (start it: see .ci/run)"; exit 1; };; esac
	$(VENV)/bin/pytest --create-db

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet "uv==$(UV_VERSION)"

venv: $(UV)
	$(UV) sync --locked --quiet --inexact

venv-test: $(UV)
	$(UV) sync --locked --quiet --extra test --extra febrl

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
