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
