"""A release's photos, documents and agency links read by statements compiled once
(portal.statements.children): for each release the rows Django's own queries read, each knowing
its release; a preview's rows still in memory as the form gave them."""

import pytest

from django.db.models import Prefetch, prefetch_related_objects

from wagtail_factories import DocumentFactory, ImageFactory

from portal.factories import StandardPageFactory
from portal.statements import children, prefetch_children
from pressroom.factories import PressReleasePageFactory
from pressroom.models import PressReleaseAgency, PressReleaseDocument, PressReleaseImage, PressReleasePage

pytestmark = pytest.mark.django_db


def fields(row):
    return {field.attname: getattr(row, field.attname) for field in type(row)._meta.concrete_fields}


def release_with_children(pressroom, home, count):
    release = PressReleasePageFactory(parent=pressroom)
    for index in range(count):
        PressReleaseImage.objects.create(
            page=release, image=ImageFactory(), alt_text_en=f"Photo {index}", sort_order=count - index
        )
        PressReleaseDocument.objects.create(
            page=release, document=DocumentFactory(), label_en=f"Doc {index}", sort_order=index
        )
        PressReleaseAgency.objects.create(page=release, agency=StandardPageFactory(parent=home), sort_order=index)
    return PressReleasePage.objects.get(pk=release.pk)


@pytest.mark.parametrize(("relation", "joined"), [("images", "image"), ("documents", "document")])
def test_each_release_gets_the_rows_djangos_prefetch_gives_it(pressroom, home, relation, joined):
    for count in (2, 0, 3):  # the statement compiled for the first, run for the others
        release = release_with_children(pressroom, home, count)
        expected = PressReleasePage.objects.get(pk=release.pk)
        model = getattr(expected, relation).model
        prefetch_related_objects([expected], Prefetch(relation, model.objects.select_related(joined)))

        prefetch_children(release, relation, joined)

        rows, django = list(getattr(release, relation).all()), list(getattr(expected, relation).all())
        assert [(fields(row), fields(getattr(row, joined))) for row in rows] == [
            (fields(row), fields(getattr(row, joined))) for row in django
        ]
        assert all(row.page is release for row in rows)


def test_each_release_gets_its_agency_links_as_its_manager_gives_them(pressroom, home):
    for count in (2, 3):
        release = release_with_children(pressroom, home, count)
        django = list(release.agency_links.select_related("agency"))

        rows = children(release, "agency_links", "agency")

        assert [(fields(row), fields(row.agency)) for row in rows] == [
            (fields(row), fields(row.agency)) for row in django
        ]
        assert all(row.page is release for row in rows)


def test_a_preview_shows_the_photos_of_the_form_not_of_the_database(pressroom, home):
    release = release_with_children(pressroom, home, 1)
    release.images = [PressReleaseImage(image=ImageFactory(), alt_text_en="From the form")]

    prefetch_children(release, "images", "image")

    assert [image.alt_text_en for image in release.images.all()] == ["From the form"]
    assert [link.pk for link in children(release, "agency_links", "agency")] == list(
        release.agency_links.values_list("pk", flat=True)
    )
