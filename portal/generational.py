"""What every page shows and only a change of content changes, kept in each process for the
content generation (`portal.pagecache`).

The site and its home page, the main menu, the footer, the site notice, the pressroom's archive
and filter options: the same on thousands of pages, and changed only by what starts a new
generation (publishing, moving or deleting a page, saving a snippet, a site setting or the
Site). A page the page cache does not answer (a visitor with a cookie, a search, a listing's
filters, the first visit after a change) still renders; this keeps it from reading and rendering
those parts again. What a page shows of its own is never kept here.

Kept in the process's memory, not in the shared cache: a hit costs no round trip and nothing is
unpickled but what is asked for, and every process reads the generation each request, so a
change anywhere is seen at once everywhere. Kept only with the page cache on (PAGE_CACHE_SECONDS,
which production sets): a local run's cache is each process's own memory, where no generation
started in another process (the admin's, the clock's) would be seen. An entry lasts no longer
than a cached page does, whatever the generation.

`kept(key, compute)` outside a request (a task, a shell, a test without the client) computes.
"""

import contextvars
import threading
import time

from django.conf import settings

from . import pagecache

_UNREAD = object()
_request = contextvars.ContextVar("portal.generational.request", default=None)


class _RequestGeneration:
    """The generation a request is served in, read at most once, when first asked for."""

    def __init__(self, environ):
        self.environ = environ
        self.value = _UNREAD

    def get(self):
        if self.value is _UNREAD:
            self.value = pagecache.request_generation(self.environ) if settings.PAGE_CACHE_SECONDS else None
        return self.value


class ContentGenerationMiddleware:
    """Makes the request's content generation known to what renders its page (`kept`)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(_RequestGeneration(request.environ))
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


class _Kept:
    """One process's entries, all of one generation: a newer generation empties it."""

    LIMIT = 1024  # a bound against keys from visitors' input; far more than the site's parts

    def __init__(self):
        self.lock = threading.Lock()
        self.generation = None
        self.entries = {}

    def get(self, generation, key):
        found = self.entries.get(key) if generation == self.generation else None
        if found is None or found[0] < time.monotonic():
            return _UNREAD
        return found[1]

    def put(self, generation, key, value):
        with self.lock:
            if generation != self.generation:
                if self.generation is not None and generation < self.generation:
                    return  # rendered in a generation already over
                self.generation, self.entries = generation, {}
            elif len(self.entries) >= self.LIMIT:
                self.entries = {}
            self.entries[key] = (time.monotonic() + settings.PAGE_CACHE_SECONDS, value)

    def forget(self):
        with self.lock:
            self.generation, self.entries = None, {}


_kept = _Kept()


def kept(key, compute):
    """`compute()`, or what it gave for `key` earlier in this content generation. `key` names
    everything the value depends on besides the content (a language, a host); the value must
    not be changed by whoever receives it (text, tuples, bytes)."""
    reading = _request.get()
    generation = reading.get() if reading is not None else None
    if generation is None:
        return compute()
    value = _kept.get(generation, key)
    if value is _UNREAD:
        value = compute()
        _kept.put(generation, key, value)
    return value


def forget():
    """Empties this process's entries (tests, whose databases change without a new generation)."""
    _kept.forget()
