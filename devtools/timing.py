"""Timing how the site serves its pages: in-process through Django's test client, and under load
through HTTP from client threads (gunicorn, or nginx in front of it)."""

import http.client
import math
import os
import statistics
import threading
import time
from collections import Counter
from functools import partial
from itertools import cycle, islice

from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.contrib.routable_page.models import RoutablePageMixin

from .frontdoor import FrontDoorClient
from .pagefill import page_types

LANGUAGES = ("en", "zh-hans")


def sample_urls(model, samples, language):
    pages = model.objects.live().order_by("-path")[:samples]
    with translation.override(language):
        return [url for url in (page.get_url() for page in pages) if url]


def targets(samples):
    """(label, live pages of the type, urls(language)) for every page type, then for every route
    without parameters of the routable pages (listings, feeds, forms served under a page)."""
    for model in page_types():
        yield model.__name__, model.objects.live().count(), partial(sample_urls, model, samples)
    for model in page_types():
        if not issubclass(model, RoutablePageMixin):
            continue
        page = model.objects.live().first()
        if page is None:
            continue
        for pattern in page.get_subpage_urls():
            if not pattern.name or pattern.pattern.regex.groups:
                continue
            suffix = page.reverse_subpage(pattern.name)
            if suffix:
                yield f"{model.__name__} /{suffix}", None, partial(_route_urls, page, suffix)


def _route_urls(page, suffix, language):
    with translation.override(language):
        return [page.get_url() + suffix]


def measure(urls, requests, cache_seconds):
    """Median and 95th-percentile time (ms) and queries of `requests` requests, taking `urls` in turn.

    Every row counts the same number of requests, whether its type has one page (the home page,
    a route) or many, so that a row's p95 is a 95th percentile and not its one slowest request.
    """
    if not urls:
        return None
    client = FrontDoorClient(HTTP_HOST="localhost")
    times, queries, statuses = [], [], Counter()
    # DEBUG off, as in production; static URLs unhashed, since a scratch database has no collectstatic run.
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(PAGE_CACHE_SECONDS=cache_seconds, DEBUG=False, STORAGES=storages):
        for url in urls:  # warm up: templates compiled, cache filled when it is on
            client.cookies.clear()
            client.get(url)
        for url in islice(cycle(urls), requests):
            client.cookies.clear()
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url)
                elapsed = time.perf_counter() - started
            statuses[response.status_code] += 1
            times.append(elapsed * 1000)
            queries.append(len(captured))
    return {
        "median": statistics.median(times),
        "p95": percentile(times, 95),
        "queries": statistics.median(queries),
        "queries_max": max(queries),
        "requests": len(times),
        "statuses": statuses,
    }


def load_test(host, port, path, seconds, max_requests, threads, headers=None):
    """Requests per second against `path` from `threads` keep-alive connections, each request with
    `headers` besides Host and Accept-Encoding."""
    sent_headers = {"Host": host, "Accept-Encoding": "gzip", **(headers or {})}
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds
    counts = Counter()
    latencies = []

    def worker():
        connection_ = http.client.HTTPConnection(host, port, timeout=10)
        while time.perf_counter() < deadline:
            with lock:
                if counts["sent"] >= max_requests:
                    break
                counts["sent"] += 1
            started = time.perf_counter()
            try:
                connection_.request("GET", path, headers=sent_headers)
                response = connection_.getresponse()
                response.read()
                status = response.status
            except (OSError, http.client.HTTPException):
                connection_.close()
                connection_ = http.client.HTTPConnection(host, port, timeout=10)
                status = "error"
            elapsed = time.perf_counter() - started
            with lock:
                counts[status] += 1
                latencies.append(elapsed * 1000)
        connection_.close()

    started = time.perf_counter()
    workers = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    duration = time.perf_counter() - started
    ok = counts[200]
    return {
        "ok": ok,
        "other": sum(v for k, v in counts.items() if k not in ("sent", 200)),
        "rps": ok / duration if duration else 0.0,
        "median": statistics.median(latencies) if latencies else 0.0,
        "p95": percentile(latencies, 95) if latencies else 0.0,
    }


def percentile(values, percent):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(percent / 100 * len(ordered)) - 1)]


def load_average():
    try:
        return " / ".join(f"{value:.1f}" for value in os.getloadavg()) + f" on {os.cpu_count()} cores"
    except OSError:
        return "unknown"
