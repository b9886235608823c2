import pytest

from django.utils.text import slugify

from wagtail.documents.models import Document
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail_factories import DocumentFactory, ImageFactory

from portal.factories import HomeFeaturedLinkFactory, StandardPageFactory
from portal.menu import MAIN_MENU_MAX_ITEMS
from portal.models import StandardPage
from portal.withdrawal import set_hidden_languages
from tests.kit import soup

pytestmark = pytest.mark.django_db


def every_block(image, document, target, words):
    return [
        {"type": "heading", "value": {"text": words["heading"], "level": "h2"}},
        {"type": "paragraph", "value": f"<p>{words['paragraph']}</p>"},
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "alt_text": words["alt"], "decorative": False},
                "caption": words["caption"],
                "credit": words["credit"],
            },
        },
        {"type": "numbered_list", "value": {"title": words["list_title"], "items": words["items"]}},
        {"type": "quote", "value": {"quote": words["quote"], "attribution": words["attribution"]}},
        {"type": "document", "value": {"document": document.pk, "label": words["document"]}},
        {"type": "call_to_action", "value": {"label": words["cta"], "page": target.pk, "url": ""}},
    ]


ENGLISH = {
    "heading": "Who we are",
    "paragraph": "Founded in June 1991.",
    "alt": "The Bund at dusk",
    "caption": "The riverside at dusk",
    "credit": "Photo: Office archive",
    "list_title": "Responsibilities",
    "items": ["Arrange press conferences.", "Assist foreign journalists."],
    "quote": "We read every comment.",
    "attribution": "The Director",
    "document": "Annual report",
    "cta": "Register as a journalist",
}
CHINESE = {
    "heading": "关于我们",
    "paragraph": "成立于1991年6月。",
    "alt": "黄昏时的外滩",
    "caption": "黄昏时的江边",
    "credit": "图片：新闻办资料",
    "list_title": "主要职责",
    "items": ["组织新闻发布会。", "协助境外记者。"],
    "quote": "我们认真对待每一条意见。",
    "attribution": "主任",
    "document": "年度报告",
    "cta": "记者登记",
}


@pytest.mark.parametrize(("prefix", "words"), [("en", ENGLISH), ("zh-hans", CHINESE)])
def test_standard_page_renders_every_block_in_each_language(client, home, prefix, words):
    image = ImageFactory()
    document = DocumentFactory(title="Report")
    target = StandardPageFactory(parent=home, slug="register")
    StandardPageFactory(
        parent=home,
        slug="about",
        body_en=every_block(image, document, target, ENGLISH),
        body_zh_hans=every_block(image, document, target, CHINESE),
    )

    main = soup(client.get(f"/{prefix}/about/")).main

    assert main.find("h2", string=words["heading"])
    assert words["paragraph"] in main.get_text()
    figure = main.select_one("figure.figure")
    assert figure.img["alt"] == words["alt"]
    assert "webp" in figure.img["src"] and figure.img.get("srcset")
    assert words["caption"] in figure.figcaption.get_text()
    assert words["credit"] in figure.select_one(".figure__credit").get_text()
    assert [li.get_text(strip=True) for li in main.select(".numbered-list ol li")] == words["items"]
    assert main.select_one(".quote blockquote").get_text(strip=True) == words["quote"]
    assert main.select_one(".quote figcaption").get_text(strip=True) == words["attribution"]
    document_link = main.select_one(".document-link a")
    assert document_link.get_text(strip=True) == words["document"]
    assert document_link["href"] == Document.objects.get().url
    cta = main.select_one(".cta a")
    assert cta.get_text(strip=True) == words["cta"]
    assert cta["href"] == f"/{prefix}/register/"


def test_home_page_shows_hero_and_featured_links_in_each_language(client, home):
    about = StandardPageFactory(parent=home, slug="about")
    HomeFeaturedLinkFactory(home_page=home, link_page=about, link_url="", title_en="About", title_zh_hans="关于")
    HomeFeaturedLinkFactory(home_page=home, link_url="https://example.org/", title_en="Partner", title_zh_hans="伙伴")

    english = soup(client.get("/en/"))
    chinese = soup(client.get("/zh-hans/"))

    assert english.h1.get_text(strip=True) == "Shanghai, explained for the world"
    assert chinese.h1.get_text(strip=True) == "向世界讲述上海"
    assert [(a.get_text(" ", strip=True), a["href"]) for a in chinese.select(".card a")] == [
        ("关于", "/zh-hans/about/"),
        ("伙伴", "https://example.org/"),
    ]
    assert english.select_one(".card a")["href"] == "/en/about/"


def test_home_page_lists_nothing_under_latest_when_no_section_lists_itself(client, home):
    StandardPageFactory(parent=home)

    assert soup(client.get("/en/")).select_one("#latest-heading") is None


def test_main_menu_lists_pages_shown_in_menus(client, home):
    StandardPageFactory(parent=home, slug="about", title_en="About the Office", show_in_menus=True)
    StandardPageFactory(parent=home, slug="hidden", title_en="Hidden", show_in_menus=False)

    links = [a.get_text(strip=True) for a in soup(client.get("/en/")).select("nav.main-menu a")]

    assert links == ["Home", "About the Office"]


def test_main_menu_shows_at_most_its_bound_in_page_tree_order(client, home):
    for number in range(MAIN_MENU_MAX_ITEMS + 3):
        StandardPageFactory(parent=home, slug=f"section-{number}", title_en=f"Section {number}", show_in_menus=True)

    menu = soup(client.get("/en/section-2/")).select_one("nav.main-menu")
    links = [a.get_text(strip=True) for a in menu.find_all("a")]

    assert links == ["Home"] + [f"Section {number}" for number in range(MAIN_MENU_MAX_ITEMS)]
    assert menu.find("a", attrs={"aria-current": "page"}).get_text() == "Section 2"
    assert menu.find("a", string="Section 2")["href"] == "/en/section-2/"


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_routed_pages_menu_is_the_menu_any_page_shows(client, home, language):
    # The routing reads the menu with the page (portal.routing); a page served otherwise, such as
    # search, asks portal.menu: both leave out what is unpublished, restricted or withdrawn.
    StandardPageFactory(parent=home, slug="shown", title_en="Shown", show_in_menus=True)
    StandardPageFactory(parent=home, slug="draft", title_en="Draft", show_in_menus=True, live=False)
    restricted = StandardPageFactory(parent=home, slug="restricted", title_en="Restricted", show_in_menus=True)
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    english_only = StandardPageFactory(parent=home, slug="english", title_en="English only", show_in_menus=True)
    set_hidden_languages(english_only, {"zh-hans"})

    def menu(path):
        return [a["href"] for a in soup(client.get(path)).select("nav.main-menu a")]

    expected = [f"/{language}/", f"/{language}/shown/"] + ([f"/{language}/english/"] if language == "en" else [])
    assert menu(f"/{language}/shown/") == menu(f"/{language}/search/?q=x") == expected


def test_main_menu_shows_chinese_titles_and_falls_back_to_english(client, home):
    StandardPageFactory(parent=home, slug="about", title_en="About", title_zh_hans="关于", show_in_menus=True)
    StandardPageFactory(parent=home, slug="new", title_en="New section", title_zh_hans="", show_in_menus=True)

    links = [(a.get_text(strip=True), a["href"]) for a in soup(client.get("/zh-hans/")).select("nav.main-menu a")]

    assert links == [("首页", "/zh-hans/"), ("关于", "/zh-hans/about/"), ("New section", "/zh-hans/new/")]


def test_unpublished_page_is_not_served(client, home):
    page = StandardPageFactory(parent=home, slug="draft")
    page.unpublish()

    assert client.get("/en/draft/").status_code == 404


def test_page_queries_do_not_grow_with_menu_size(client, home, django_assert_max_num_queries):
    for _ in range(3):
        StandardPageFactory(parent=home, show_in_menus=True)
    client.get("/en/")  # warm Wagtail's per-process caches (site root paths)
    with django_assert_max_num_queries(30) as few:
        client.get("/en/")
    for _ in range(30):
        StandardPageFactory(parent=home, show_in_menus=True)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/en/")


def test_home_lists_dated_items_newest_first_and_future_ones_as_coming_up(client, home, monkeypatch):
    import datetime

    from django.utils import timezone

    from portal.models import StandardPage

    today = timezone.localdate()
    offsets = {"Older": -30, "Newer": -1, "Next week": 7, "Tomorrow": 1}
    # Stand-ins for a section's dated page type (a press release, an event).
    monkeypatch.setattr(StandardPage, "listed_on_home", True, raising=False)
    monkeypatch.setattr(
        StandardPage,
        "listing_date",
        property(lambda page: today + datetime.timedelta(days=offsets[page.title_en])),
        raising=False,
    )
    for title in offsets:
        StandardPageFactory(parent=home, title_en=title)

    page = soup(client.get("/en/"))

    latest = [a.get_text(strip=True) for a in page.select("#latest-heading + ul a")]
    coming = [a.get_text(strip=True) for a in page.select("#coming-up-heading + ul a")]
    assert latest == ["Newer", "Older"]
    assert coming == ["Tomorrow", "Next week"]
    assert page.select_one("#latest-heading + ul time")["datetime"] == str(today - datetime.timedelta(days=1))


@pytest.mark.parametrize(("prefix", "heading"), [("en", "Page not found"), ("zh-hans", "页面不存在")])
def test_missing_page_gets_a_404_in_the_visitors_language(client, home, prefix, heading):
    response = client.get(f"/{prefix}/no-such-page/")

    page = soup(response, status=404)
    assert page.h1.get_text(strip=True) == heading
    assert page.select_one("nav.language-switcher") is not None


def publish_new_section(client, home, title, show_in_menus=True):
    data = nested_form_data(
        {
            "title_en": title,
            "title_zh_hans": "",
            "slug": slugify(title),
            "intro_en": "",
            "intro_zh_hans": "",
            "body_en": streamfield([]),
            "body_zh_hans": streamfield([]),
            "change_notes": inline_formset([]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    if show_in_menus:
        data["show_in_menus"] = "on"
    return client.post(f"/admin/pages/add/portal/standardpage/{home.pk}/", data, follow=True)


def test_publishing_a_menu_section_the_menu_has_no_room_for_warns_the_editor(admin_client, home):
    for number in range(MAIN_MENU_MAX_ITEMS):
        StandardPageFactory(parent=home, slug=f"section-{number}", title_en=f"Section {number}", show_in_menus=True)

    fitting = publish_new_section(admin_client, home, "Unlisted page", show_in_menus=False)
    left_out = publish_new_section(admin_client, home, "Press office")

    assert StandardPage.objects.get(slug="press-office").live
    assert [str(message) for message in fitting.context["messages"] if message.level_tag == "warning"] == []
    warnings = [str(message) for message in left_out.context["messages"] if message.level_tag == "warning"]
    assert len(warnings) == 1
    assert "“Press office” is set to show in menus" in warnings[0]
    assert f"room for {MAIN_MENU_MAX_ITEMS} sections" in warnings[0]


def main_menu_panel(admin_client):
    dashboard = soup(admin_client.get("/admin/"))
    return dashboard.find(id="main-menu-room-section")


def test_the_dashboard_names_the_sections_a_drag_and_drop_reorder_pushed_out_of_the_main_menu(admin_client, home):
    sections = [
        StandardPageFactory(parent=home, slug=f"section-{number}", title_en=f"Section {number}", show_in_menus=True)
        for number in range(MAIN_MENU_MAX_ITEMS)
    ]
    assert main_menu_panel(admin_client) is None  # everything fits: nothing to say

    newest = StandardPageFactory(parent=home, slug="newest", title_en="Newest", show_in_menus=True)
    before = main_menu_panel(admin_client)
    # The explorer's drag and drop: Newest to the top pushes the last of the others out.
    moved = admin_client.post(f"/admin/pages/{newest.pk}/set_position/?position=0")
    after = main_menu_panel(admin_client)

    assert moved.status_code == 200
    assert [a.get_text(strip=True) for a in before.select("ul a")] == ["Newest"]
    assert [a.get_text(strip=True) for a in after.select("ul a")] == [sections[-1].title]
    assert after.find("a", string=sections[-1].title)["href"] == f"/admin/pages/{sections[-1].pk}/edit/"
    assert f"first {MAIN_MENU_MAX_ITEMS} sections" in after.get_text()
