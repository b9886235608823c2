import pytest

from django.contrib.auth.models import Group

from portal.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

HEADING = [{"type": "heading", "value": {"text": "Who we are", "level": "h2"}}]
HEADING_ZH = [{"type": "heading", "value": {"text": "关于我们", "level": "h2"}}]


def test_report_lists_pages_missing_chinese_text_and_only_those(client, django_user_model, home):
    StandardPageFactory(parent=home, title_en="Fully translated", body_en=HEADING, body_zh_hans=HEADING_ZH)
    StandardPageFactory(parent=home, title_en="No Chinese title", title_zh_hans="")
    StandardPageFactory(parent=home, title_en="No Chinese body", body_en=HEADING, body_zh_hans=[])
    editor = django_user_model.objects.create_user("editor", "e@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    text = client.get("/admin/reports/untranslated/").content.decode()

    assert "No Chinese title" in text
    assert "No Chinese body" in text
    assert "Fully translated" not in text


def test_report_needs_an_admin_login(client, home):
    response = client.get("/admin/reports/untranslated/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_finding_untranslated_pages_takes_one_query_per_page_type(home, django_assert_num_queries):
    from wagtail.models import get_page_models

    from portal.reports import untranslated_page_ids

    pages = [StandardPageFactory(parent=home, title_zh_hans="") for _ in range(30)]
    translated_types = [model for model in get_page_models() if model._meta.label != "wagtailcore.Page"]

    with django_assert_num_queries(len(translated_types)):
        ids = untranslated_page_ids()

    assert {page.pk for page in pages} <= ids
    assert home.pk not in ids
