"""Staff maintain the service directory, townships, districts and feedback topics in the admin, in both languages."""

import pytest

from cns.factories import ServicePlatformFactory, TownshipFactory
from cns.models import Township
from tests.kit import staff_user

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["serviceplatform", "township", "district", "feedbacktopic"])
def test_add_form_offers_both_languages(admin_client, model):
    response = admin_client.get(f"/admin/snippets/cns/{model}/add/")

    assert response.status_code == 200
    content = response.content.decode()
    assert 'name="name_en"' in content and 'name="name_zh_hans"' in content


def test_staff_edit_a_township_in_chinese(admin_client, cns):
    township = TownshipFactory(slug="huacao", name_en="Huacao Town")
    data = {
        "name_en": "Huacao Town",
        "name_zh_hans": "华漕镇",
        "slug": "huacao",
        "kind": "town",
        "district": township.district.pk,
        "joined_on": "2024-04-30",
        "centre_name_en": "Huacao International Community Center",
        "centre_name_zh_hans": "华漕国际社区中心",
        "sort_order": "0",
    }

    response = admin_client.post(f"/admin/snippets/cns/township/edit/{township.pk}/", data)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert Township.objects.get().centre_name_zh_hans == "华漕国际社区中心"
    assert "华漕国际社区中心" in admin_client.get("/zh-hans/cns/townships/huacao/").content.decode()


def test_platform_listing_in_admin(admin_client):
    ServicePlatformFactory(name_en="Customs")

    response = admin_client.get("/admin/snippets/cns/serviceplatform/")

    assert response.status_code == 200
    assert "Customs" in response.content.decode()


def test_every_cns_page_type_opens_in_the_editor_with_both_languages(admin_client, guide_index):
    from cns.factories import ArticlePageFactory, EventPageFactory, GuidePageFactory, step

    cns = guide_index.get_parent().specific
    pages = [
        cns,
        guide_index,
        GuidePageFactory(parent=guide_index, steps_en=[step("Apply", platform=ServicePlatformFactory())]),
        ArticlePageFactory(parent=cns),
        EventPageFactory(parent=cns),
    ]
    for page in pages:
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, type(page).__name__
        assert 'name="title_zh_hans"' in response.content.decode()


def test_feedback_cannot_be_added_by_hand_by_triage_staff(client, cns):
    client.force_login(staff_user("CNS feedback handlers", username="fh"))

    assert client.get("/admin/cns/feedback/new/").status_code in {302, 403}
