import pytest

from portal.factories import StandardPageFactory
from tests.kit import soup, staff_user

pytestmark = pytest.mark.django_db

HEADING = [{"type": "heading", "value": {"text": "Who we are", "level": "h2"}}]
HEADING_ZH = [{"type": "heading", "value": {"text": "关于我们", "level": "h2"}}]


def test_report_lists_pages_missing_chinese_text_and_only_those(client, home):
    StandardPageFactory(parent=home, title_en="Fully translated", body_en=HEADING, body_zh_hans=HEADING_ZH)
    StandardPageFactory(parent=home, title_en="No Chinese title", title_zh_hans="")
    StandardPageFactory(parent=home, title_en="No Chinese body", body_en=HEADING, body_zh_hans=[])
    client.force_login(staff_user("Editors", username="editor"))

    text = client.get("/admin/reports/untranslated/").content.decode()

    assert "No Chinese title" in text
    assert "No Chinese body" in text
    assert "Fully translated" not in text


def test_report_needs_an_admin_login(client, home):
    response = client.get("/admin/reports/untranslated/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_a_page_whose_inline_text_is_untranslated_is_listed(admin_client, home):
    from pressroom.factories import JournalistFAQItemFactory, JournalistFAQPageFactory

    translated = JournalistFAQPageFactory(parent=home, slug="translated-qa", title_en="Translated Q&A")
    JournalistFAQItemFactory(page=translated)
    half_done = JournalistFAQPageFactory(parent=home, slug="half-done-qa", title_en="Half-done Q&A")
    JournalistFAQItemFactory(page=half_done)
    JournalistFAQItemFactory(page=half_done, question_en="Where do I park?", question_zh_hans="")

    text = admin_client.get("/admin/reports/untranslated/").content.decode()

    assert "Half-done Q&amp;A" in text
    assert "Translated Q&amp;A" not in text


def test_finding_untranslated_pages_takes_one_query_per_page_type_and_inline_model(home, django_assert_num_queries):
    from modeltranslation.translator import translator
    from wagtail.models import Page, get_page_models

    from portal.reports import _page_key, untranslated_page_ids

    pages = [StandardPageFactory(parent=home, title_zh_hans="") for _ in range(30)]
    translated_types = [model for model in get_page_models() if model is not Page]
    inline_models = [model for model in translator.get_registered_models(abstract=False) if _page_key(model)]

    with django_assert_num_queries(len(translated_types) + len(inline_models)):
        ids = untranslated_page_ids()

    assert {page.pk for page in pages} <= ids
    assert home.pk not in ids


def test_snippets_and_settings_report_lists_what_pages_show_in_english_for_want_of_chinese(admin_client, home):
    from cns.factories import ArticleTopicFactory, TownshipFactory

    TownshipFactory(name_en="Huacao Town", name_zh_hans="")
    TownshipFactory(name_en="Jinqiao Town", name_zh_hans="金桥镇")
    topic = ArticleTopicFactory(name_en="Housing", name_zh_hans="")

    page = soup(admin_client.get("/admin/reports/untranslated/other/"))
    listed = {a.get_text(strip=True): a["href"] for a in page.select("main ul.listing a")}

    assert set(listed) == {"Huacao Town", "Housing"}
    assert listed["Housing"] == f"/admin/snippets/cns/articletopic/edit/{topic.pk}/"
    assert [h2.get_text(strip=True) for h2 in page.select("main h2")] == ["Article topics", "Townships"]


def test_snippets_report_lists_only_what_the_user_may_edit(client, home):
    from cns.factories import ArticleTopicFactory, TownshipFactory

    TownshipFactory(name_en="Huacao Town", name_zh_hans="")
    ArticleTopicFactory(name_en="Housing", name_zh_hans="")
    client.force_login(staff_user(username="topics", permissions=["cns.change_articletopic"]))

    text = client.get("/admin/reports/untranslated/other/").content.decode()

    assert "Housing" in text and "Huacao Town" not in text
