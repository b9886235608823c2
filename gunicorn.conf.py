"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py portal.wsgi`."""

import gc
import logging
import multiprocessing
import os

import jieba

# The master imports the app before it forks (`preload_app`), so every worker shares the app's
# code and data, jieba's dictionary (about 75 MB once built) and pypinyin's (about 57 MB, imported
# by the app) among them, copy-on-write, instead of holding its own copy, and no visitor's first
# Chinese search waits for jieba. The price: the master holds the code it started with, so a release
# restarts the service (deploy/systemd: systemd holds the listening socket meanwhile, and requests
# wait in its queue, none refused); a SIGHUP reload would start workers with the old code.
# `make run` reloads on every change instead, which a preloaded master cannot.
reload = os.environ.get("GUNICORN_RELOAD", "") == "1"
preload_app = not reload

jieba.setLogLevel(logging.WARNING)
jieba.initialize()

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
# A worker that hangs (a stuck database call) is replaced instead of holding a slot forever.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycling workers bounds the growth of any per-process memory, but each new worker starts with
# cold caches (and, not preloaded, imports the app again: about 1.5 s of CPU): at the cached rate
# (thousands of requests a second), 2,000 requests restarted a worker every second. A million lets
# a worker run for minutes at full cached load and for days at a real site's rate; the jitter keeps
# the workers from restarting together.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "1000000"))
max_requests_jitter = max_requests // 10
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn's runtime control socket sits at one path per user, so a second instance on the
# same host would take it over; nothing here uses it.
control_socket_disable = True


def when_ready(server):
    """Before the first fork: cut one Chinese phrase, so that the place names join jieba's
    dictionary in the master, shared, and not in a visitor's search; then freeze what the master
    holds, which never changes again, so that the collector's scans write to none of it (a write
    would copy the page into the worker)."""
    if not preload_app:
        return
    from django.db import connections

    from portal.search.analysis import segment

    segment("闵行区华漕镇")
    # Nothing the master runs should connect; were something to, every worker would inherit one
    # connection and talk over it at once.
    connections.close_all()
    gc.collect()
    gc.freeze()
