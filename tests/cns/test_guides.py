"""The guide index narrows guides by category and audience, with a constant number of queries."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from cns.factories import GuidePageFactory
from cns.models import GuideIndexPage
from tests.kit import soup

pytestmark = pytest.mark.django_db


def titles(response):
    return sorted(title.get_text(strip=True) for title in soup(response).main.select(".cns-guide-card .card__title"))


@pytest.fixture
def guides(guide_index):
    GuidePageFactory(
        parent=guide_index, title_en="Register where you stay", category="accommodation", audience="everyone"
    )
    GuidePageFactory(parent=guide_index, title_en="Get a work permit", category="work-permits", audience="work")
    GuidePageFactory(parent=guide_index, title_en="Ride the metro", category="transport", audience="visitors")
    GuidePageFactory(parent=guide_index, title_en="Unpublished", category="transport", audience="visitors", live=False)


def test_index_lists_every_live_guide(client, guides):
    assert titles(client.get("/en/cns/guides/")) == ["Get a work permit", "Register where you stay", "Ride the metro"]


def test_filter_by_category(client, guides):
    assert titles(client.get("/en/cns/guides/?category=transport")) == ["Ride the metro"]


def test_filter_by_audience_includes_guides_for_everyone(client, guides):
    assert titles(client.get("/en/cns/guides/?audience=work")) == ["Get a work permit", "Register where you stay"]


def test_filters_combine(client, guides):
    assert titles(client.get("/en/cns/guides/?category=accommodation&audience=visitors")) == ["Register where you stay"]
    assert titles(client.get("/en/cns/guides/?category=work-permits&audience=visitors")) == []


def test_unknown_filter_value_shows_every_guide_rather_than_an_error(client, guides):
    response = client.get("/en/cns/guides/?category=<script>&audience=martians")

    assert titles(response) == ["Get a work permit", "Register where you stay", "Ride the metro"]
    assert b"<script>" not in response.content


def test_filter_form_is_labelled_and_in_chinese(client, guides):
    main = soup(client.get("/zh-hans/cns/guides/?category=transport")).main

    form = main.select_one("form[role=search]")
    for select in form.find_all("select"):
        assert form.find("label", attrs={"for": select["id"]})
    assert form.find("option", selected=True).get_text(strip=True) == "交通出行"
    assert "1篇指南" in main.select_one(".cns-result-count").get_text()


def test_guide_index_queries_do_not_grow_with_guides(client, guide_index, django_assert_max_num_queries):
    for _ in range(2):
        GuidePageFactory(parent=guide_index)
    with django_assert_max_num_queries(20) as few:
        client.get("/en/cns/guides/?audience=residents")
    for _ in range(10):
        GuidePageFactory(parent=guide_index)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/en/cns/guides/?audience=residents").status_code == 200


def test_audience_entrance_queries_do_not_grow_with_guides(client, guide_index, django_assert_max_num_queries):
    for _ in range(2):
        GuidePageFactory(parent=guide_index, audience="work")
    with django_assert_max_num_queries(25) as few:
        client.get("/en/cns/for/work/")
    for _ in range(10):
        GuidePageFactory(parent=guide_index, audience="work")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/en/cns/for/work/").status_code == 200


@pytest.fixture
def two_per_page(monkeypatch):
    monkeypatch.setattr(GuideIndexPage, "guides_per_page", 2)


def card_titles(response):
    """The guides of a page of the index, in the order shown."""
    return [title.get_text(strip=True) for title in soup(response).main.select(".cns-guide-card .card__title")]


def test_second_page_shows_the_next_guides_and_links_back(client, guide_index, two_per_page):
    for letter in "ABCDE":
        GuidePageFactory(parent=guide_index, title_en=f"Guide {letter}", category="transport")

    first = client.get("/en/cns/guides/")
    second = client.get("/en/cns/guides/?page=2")

    assert card_titles(first) == ["Guide A", "Guide B"]
    assert card_titles(second) == ["Guide C", "Guide D"]
    main = soup(second).main
    assert "5 guides" in main.select_one(".cns-result-count").get_text()  # all of them, not those shown
    nav = main.select_one("nav.pagination")
    assert nav.find("a", rel="prev")["href"] == "?page=1"
    assert nav.find("a", rel="prev").get_text() == "Previous"
    assert nav.find("a", rel="next")["href"] == "?page=3"
    assert "Page 2 of 3" in nav.get_text()
    assert card_titles(client.get("/en/cns/guides/?page=3")) == ["Guide E"]
    assert card_titles(client.get("/en/cns/guides/?page=99")) == ["Guide E"]  # past the end: the last page


def test_a_filter_survives_paging(client, guide_index, two_per_page):
    for letter in "ABC":
        GuidePageFactory(parent=guide_index, title_en=f"Work guide {letter}", category="work-permits", audience="work")
    GuidePageFactory(parent=guide_index, title_en="Visitor guide", category="work-permits", audience="visitors")

    first = soup(client.get("/en/cns/guides/?audience=work&category=work-permits")).main
    next_link = first.select_one("nav.pagination a[rel=next]")["href"]
    second = client.get("/en/cns/guides/" + next_link)

    assert "audience=work" in next_link and "category=work-permits" in next_link and "page=2" in next_link
    assert card_titles(second) == ["Work guide C"]
    assert soup(second).main.select_one("select[name=audience] option[selected]")["value"] == "work"


def test_one_page_of_guides_has_no_page_links(client, guide_index, two_per_page):
    GuidePageFactory(parent=guide_index)

    assert soup(client.get("/en/cns/guides/")).main.select_one("nav.pagination") is None


def test_paging_is_in_chinese(client, guide_index, two_per_page):
    for _ in range(3):
        GuidePageFactory(parent=guide_index)

    nav = soup(client.get("/zh-hans/cns/guides/?page=2")).main.select_one("nav.pagination")

    assert nav.find("a", rel="prev").get_text() == "上一页"
    assert "3篇指南" in soup(client.get("/zh-hans/cns/guides/?page=2")).main.select_one(".cns-result-count").get_text()


def test_guide_index_queries_do_not_grow_with_pages_of_guides(
    client, guide_index, two_per_page, django_assert_max_num_queries
):
    for _ in range(3):
        GuidePageFactory(parent=guide_index, audience="work")
    client.get("/en/cns/guides/?audience=work&page=2")  # warm Wagtail's per-process caches
    with django_assert_max_num_queries(20) as few:
        client.get("/en/cns/guides/?audience=work&page=2")
    for _ in range(12):
        GuidePageFactory(parent=guide_index, audience="work")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(card_titles(client.get("/en/cns/guides/?audience=work&page=2"))) == 2


def test_audience_entrance_pages_its_guides(client, guide_index, two_per_page):
    for letter in "ABC":
        GuidePageFactory(parent=guide_index, title_en=f"Work guide {letter}", audience="work")
    GuidePageFactory(parent=guide_index, title_en="Visitor guide", audience="visitors")

    first = client.get("/en/cns/for/work/")
    second = client.get("/en/cns/for/work/?page=2")

    assert card_titles(first) == ["Work guide A", "Work guide B"]
    assert card_titles(second) == ["Work guide C"]
    assert soup(second).main.select_one("nav.pagination a[rel=prev]")["href"] == "?page=1"


@pytest.mark.parametrize("prefix", ["en", "zh-hans"])
def test_a_guide_links_to_its_cns_feedback_without_reading_the_cns_home_again(client, guide_index, prefix):
    guide = GuidePageFactory(parent=guide_index, title_en="Register where you stay", slug="register")

    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/{prefix}/cns/guides/register/")

    assert soup(response).main.find("a", href=f"/{prefix}/cns/feedback/")
    assert not [query for query in captured if 'FROM "cns_cnshomepage"' in query["sql"]]
    assert guide.cns_home().specific == guide_index.get_parent().specific  # read when not routed
