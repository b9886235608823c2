"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py portal.wsgi`."""

import gc
import logging
import multiprocessing
import os

import jieba
import pypinyin  # noqa: F401 - its dictionaries load on import: once here, in the master

# The two large dictionaries, jieba's (about 75 MB once built) and pypinyin's (about 57 MB), load
# here in the master, which reads this file before it forks: every worker shares their memory
# (copy-on-write) instead of holding its own, and no visitor's first Chinese search waits for jieba.
# Only these libraries' data, not the app (`preload_app` stays off): a release's graceful reload
# (SIGHUP, deploy/systemd/portal-web.service) starts workers that import the new code, which
# workers forked from a master holding the old code would not. Nothing here opens a connection,
# a client or a thread, so nothing unsafe to share crosses the fork.
jieba.setLogLevel(logging.WARNING)
jieba.initialize()
# What the master holds now never changes: keep the collector from writing to those objects (and
# so copying their pages into every worker) when it scans.
gc.freeze()

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
# A worker that hangs (a stuck database call) is replaced instead of holding a slot forever.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycling workers bounds the growth of any per-process memory, but each new worker imports the
# app again (about 1.5 s of CPU) and starts with cold caches: at the cached rate (thousands of
# requests a second), 2,000 requests restarted a worker every second. A million lets a worker run
# for minutes at full cached load and for days at a real site's rate; the jitter keeps the workers
# from restarting together.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000000"))
max_requests_jitter = max_requests // 10
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# `make run` sets it, so that a developer's change to code or templates is served at once.
reload = os.environ.get("GUNICORN_RELOAD", "") == "1"
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn's runtime control socket sits at one path per user, so a second instance on the
# same host would take it over; nothing here uses it.
control_socket_disable = True


def post_worker_init(worker):
    """Cut one Chinese phrase before the first request: the place names join jieba's shared
    dictionary now, not in a visitor's search."""
    from portal.search.analysis import segment

    segment("闵行区华漕镇")
