# One way to set up and run the project: `make run` (local site) and `make test` (test suite).
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test messages check-translations lint clean vendor-js

# Runtime (requirements.txt, what production installs) plus tests and tooling (requirements-dev.txt).
$(VENV)/.installed: requirements.txt requirements-dev.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements-dev.txt
	touch $@

# axe-core for the accessibility checks of the browser tests; without npm they are skipped.
# (npm keeps the packages' own file dates, so a stamp of our own marks the install.)
node_modules/.installed: package.json package-lock.json
	if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error && touch $@; else echo "npm not found: browser tests will be skipped"; fi

install: $(VENV)/.installed node_modules/.installed

# hls.js plays the conferences' live streams (static/js/broadcast.js). Its copy in static/js/vendor/ is
# committed, so that production serves it and needs no npm; after changing its version in
# package.json, `make vendor-js` copies it again (without the source-map line, whose map is not copied).
vendor-js: node_modules/.installed
	{ printf '/*! hls.js %s | Apache License 2.0, see hls.js-LICENSE.txt | copied by make vendor-js */\n' \
	    "$$(node -p 'require("./node_modules/hls.js/package.json").version')"; \
	  grep -v '^//# sourceMappingURL=' node_modules/hls.js/dist/hls.min.js; } > static/js/vendor/hls.min.js
	cp node_modules/hls.js/LICENSE static/js/vendor/hls.js-LICENSE.txt

# Local site on SQLite (or DATABASE_URL) with the demo content and a local admin account,
# served by every process of the Procfile (web, worker, clock) under honcho, as production runs them.
run: export SITE_URL ?= http://$(HOST):$(PORT)
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py install_site --demo
	-$(PY) manage.py ensure_local_admin --address $(HOST):$(PORT)
	PATH="$(abspath $(VENV))/bin:$$PATH" DJANGO_SETTINGS_MODULE=portal.settings.dev \
	  GUNICORN_BIND=$(HOST):$(PORT) WEB_CONCURRENCY=2 GUNICORN_RELOAD=1 $(VENV)/bin/honcho start

# The whole test suite; on PostgreSQL when DATABASE_URL points at one.
test: install
	$(PY) -m pytest

# After changing visible strings: refresh the catalogue, translate, then compile.
messages: install
	$(PY) manage.py makemessages -l zh_Hans --ignore=.venv --ignore=staticfiles --ignore=node_modules
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check-translations: install
	$(PY) manage.py check_translations

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
