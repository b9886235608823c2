"""A whole-page cache for anonymous visitors, kept in the shared cache.

Every cached page is stored under the current "content generation". Publishing,
unpublishing, moving or deleting any page starts a new generation, so no visitor sees a
page older than the last change anywhere on the site: menus, the home page's latest
items and breadcrumbs all show other pages' titles, so purging one URL is not enough.
So does saving or deleting a snippet (townships, topics, service platforms), a site setting
(the footer's contact details) or the Wagtail Site (its address is in every absolute link).

Pages are also filed under the release that rendered them (portal.release), so a new
release never serves a page that the old code rendered.

A hit is answered in front of Django (`FrontDoor`, the WSGI application of portal.wsgi), as
WhiteNoise answers a static file: no middleware, signal or view runs, and it is one round trip to
the shared cache. The page is stored with the generation it was rendered in, under a key without
it, and one MGET reads the current generation and the page together; a page of an older
generation is a miss, and its entry is overwritten. A generation starts at a number taken from the
clock, never 1 again: were the generation's key lost (evicted, or Redis emptied) while pages
stayed, no page of before could match the new one.

A miss goes through Django, where `AnonymousPageCacheMiddleware` decides whether the page may be
kept (an anonymous visitor's page, nothing private, every query parameter read); the front door
then stores the answer as it leaves Django, with every header the middleware added, so a hit
sends the same headers as the page it copies.

A page is stored compressed (gzip, once, as it is cached), and goes out so to every browser that
accepts gzip, as WhiteNoise's static files do: nginx passes an encoded answer through rather than
compressing the same page again on every hit. A client without gzip gets it decompressed.

A page is keyed by its path and its query string, and stored only if the page read every
parameter of that query string (request.GET.get(), getlist(), [] or `in`): a parameter no page
reads (`?utm_source=`, `?x=1`, a fuzzer's) never makes an entry of its own, while a listing's
filters and pages (`?topic=`, `?page=`) are cached as before. Pages declare nothing: what they
read is what they use. The query string in the key is put in one order (`?b=2&a=1` is `?a=1&b=2`)
and hashed, so a long one does not make a long key. Values of a parameter that a page reads are
as many as visitors send (`?page=`, a search): the cache's memory limit and eviction bound those
(see the README on Redis).
"""

import gzip
import hashlib
import re
import time
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import QueryDict
from django.utils.cache import get_max_age, patch_response_headers, patch_vary_headers
from django.utils.encoding import escape_uri_path

from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from .release import current_release

GENERATION_KEY = "pagecache:generation"
_SKIPPED_PREFIXES = ("/admin/", "/healthz", "/static/", "/media/", "/documents/")
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")  # as Django's GZipMiddleware reads Accept-Encoding


def _first_generation():
    return time.time_ns()


def current_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _first_generation(), None)
        generation = cache.get(GENERATION_KEY)
    return generation


def start_new_generation(**kwargs):
    """A new generation now, and again when the change is committed: a page rendered in between
    read the content as it was before (the change is not visible until the commit) and must not
    be kept as the new generation's."""
    _next_generation()
    transaction.on_commit(_next_generation)


def _next_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.add(GENERATION_KEY, _first_generation(), None)


def request_generation(environ):
    """The generation the request is served in: the one the front door read with the page it
    missed, else the current one."""
    missed = environ.get(_MISSED)
    return missed[1] if missed is not None else current_generation()


class ReadParameters(QueryDict):
    """A request's query parameters that note which of them the page read, one by one (`read`).

    Reading them all at once (iterating, items(), copy(), urlencode(): what `{% querystring %}`
    does to carry them into links) is not using them.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.read = set()

    @classmethod
    def of(cls, query):
        parameters = cls(mutable=True, encoding=query.encoding)
        for name, values in query.lists():
            parameters.setlist(name, values)
        parameters._mutable = False
        return parameters

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self.read.add(key)
        return super().__contains__(key)

    def get(self, key, default=None):
        self.read.add(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        self.read.add(key)
        return super().getlist(key, default)

    def all_read(self):
        return self.read.issuperset(self.keys())


def cache_key(request):
    """The key of the page at this address: release, host, path, query (the generation is stored
    with the page)."""
    # Parameters in the order of their names; the values of one, in the order sent (getlist()).
    query = urlencode([(name, value) for name, values in sorted(request.GET.lists()) for value in values])
    digest = hashlib.sha256(query.encode()).hexdigest()[:32] if query else "-"
    path = escape_uri_path(request.path)
    return f"pagecache:{current_release()}:{request.get_host()}:{path}:{digest}"


# What the front door leaves in the WSGI environ for Django (the entry it missed) and what the
# middleware leaves for the front door (that the answer may be stored).
_MISSED = "portal.pagecache.missed"
_KEEP = "portal.pagecache.keep"
_STRIPPED = frozenset({"content-length", "x-page-cache"})


class FrontDoor:
    """The site's WSGI application: answers a page from the cache, or passes the request to Django
    and stores what the middleware marked as cacheable."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if not settings.PAGE_CACHE_SECONDS:
            return self.application(environ, start_response)
        found = cached_page(environ)
        if found is not None:
            status, headers, body = found
            start_response(status, headers)
            return [body]
        answer = {}

        def remember(status, headers, exc_info=None):
            answer.update(status=status, headers=headers)
            return start_response(status, headers, exc_info)

        result = self.application(environ, remember)
        if not environ.get(_KEEP):
            return result
        try:
            body = b"".join(result)
        finally:
            getattr(result, "close", lambda: None)()
        store(environ, answer["status"], answer["headers"], body)
        return [body]


def cached_page(environ):
    """(status, headers, body) of the cached page for this request, or None. On a miss of a page
    that may be cached, the environ keeps the key and the generation for the middleware."""
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return None
    # Read as Django reads it (host validation, the proxy's scheme, cookies, the query string);
    # nothing here reads the body.
    request = WSGIRequest(environ)
    if not _cacheable_request(request) or (settings.SECURE_SSL_REDIRECT and not request.is_secure()):
        return None  # Django answers: its redirect to https, or a page that is not cached
    try:
        key = cache_key(request)
    except DisallowedHost:
        return None  # Django answers 400
    found = cache.get_many([GENERATION_KEY, key])  # one round trip (MGET)
    generation = found.get(GENERATION_KEY)
    if generation is None:
        generation = current_generation()
    entry = found.get(key)
    if entry is not None and entry[0] == generation:
        return _hit(request, *entry[1:])
    environ[_MISSED] = (key, generation)
    return None


def store(environ, status, headers, body):
    """Keeps the page as it leaves Django, compressed (gzip, once), under the generation read before
    it was rendered: a change while it rendered has started a newer one, and it is a miss from the start."""
    key, generation = environ[_MISSED]
    kept = [(name, value) for name, value in headers if name.lower() not in _STRIPPED]
    cache.set(
        key, (generation, status, kept, gzip.compress(body, compresslevel=6, mtime=0)), settings.PAGE_CACHE_SECONDS
    )


def _hit(request, status, headers, body):
    compressed = bool(_ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
    if not compressed:
        body = gzip.decompress(body)
    sent = [*headers, ("Content-Length", str(len(body))), ("X-Page-Cache", "hit")]
    if compressed:
        sent.append(("Content-Encoding", "gzip"))
    return status, sent, b"" if request.method == "HEAD" else body


def _cacheable_request(request):
    return (
        not request.path.startswith(_SKIPPED_PREFIXES)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and settings.CSRF_COOKIE_NAME not in request.COOKIES
    )


class AnonymousPageCacheMiddleware:
    """Marks the answer to a page the front door missed as one to keep: a page of an anonymous
    visitor that is not private and that read every query parameter it was given."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _MISSED not in request.environ:
            return self.get_response(request)
        request.GET = parameters = ReadParameters.of(request.GET)
        response = self.get_response(request)
        # A parameter that neither the view nor its template read did not make this page: it
        # gets no entry of its own. (A HEAD is answered from the cache, never stored.)
        if request.method == "GET" and self._cacheable_response(response) and parameters.all_read():
            if getattr(response, "render", None) and not response.is_rendered:
                response.render()
            patch_response_headers(response, cache_timeout=min(settings.PAGE_CACHE_SECONDS, 60))
            # The cached copy goes out compressed to browsers that accept it, and not to others.
            patch_vary_headers(response, ("Accept-Encoding",))
            response["X-Page-Cache"] = "miss"
            request.environ[_KEEP] = True
        return response

    @staticmethod
    def _cacheable_response(response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.cookies
            and not response.streaming
            and "private" not in cache_control
            and "no-cache" not in cache_control
            and get_max_age(response) != 0
        )


page_published.connect(start_new_generation, dispatch_uid="pagecache-published")
page_unpublished.connect(start_new_generation, dispatch_uid="pagecache-unpublished")
post_page_move.connect(start_new_generation, dispatch_uid="pagecache-moved")


def _shown_on_pages(sender, instance):
    """Snippets and site settings; not a page's own save, which a draft makes too (publishing counts)."""
    # A view restriction decides who may see a page, so a cached copy must not outlive its change.
    return isinstance(instance, (BaseSiteSetting, Site, PageViewRestriction)) or sender in get_snippet_models()


@receiver(post_save, dispatch_uid="pagecache-saved")
def _content_saved(sender, instance, created, **kwargs):
    # A site setting is created, with the defaults pages already show, the first time a page
    # reads it; that is no change.
    if _shown_on_pages(sender, instance) and not (created and isinstance(instance, BaseSiteSetting)):
        start_new_generation()


@receiver(post_delete, dispatch_uid="pagecache-deleted")
def _content_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) or _shown_on_pages(sender, instance):
        start_new_generation()
