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


# What each page lacks ------------------------------------------------------------------------


def lacks(page):
    from portal.reports import missing_translations

    return [
        (missing.kind, missing.name, missing.fields, missing.count, missing.blocks)
        for missing in missing_translations([page])[page.pk]
    ]


def test_the_missing_list_names_the_pages_own_fields_and_the_blocks_of_a_body(home):
    page = StandardPageFactory(
        parent=home, title_zh_hans="", intro_en="Who we are.", intro_zh_hans="我们是谁。", body_en=HEADING * 3
    )

    assert lacks(page) == [("field", "title", [], 0, None), ("field", "body", [], 0, 3)]


def test_a_translated_page_lacks_nothing(home):
    page = StandardPageFactory(parent=home, body_en=HEADING, body_zh_hans=HEADING_ZH)

    assert lacks(page) == []


def test_the_missing_list_counts_inline_items_and_names_their_fields(home):
    from pressroom.factories import JournalistFAQItemFactory, JournalistFAQPageFactory

    page = JournalistFAQPageFactory(parent=home, slug="qa")
    JournalistFAQItemFactory(page=page)
    JournalistFAQItemFactory(page=page, question_en="Where do I park?", question_zh_hans="")
    JournalistFAQItemFactory(page=page, question_en="Is there Wi-Fi?", question_zh_hans="", answer_zh_hans="")

    from pressroom.models import JournalistFAQItem

    plural = str(JournalistFAQItem._meta.verbose_name_plural)
    assert lacks(page) == [("items", plural, ["question", "answer"], 2, None)]


def test_the_missing_list_names_the_snippets_the_page_shows(home):
    from cns.factories import ArticlePageFactory, ArticleTopicFactory, CNSHomePageFactory

    cns = CNSHomePageFactory(parent=home)
    housing = ArticleTopicFactory(name_en="Housing", name_zh_hans="")
    transport = ArticleTopicFactory(name_en="Transport", name_zh_hans="交通")
    article = ArticlePageFactory(parent=cns, topics=[housing, transport])

    from portal.reports import missing_translations

    (missing,) = missing_translations([article])[article.pk]
    assert (missing.kind, missing.item, missing.fields) == ("snippet", housing, ["name"])


def test_the_report_shows_what_each_page_lacks(admin_client, home):
    StandardPageFactory(parent=home, title_en="Half done", body_en=HEADING * 2, body_zh_hans=[])

    page = soup(admin_client.get("/admin/reports/untranslated/"))
    row = next(tr for tr in page.select("main table tbody tr") if "Half done" in tr.get_text())

    assert [li.get_text(" ", strip=True) for li in row.select("ul.untranslated-missing li")] == ["Body (2 blocks)"]


def test_the_report_narrows_to_a_section_and_a_page_type(admin_client, home):
    from django.contrib.contenttypes.models import ContentType

    from pressroom.factories import JournalistFAQPageFactory, PressroomPageFactory

    about = StandardPageFactory(parent=home, slug="about", title_en="About")
    StandardPageFactory(parent=about, slug="history", title_en="Our history", title_zh_hans="")
    pressroom = PressroomPageFactory(parent=home)
    StandardPageFactory(parent=pressroom, slug="press-notes", title_en="Press notes", title_zh_hans="")
    JournalistFAQPageFactory(parent=pressroom, slug="qa", title_en="Press Q&A", title_zh_hans="")
    faq_type = ContentType.objects.get(app_label="pressroom", model="journalistfaqpage")

    def listed(**filters):
        page = soup(admin_client.get("/admin/reports/untranslated/", filters))
        return {td.select_one("a").get_text(strip=True) for td in page.select("main table tbody td.title")}

    assert {"Our history", "Press notes", "Press Q&A"} <= listed()
    assert listed(section=about.pk) == {"Our history"}
    assert listed(section=pressroom.pk) == {"Press notes", "Press Q&A"}
    assert listed(section=pressroom.pk, content_type=faq_type.pk) == {"Press Q&A"}


def test_a_bad_filter_value_is_no_error(admin_client, home):
    response = admin_client.get("/admin/reports/untranslated/", {"section": "not-a-page", "content_type": "x"})

    assert response.status_code == 200


def test_what_pages_lack_is_read_in_no_query_per_page(home, django_assert_max_num_queries):
    from portal.reports import missing_translations
    from pressroom.factories import JournalistFAQItemFactory, JournalistFAQPageFactory

    def make(prefix, count):
        pages = []
        for number in range(count):
            pages.append(StandardPageFactory(parent=home, slug=f"{prefix}-{number}", title_zh_hans="", body_en=HEADING))
            faq = JournalistFAQPageFactory(parent=home, slug=f"{prefix}-qa-{number}")
            JournalistFAQItemFactory(page=faq, question_zh_hans="")
            pages.append(faq)
        return pages

    few = make("few", 2)
    with django_assert_max_num_queries(50) as counted:
        assert all(missing_translations(few).values())
    many = make("many", 20)

    with django_assert_max_num_queries(len(counted.captured_queries)):
        assert all(missing_translations(many).values())
