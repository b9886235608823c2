"""The guide index narrows guides by category and audience, with a constant number of queries."""

import pytest

from cns.factories import GuidePageFactory

from .conftest import soup

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

    form = main.select_one("form.cns-filter")
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
