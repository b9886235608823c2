"""Where the pressroom's pages may go, what editors get to make them, and the demo content."""

import pytest

from portal.factories import StandardPageFactory
from pressroom.factories import PressReleasePageFactory
from pressroom.models import JournalistFAQPage, PressConferencePage, PressReleaseAgency, PressReleasePage, PressroomPage

pytestmark = pytest.mark.django_db


def test_page_types_sit_only_where_the_design_puts_them(home, pressroom):
    assert PressroomPage.can_create_at(home)
    assert not PressReleasePage.can_create_at(home)
    assert PressReleasePage.can_create_at(pressroom)
    assert PressConferencePage.can_create_at(pressroom)
    assert JournalistFAQPage.can_create_at(pressroom)


def test_related_agency_must_be_an_agency_page(home, pressroom):
    from django.core.exceptions import ValidationError

    release = PressReleasePageFactory(parent=pressroom)
    not_an_agency = StandardPageFactory(parent=home)

    with pytest.raises(ValidationError):
        PressReleaseAgency(page=release, agency=not_an_agency).full_clean()


def test_release_editor_offers_an_agency_chooser(admin_client, pressroom):
    release = PressReleasePageFactory(parent=pressroom)

    response = admin_client.get(f"/admin/pages/{release.pk}/edit/")

    assert response.status_code == 200
    assert b"agency_links-__prefix__-agency" in response.content or b"agency_links" in response.content


@pytest.mark.parametrize("model", ["pressreleasepage", "pressconferencepage", "journalistfaqpage"])
def test_editors_can_open_the_create_form_of_each_page_type(admin_client, pressroom, model):
    response = admin_client.get(f"/admin/pages/add/pressroom/{model}/{pressroom.pk}/")

    assert response.status_code == 200
    assert b"title_zh_hans" in response.content


def test_demo_builder_runs_twice_without_changes(home):
    from wagtail.models import Page, Revision

    from pressroom.demo import build_pressroom

    build_pressroom()
    pages, revisions = Page.objects.count(), Revision.objects.count()
    build_pressroom()

    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)
    assert PressReleasePage.objects.count() == 2
    assert PressConferencePage.objects.count() == 2
    faq = JournalistFAQPage.objects.get()
    assert faq.faq_items.count() >= 5
    assert all(item.question_zh_hans and item.answer_zh_hans for item in faq.faq_items.all())
    assert home.featured_links.filter(link_page=PressroomPage.objects.get()).count() == 1
