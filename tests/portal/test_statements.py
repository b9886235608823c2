"""Statements compiled once (portal.statements) read the rows afresh each time they run: only
their SQL is kept, never what the database answered."""

import pytest

from django.db.models import Value

from wagtail.models import Page

from portal.factories import StandardPageFactory
from portal.models import StandardPage
from portal.statements import _statements, instances, placed_instances

pytestmark = pytest.mark.django_db


def fields(page):
    return {field.attname: getattr(page, field.attname) for field in type(page)._meta.concrete_fields}


def read(page):
    return instances(
        ("test-specific", StandardPage), lambda: StandardPage.objects.filter(pk=page.pk), params=(page.pk,)
    )


def test_a_statement_gives_what_django_gives_for_each_page_it_is_run_for(home):
    first, second = StandardPageFactory(parent=home), StandardPageFactory(parent=home)

    assert [fields(page) for page in read(first)] == [fields(StandardPage.objects.get(pk=first.pk))]
    assert [fields(page) for page in read(second)] == [fields(StandardPage.objects.get(pk=second.pk))]
    assert not read(first)[0]._state.adding


def test_a_row_changed_since_the_last_run_is_read_as_it_is_now(home):
    page = StandardPageFactory(parent=home, title_en="Before")
    read(page)

    Page.objects.filter(pk=page.pk).update(title_en="After")

    assert read(page)[0].title_en == "After"


def test_a_query_with_related_rows_is_run_as_django_runs_it(home):
    page = StandardPageFactory(parent=home)

    def build():
        return StandardPage.objects.filter(pk=page.pk).select_related("owner")

    assert [found.pk for found in instances(("test-related", page.pk), build)] == [page.pk]
    StandardPage.objects.filter(pk=page.pk).delete()
    assert instances(("test-related", page.pk), build) == []


def placed(key, values):
    def build(*slugs):
        return StandardPage.objects.filter(slug__in=slugs).annotate(n=Value(1)).order_by("pk")

    return [(found.pk, found.slug, found.n) for found in placed_instances(key, build, values)]


def django_rows(values):
    return [
        (found.pk, found.slug, found.n)
        for found in StandardPage.objects.filter(slug__in=values).annotate(n=Value(1)).order_by("pk")
    ]


@pytest.mark.parametrize("slug", ["plain", "100%", "a_b", "中文", "back\\slash", "quote'd"])
def test_a_placed_statement_gives_what_django_gives_for_each_value_it_is_run_for(home, slug):
    StandardPageFactory(parent=home, slug="other")
    page = StandardPageFactory(parent=home)
    # Past the slug's validation: a stored slug may still hold what a path can.
    Page.objects.filter(pk=page.pk).update(slug=slug)
    placed(("test-placed", 1), ("other",))

    assert placed(("test-placed", 1), (slug,)) == django_rows([slug]) == [(page.pk, slug, 1)]
    assert placed(("test-placed", 1), ("a%",)) == django_rows(["a%"]) == []


def test_a_value_django_turns_into_a_like_pattern_runs_as_django_runs_it(home):
    StandardPageFactory(parent=home, slug="abc")
    Page.objects.filter(pk=StandardPageFactory(parent=home).pk).update(slug="a_c")

    def build(prefix):
        return StandardPage.objects.filter(slug__startswith=prefix).order_by("slug")

    assert [p.slug for p in placed_instances(("test-like",), build, ("a_",))] == ["a_c"]
    assert [p.slug for p in placed_instances(("test-like",), build, ("ab",))] == ["abc"]
    assert ("test-like",) not in _statements()
