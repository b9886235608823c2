import pytest

from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.utils import translation

from wagtail.models import Site

from devtools.frontdoor import FrontDoorClient
from portal import generational
from portal.demotools import create_home_page


@pytest.fixture
def client():
    """A visitor's browser, through the front door that portal.wsgi serves (cached pages included)."""
    return FrontDoorClient()


@pytest.fixture
def home(db):
    """The site's HomePage, standing where a real deployment has it (the default site's root)."""
    return create_home_page(
        title_en="Home",
        title_zh_hans="首页",
        hero_title_en="Shanghai, explained for the world",
        hero_title_zh_hans="向世界讲述上海",
    )


@pytest.fixture
def site(home):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def empty_cache():
    """The test starts with an empty cache, and leaves one: rate-limit counts and cached pages
    of one test are never seen by another. A folder whose tests all count something in the
    cache asks for it in an autouse fixture of its conftest.

    Only a local-memory cache (the test settings') is emptied: a test that pointed the cache at a
    shared Redis must not empty it for every other run (``clear()`` there is a FLUSHDB).
    """
    _clear_local_cache()
    yield
    _clear_local_cache()


def _clear_local_cache():
    cache = caches["default"]
    if isinstance(cache, LocMemCache):
        cache.clear()


@pytest.fixture(autouse=True)
def nothing_kept_from_another_test():
    """What a process keeps per content generation (`portal.generational`) is forgotten between
    tests: a test's database is rolled back without a new generation."""
    generational.forget()
    yield
    generational.forget()


@pytest.fixture(autouse=True)
def mail_through_the_queue(settings):
    """Django's test set-up sends mail straight to its in-memory outbox; put the site's queue
    back in front of it, so every test's mail is stored and delivered as the worker does (the
    test settings' immediate task backend delivers it at once, into the same outbox)."""
    settings.EMAIL_BACKEND = "portal.mail.QueuedEmailBackend"


@pytest.fixture(autouse=True)
def uploads_in_a_scratch_folder(settings, tmp_path_factory):
    """Images, documents and credential scans a test makes go to a folder of its own, never into
    the `media/` and `private/` of the developer's local site."""
    folder = tmp_path_factory.mktemp("uploads")
    settings.MEDIA_ROOT = folder / "media"
    settings.PRIVATE_MEDIA_ROOT = folder / "private"


@pytest.fixture(autouse=True)
def default_language_after_each_test():
    """A request through the test client leaves its language active in the thread; the next
    test starts in the default language, as a new request would."""
    yield
    translation.deactivate()
