"""Listings sort narrow keys and load whole rows only for the items shown, with Django's paging rules."""

import pytest

from django.core.paginator import Paginator

from portal.factories import StandardPageFactory
from portal.listings import ListingPaginator, rows_between
from portal.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(home):
    for number in range(7):
        StandardPageFactory(parent=home, slug=f"page-{number}", title_en=f"Page {number % 3} {number}")
    return StandardPage.objects.live().order_by("title", "-pk")


@pytest.mark.parametrize("orphans", [0, 1])
def test_pages_hold_what_djangos_paginator_would(pages, orphans):
    ours, django = ListingPaginator(pages, 3, orphans=orphans), Paginator(pages, 3, orphans=orphans)

    assert ours.num_pages == django.num_pages
    for number in ours.page_range:
        assert [page.pk for page in ours.page(number)] == [page.pk for page in django.page(number)]


def test_rows_between_keeps_the_order_and_the_slice(pages):
    assert [page.pk for page in rows_between(pages, 2, 5)] == [page.pk for page in pages[2:5]]


def test_a_page_is_one_query(pages, django_assert_num_queries):
    paginator = ListingPaginator(pages.defer_streamfields(), 3)
    paginator.count  # noqa: B018 (counted once, as Django's paginator does)

    with django_assert_num_queries(1):
        assert len(list(paginator.page(2))) == 3


@pytest.mark.parametrize("number", ["1", "2", "3", None, "x", "2.5"])
def test_get_page_reads_the_rows_and_the_count_in_one_query(pages, number, django_assert_num_queries):
    django = Paginator(pages, 3).get_page(number)
    expected = (django.number, [row.pk for row in django])
    paginator = ListingPaginator(pages.defer_streamfields(), 3)

    with django_assert_num_queries(1):
        page = paginator.get_page(number)
        assert (page.number, [row.pk for row in page]) == expected
        assert (paginator.count, paginator.num_pages) == (7, 3)


def test_get_page_past_the_last_gives_the_last_as_djangos_does(pages):
    for number in ("4", "0", "-1", "9223372036854775808", "99999999999999999999999"):
        page = ListingPaginator(pages, 3).get_page(number)
        assert page.number == Paginator(pages, 3).get_page(number).number
        assert [row.pk for row in page] == [row.pk for row in Paginator(pages, 3).get_page(number)]


def test_an_empty_listing_has_one_empty_page(home):
    page = ListingPaginator(StandardPage.objects.none(), 3).get_page("1")
    assert (list(page), page.paginator.count, page.paginator.num_pages) == ([], 0, 1)
