"""Development-only tooling: the benchmarks (``manage.py benchmark_pages``, ``benchmark_search``)
and their load tool (HTTP requests from client threads, for ``benchmark_pages --gunicorn``).

Installed by ``portal/settings/dev.py`` and ``portal/settings/test.py``, never by production, so that
nothing here can run against the live database. It builds on ``portal`` and, like ``portal``,
imports no section: page types come from Wagtail, other models from the app registry.

- ``pagefill``: fills a scratch database with copies of the demo content, to a given volume.
- ``timing``: times requests in-process (test client) and under load (HTTP from client threads).
"""
