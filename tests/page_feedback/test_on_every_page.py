"""The snippet: on the pages of every section, the same for every visitor, and free of queries."""

import pytest

from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from agencies.factories import AgencyIndexPageFactory, AgencyPageFactory
from cns.factories import CNSHomePageFactory, GuideIndexPageFactory, GuidePageFactory, TownshipFactory
from page_feedback.templatetags import page_feedback as on_page
from portal.factories import StandardPageFactory
from pressroom.factories import PressReleasePageFactory, PressroomPageFactory
from tests.kit import parse, soup

from .kit import snippet

pytestmark = pytest.mark.django_db


@pytest.fixture
def sections(home):
    """A page of each kind in every section, and the Wagtail page each address belongs to."""
    about = StandardPageFactory(parent=home, slug="about")
    directory = AgencyIndexPageFactory(parent=about, slug="agencies")
    agency = AgencyPageFactory(parent=directory, slug="health")
    press = PressroomPageFactory(parent=home, slug="press")
    release = PressReleasePageFactory(parent=press, slug="briefing")
    cns = CNSHomePageFactory(parent=home, slug="cns")
    guides = GuideIndexPageFactory(parent=cns, slug="guides")
    guide = GuidePageFactory(parent=guides, slug="visa")
    TownshipFactory(slug="huacao")
    return {
        "/": home,
        "/about/": about,
        "/about/agencies/": directory,
        "/about/agencies/health/": agency,
        "/press/": press,
        "/press/briefing/": release,
        "/press/register/": press,
        "/cns/": cns,
        "/cns/guides/visa/": guide,
        "/cns/townships/huacao/": cns,
        "/cns/feedback/": cns,
    }


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_every_section_offers_yes_no_and_a_report_link_for_its_own_page(client, sections, language):
    for address, page in sections.items():
        path = f"/{language}{address}"
        shown = snippet(client.get(path))

        assert shown is not None, path
        form = shown.find("form")
        assert form["method"] == "post" and form["action"] == f"/{language}/page-feedback/answer/"
        assert form.find("input", attrs={"name": "feedback-page"})["value"] == str(page.pk), path
        assert form.find("input", attrs={"name": "feedback-path"})["value"] == path
        assert {button["value"] for button in form.find_all("button")} == {"yes", "no"}
        assert not form.find("input", attrs={"name": "csrfmiddlewaretoken"})  # the same page for everyone
        report = shown.find("a", href=lambda href: "/report/" in href)
        assert report["href"] == f"/{language}/page-feedback/report/?page={page.pk}&path={path}"
        assert client.get(report["href"]).status_code == 200


def test_the_snippet_speaks_the_visitors_language(client, sections):
    english, chinese = (snippet(client.get(f"/{language}/about/")) for language in ("en", "zh-hans"))

    assert english.h2.get_text(strip=True) == "Is this page useful?"
    assert [button.get_text(strip=True) for button in english.find_all("button")] == ["Yes", "No"]
    assert english.find("a", href=lambda href: "/report/" in href).get_text() == "Report a problem with this page"
    # Needs the Chinese catalogue:
    assert chinese.h2.get_text(strip=True) != "Is this page useful?"
    assert [button.get_text(strip=True) for button in chinese.find_all("button")] != ["Yes", "No"]
    assert chinese.find("a", href=lambda href: "/report/" in href).get_text() != "Report a problem with this page"


def test_search_results_carry_it_with_their_path_and_never_the_query(client, home):
    shown = snippet(client.get("/en/search/", {"q": "my passport number E1234567"}))

    assert shown.find("input", attrs={"name": "feedback-path"})["value"] == "/en/search/"
    assert not shown.find("input", attrs={"name": "feedback-page"}).get("value")
    assert "E1234567" not in str(shown)


def test_page_not_found_carries_none(client, home):
    assert snippet(client.get("/en/no-such-page/"), status=404) is None


def test_no_id_of_the_snippet_is_used_twice_on_a_page_with_a_form_of_its_own(client, sections):
    page = soup(client.get("/en/cns/feedback/"))

    ids = [element["id"] for element in page.find_all(id=True)]
    assert len(ids) == len(set(ids))
    assert page.select_one("aside.page-feedback #id_feedback-website")


def test_the_snippet_adds_no_query_to_a_page(sections, django_assert_num_queries):
    guide = sections["/cns/guides/visa/"]
    request = RequestFactory().get("/en/cns/guides/visa/")

    with translation.override("en"), django_assert_num_queries(0):
        markup = render_to_string("page_feedback/on_page.html", {"page": guide, "request": request})

    assert parse(markup).find("input", attrs={"name": "feedback-page"})["value"] == str(guide.pk)


@pytest.mark.parametrize("address", ["/cns/guides/visa/", "/press/", "/about/agencies/", "/cns/townships/huacao/"])
def test_a_page_costs_the_same_queries_with_the_snippet_as_without(client, sections, monkeypatch, address):
    url = f"/zh-hans{address}"
    client.get(url)  # warm Wagtail's per-process caches (site root paths)

    with CaptureQueriesContext(connection) as with_snippet:
        assert snippet(client.get(url)) is not None
    monkeypatch.setattr(on_page, "is_site_path", lambda path: False)  # the tag then shows nothing
    with CaptureQueriesContext(connection) as without:
        assert snippet(client.get(url)) is None

    assert len(with_snippet) == len(without)
