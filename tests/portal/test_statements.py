"""Statements compiled once (portal.statements) read the rows afresh each time they run: only
their SQL is kept, never what the database answered."""

from datetime import timedelta

import pytest

from django.db.models import Value
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

from notices.models import SiteNotice
from portal.factories import StandardPageFactory
from portal.models import StandardPage
from portal.statements import _statements, first, instances, placed_instances

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


def joined(found):
    return [(fields(row), row.link_page_id and fields(row.link_page)) for row in found]


def test_a_statement_with_joined_rows_gives_what_django_gives_each_time(home):
    linked = StandardPageFactory(parent=home)
    with_page = SiteNotice.objects.create(text_en="Linked", link_page=linked)
    without = SiteNotice.objects.create(text_en="Unlinked")

    def build():
        return SiteNotice.objects.select_related("link_page").order_by("pk")

    django = list(build())
    assert joined(instances(("test-joined",), build)) == joined(django)
    assert ("test-joined",) in _statements()
    found = instances(("test-joined",), build)
    assert joined(found) == joined(django)
    assert found[0].link_page is found[0]._state.fields_cache["link_page"]
    assert found[1].link_page is None
    assert [row.pk for row in found] == [with_page.pk, without.pk]

    Page.objects.filter(pk=linked.pk).update(title_en="Renamed")
    assert instances(("test-joined",), build)[0].link_page.title_en == "Renamed"


def test_a_related_managers_rows_run_as_django_runs_them(home):
    """Django sets the instance the manager was reached from on each of its rows."""
    page = Page.objects.get(pk=StandardPageFactory(parent=home).pk)
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    found = instances(("test-manager",), lambda: page.view_restrictions.all())

    assert ("test-manager",) not in _statements()
    assert [row.pk for row in found] == [restriction.pk]
    assert found[0].page is page


def test_first_is_djangos_first(home):
    def notice():
        return first(("test-site-notice",), lambda: SiteNotice.objects.select_related("link_page"))

    assert notice() is None
    later = SiteNotice.objects.create(text_en="Later", link_page=home)
    SiteNotice.objects.filter(pk=later.pk).update(text_en="Changed")
    expected = SiteNotice.objects.select_related("link_page").first()
    assert (fields(notice()), fields(notice().link_page)) == (fields(expected), fields(expected.link_page))


def test_a_statement_with_deferred_fields_reads_them_when_asked_as_django_does(home):
    page = StandardPageFactory(parent=home, title_en="Deferred")

    def build():
        return StandardPage.objects.filter(pk=page.pk).defer("body")

    found = instances(("test-deferred", page.pk), build)[0]
    django = build().get()

    assert found.get_deferred_fields() == django.get_deferred_fields() and "body" in found.get_deferred_fields()
    assert found.title_en == "Deferred", repr(found.title_en)
    assert list(found.body.raw_data) == list(django.body.raw_data)


def test_a_moment_is_placed_in_the_statement_each_run(home):
    """Each run passes its own moment, where its stand-in was compiled (PostgreSQL's driver takes
    the moment itself; elsewhere the queryset runs as Django runs it): the rows are the ones
    Django finds for that moment."""
    early, late = StandardPageFactory(parent=home), StandardPageFactory(parent=home)
    moments = [timezone.now() - timedelta(days=2), timezone.now() + timedelta(days=2)]
    StandardPage.objects.filter(pk=early.pk).update(first_published_at=moments[0] - timedelta(hours=1))
    StandardPage.objects.filter(pk=late.pk).update(first_published_at=moments[1] - timedelta(hours=1))

    def build(moment):
        return StandardPage.objects.filter(first_published_at__lt=moment).order_by("pk")

    for moment in (*moments, timezone.now()):
        found = placed_instances(("test-moment",), build, (moment,))
        assert [page.pk for page in found] == list(build(moment).values_list("pk", flat=True))
