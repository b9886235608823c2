import pytest

from django.core.management import call_command

from wagtail.models import Page, Revision, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from portal.factories import StandardPageFactory
from portal.models import HomeFeaturedLink
from tests.kit import UNTRANSLATED_NOTICE, parse, soup, staff_user

pytestmark = pytest.mark.django_db


def test_edit_view_shows_every_translated_field_in_both_languages(admin_client, home):
    page = StandardPageFactory(parent=home)

    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")

    form = soup(response)
    field_ids = {element.get("id") for element in form.find_all(id=True)}
    for field in ("title", "intro", "body", "seo_title", "search_description"):
        for language in ("en", "zh_hans"):
            assert f"id_{field}_{language}" in field_ids or f"{field}_{language}" in field_ids, field


def test_home_edit_view_has_hero_and_featured_link_fields_in_both_languages(admin_client, home):
    response = admin_client.get(f"/admin/pages/{home.pk}/edit/")

    names = {e.get("name") for e in soup(response).find_all(["input", "textarea"])}
    assert {"hero_title_en", "hero_title_zh_hans", "hero_intro_en", "hero_intro_zh_hans"} <= names


def test_editor_can_edit_but_not_publish(client, home):
    page = StandardPageFactory(parent=home)
    editor = staff_user("Editors", username="editor")

    permissions = page.permissions_for_user(editor)

    assert permissions.can_edit()
    assert not permissions.can_publish()


def test_moderator_can_publish(home):
    page = StandardPageFactory(parent=home)
    moderator = staff_user("Moderators", username="moderator")

    assert page.permissions_for_user(moderator).can_publish()


def test_editor_submission_goes_to_moderators_for_approval(client, home):
    page = StandardPageFactory(parent=home, slug="about", title_en="Before")
    client.force_login(staff_user("Editors", username="editor"))
    data = nested_form_data(
        {
            "title_en": "After",
            "title_zh_hans": "之后",
            "slug": "about",
            "intro_en": "",
            "intro_zh_hans": "",
            "body_en": streamfield([]),
            "body_zh_hans": streamfield([]),
            "change_notes": inline_formset([]),
            "action-submit": "Submit to Moderators approval",
        }
    )

    response = client.post(f"/admin/pages/{page.pk}/edit/", data)

    assert response.status_code == 302
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.workflow.name == "Moderators approval"
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    page.refresh_from_db()
    assert page.title_en == "Before"  # the live page stays as it was until a moderator approves


def test_demo_content_command_is_idempotent(db):
    call_command("load_demo_content", stdout=None)
    snapshot = (
        sorted(Page.objects.values_list("id", "url_path", "title_en", "title_zh_hans", "live")),
        Revision.objects.count(),
        HomeFeaturedLink.objects.count(),
    )

    call_command("load_demo_content")

    assert snapshot == (
        sorted(Page.objects.values_list("id", "url_path", "title_en", "title_zh_hans", "live")),
        Revision.objects.count(),
        HomeFeaturedLink.objects.count(),
    )


def test_demo_content_builds_home_and_about_in_both_languages(client, db):
    call_command("load_demo_content")

    english = client.get("/en/about/").content.decode()
    chinese = client.get("/zh-hans/about/").content.decode()

    assert "June 1991" in english and "1991年6月" in chinese
    page = parse(chinese)
    assert len(page.select(".numbered-list ol li")) == 10
    assert UNTRANSLATED_NOTICE["zh-hans"] not in page.get_text()
