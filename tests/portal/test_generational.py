"""What every page shows is rendered once per content generation (portal.generational), for the
pages the page cache does not answer: a visitor with a cookie sees every change at once, in the
right language and section, and a page never shows another page's own parts."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from devtools.frontdoor import FrontDoorClient
from notices.models import SiteNotice
from portal import pagecache
from portal.factories import StandardPageFactory
from portal.models import OfficeContact

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings, empty_cache):
    settings.PAGE_CACHE_SECONDS = 300


@pytest.fixture
def visitor():
    """A browser with the CSRF cookie of a form it opened: the page cache never answers it."""
    browser = FrontDoorClient()
    browser.cookies["csrftoken"] = "k" * 32
    return browser


def read(visitor, path):
    response = visitor.get(path)
    assert response.status_code == 200 and "X-Page-Cache" not in response
    return response.content.decode()


def test_a_page_published_is_in_the_menu_of_the_next_page_shown(visitor, home):
    section = StandardPageFactory(parent=home, slug="about", title_en="Old title", show_in_menus=True)
    assert "Old title" in read(visitor, "/en/")

    section.title_en = "New title"
    section.save_revision().publish()
    StandardPageFactory(parent=home, slug="visit", title_en="Visiting", show_in_menus=True)

    menu = read(visitor, "/en/").split('id="main-menu"')[1].split("</nav>")[0]
    assert "New title" in menu and "Visiting" in menu and "Old title" not in menu


def test_the_footer_and_the_notice_change_at_once(visitor, home):
    contact = OfficeContact.for_site(home.get_site())
    contact.telephone = "+86 21 0000 0001"
    contact.save()
    assert "+86 21 0000 0001" in read(visitor, "/en/")

    contact.telephone = "+86 21 0000 0002"
    contact.save()
    SiteNotice.objects.create(text_en="The office is closed on Friday.", shown=True)

    page = read(visitor, "/en/")
    assert "+86 21 0000 0002" in page and "+86 21 0000 0001" not in page
    assert "The office is closed on Friday." in page


def test_each_language_gets_its_own(visitor, home):
    StandardPageFactory(parent=home, slug="about", title_en="About", title_zh_hans="关于", show_in_menus=True)
    english = read(visitor, "/en/about/")

    chinese = read(visitor, "/zh-hans/about/")

    assert "关于" in chinese and ">About<" not in chinese
    assert ">About<" in english
    assert 'action="/zh-hans/search/"' in chinese and 'action="/en/search/"' in english


def test_the_menu_marks_the_section_of_the_page_shown(visitor, home):
    StandardPageFactory(parent=home, slug="about", title_en="About", show_in_menus=True)
    visit = StandardPageFactory(parent=home, slug="visit", title_en="Visiting", show_in_menus=True)
    StandardPageFactory(parent=visit, slug="metro", title_en="Metro")

    for path, current in (("/en/about/", "About"), ("/en/visit/metro/", "Visiting"), ("/en/", None)):
        menu = read(visitor, path).split('id="main-menu"')[1].split("</nav>")[0]
        marked = [item for item in menu.split("<li>") if 'aria-current="page"' in item]
        assert [current in item for item in marked] == ([True] if current else [])


def test_a_page_shows_its_own_feedback_target(visitor, home):
    about = StandardPageFactory(parent=home, slug="about")
    visit = StandardPageFactory(parent=home, slug="visit")

    for page in (about, visit, about):
        shown = read(visitor, page.url)
        assert f'name="feedback-page" value="{page.pk}"' in shown
        assert f'name="feedback-path" value="{page.url}"' in shown


def test_a_miss_reads_what_every_page_shows_once_per_generation(visitor, home):
    StandardPageFactory(parent=home, slug="about", show_in_menus=True)
    read(visitor, "/en/about/")  # what only a first request reads (the contact details' row, made)
    home.save_revision().publish()
    with CaptureQueriesContext(connection) as after_a_change:
        read(visitor, "/en/about/")
    with CaptureQueriesContext(connection) as again:
        read(visitor, "/en/about/")

    def site_reads(captured):
        return [query for query in captured if 'FROM "wagtailcore_site"' in query["sql"]]

    assert site_reads(after_a_change) and not site_reads(again)
    assert len(again) < len(after_a_change)


def test_without_the_page_cache_every_page_reads_afresh(visitor, home, settings):
    """A local run: each process's cache is its own, and a change made in another process (the
    admin's, the clock's) would not start a generation this one sees."""
    settings.PAGE_CACHE_SECONDS = 0
    StandardPageFactory(parent=home, slug="about")
    visitor.get("/en/about/")
    with CaptureQueriesContext(connection) as first:
        visitor.get("/en/about/")
    with CaptureQueriesContext(connection) as again:
        visitor.get("/en/about/")

    assert len(again) == len(first)
    assert any('FROM "wagtailcore_site"' in query["sql"] for query in again)


def test_a_change_starts_a_generation_again_when_it_is_committed(django_capture_on_commit_callbacks):
    """A page rendered between the change and its commit read the content from before it."""
    with django_capture_on_commit_callbacks(execute=True):
        pagecache.start_new_generation()
        before_the_commit = pagecache.current_generation()

    assert pagecache.current_generation() > before_the_commit
