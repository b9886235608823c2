"""Editing and previewing both languages in the Wagtail admin (portal.admin_editing, portal.preview)."""

import json

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, get_page_models
from wagtail.users.models import UserProfile

from portal.factories import StandardPageFactory
from portal.withdrawal import set_hidden_languages
from tests.kit import parse, soup, staff_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return staff_user("Editors", username="editor")


@pytest.fixture
def draft(home):
    """A page never published: it has no public address in any language."""
    page = StandardPageFactory(
        parent=home,
        title_en="Tea ceremony notes",
        title_zh_hans="茶道笔记",
        intro_en="How the ceremony goes.",
        intro_zh_hans="茶道的流程。",
        live=False,
    )
    page.save_revision()
    return page


def in_chinese(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "zh-hans"
    profile.save()


def bilingual_script(response):
    script = soup(response).find("script", src=lambda src: src and "portal/admin/bilingual_fields" in src)
    assert script is not None, "the side-by-side script is not loaded"
    return script


def test_every_edit_form_loads_the_side_by_side_script_with_the_languages_named(client, editor, home, draft):
    client.force_login(editor)

    for url in (f"/admin/pages/{draft.pk}/edit/", f"/admin/pages/add/portal/standardpage/{home.pk}/"):
        script = bilingual_script(client.get(url))
        languages = json.loads(script["data-languages"])
        assert [(language["code"], language["label"], language["lang"]) for language in languages] == [
            ("en", "English", "en"),
            ("zh-hans", "中文", "zh-Hans"),
        ], url


def test_snippets_and_settings_load_it_too(admin_client, home):
    assert bilingual_script(admin_client.get("/admin/snippets/pressroom/presstopic/add/"))
    assert bilingual_script(admin_client.get(f"/admin/settings/portal/officecontact/{home.get_site().pk}/"))


def test_the_script_is_a_file_and_the_old_one_language_picker_is_gone(client, editor, draft):
    client.force_login(editor)

    page = soup(client.get(f"/admin/pages/{draft.pk}/edit/"))

    sources = [script.get("src") or "" for script in page.find_all("script")]
    assert not any("language_toggles" in source for source in sources)
    # Our script carries its words in its own tag: nothing of ours runs inline.
    inline = [script.string or "" for script in page.find_all("script", src=False)]
    assert not any("bilingual" in code for code in inline)


def test_the_admin_in_chinese_names_the_toggles_in_chinese_and_each_language_in_its_own(client, editor, draft):
    in_chinese(editor)
    client.force_login(editor)

    script = bilingual_script(client.get(f"/admin/pages/{draft.pk}/edit/"))

    labels = [language["label"] for language in json.loads(script["data-languages"])]
    assert labels == ["English", "中文"]


def test_every_page_type_previews_in_each_language():
    for model in get_page_models():
        if model is Page:
            continue
        page = model()
        assert page.preview_modes == [("en", "English"), ("zh-hans", "中文")], model.__name__
        assert page.default_preview_mode == "en", model.__name__


def test_a_draft_previewed_in_chinese_is_in_chinese_whatever_the_editors_language(client, editor, draft):
    client.force_login(editor)  # an English admin

    response = client.get(f"/admin/pages/{draft.pk}/view_draft/?mode=zh-hans")

    page = parse(response.content.decode())
    assert page.find("html")["lang"] == "zh-Hans"
    assert "茶道笔记" in page.find("h1").get_text()


def test_a_drafts_preview_in_english_is_in_english(client, editor, draft):
    in_chinese(editor)
    client.force_login(editor)

    page = soup(client.get(f"/admin/pages/{draft.pk}/view_draft/?mode=en"))

    assert page.find("html")["lang"] == "en"
    assert "Tea ceremony notes" in page.find("h1").get_text()


def test_the_previews_language_switcher_leads_to_the_other_preview_not_to_a_public_404(client, editor, draft):
    client.force_login(editor)

    page = soup(client.get(f"/admin/pages/{draft.pk}/view_draft/?mode=zh-hans"))

    links = page.select(".language-switcher a")
    assert [link["href"] for link in links] == [f"/admin/pages/{draft.pk}/view_draft/?mode=en"]
    assert client.get(links[0]["href"]).status_code == 200
    assert client.get(f"/en/{draft.slug}/").status_code == 404  # what it linked to before


def test_the_live_preview_beside_the_form_switches_within_the_preview(client, editor, draft):
    client.force_login(editor)
    preview = f"/admin/pages/{draft.pk}/edit/preview/"
    form = {
        "title_en": "Tea ceremony notes",
        "title_zh_hans": "茶道笔记（修改）",
        "slug": draft.slug,
        "body_en-count": "0",
        "body_zh_hans-count": "0",
    }
    form.update(_empty_formsets(client.get(f"/admin/pages/{draft.pk}/edit/")))
    assert client.post(preview, form).json()["is_valid"]

    page = soup(client.get(f"{preview}?mode=zh-hans&in_preview_panel=true"))

    assert "茶道笔记（修改）" in page.find("h1").get_text()
    links = page.select(".language-switcher a")
    assert [link["href"] for link in links] == [f"{preview}?mode=en&in_preview_panel=true"]


def _empty_formsets(response):
    """The management fields of the edit form's inline panels and StreamFields, as sent."""
    return {
        field["name"]: field.get("value", "")
        for field in soup(response).find_all("input", attrs={"type": "hidden"})
        if field.get("name", "").endswith(
            ("-TOTAL_FORMS", "-INITIAL_FORMS", "-MIN_NUM_FORMS", "-MAX_NUM_FORMS", "-count")
        )
    }


def test_view_live_in_each_language_in_the_page_header(client, home):
    moderator = staff_user("Moderators", username="moderator")
    page = StandardPageFactory(parent=home, title_en="Visas", title_zh_hans="签证")
    client.force_login(moderator)

    header = soup(client.get(f"/admin/pages/{page.pk}/edit/"))

    links = {
        link.get_text(" ", strip=True): link["href"]
        for link in header.find_all("a")
        if "View live (" in link.get_text()
    }
    assert links == {"View live (English)": f"/en/{page.slug}/", "View live (中文)": f"/zh-hans/{page.slug}/"}


def explorer(client, parent):
    """(queries, {row title: [its "View live (…)" links]}) of the explorer listing of `parent`."""
    url = f"/admin/pages/{parent.pk}/"
    client.get(url)  # the session and the user's profile, once
    with CaptureQueriesContext(connection) as queries:
        listing = soup(client.get(url))
    rows = {}
    for row in listing.select("table.listing tbody tr"):
        title = row.select_one("[data-listing-page-title] a, td.title a")
        links = [link["href"] for link in row.find_all("a") if "View live (" in link.get_text()]
        rows[title.get_text(" ", strip=True) if title else ""] = links
    return len(queries), rows


def test_the_explorer_offers_view_live_in_the_languages_shown_reading_them_in_no_query_per_row(client, home):
    client.force_login(staff_user("Moderators", username="moderator"))
    StandardPageFactory.create_batch(2, parent=home)
    notice = StandardPageFactory(parent=home, title_en="English-only notice", slug="notice")
    set_hidden_languages(notice, {"zh-hans"})
    few, rows = explorer(client, home)

    StandardPageFactory.create_batch(10, parent=home)
    many, _rows = explorer(client, home)

    notice_links = next(links for title, links in rows.items() if title.startswith("English-only notice"))
    assert notice_links == ["/en/notice/"]
    assert many == few


def test_a_draft_offers_no_view_live(client, editor, draft):
    client.force_login(editor)

    header = soup(client.get(f"/admin/pages/{draft.pk}/edit/"))

    assert not [link for link in header.find_all("a") if "View live (" in link.get_text()]


def form_controllers(response):
    return soup(response).find("form", id="page-edit-form")["data-controller"].split()


def test_a_new_pages_form_does_not_autosave_an_existing_pages_form_does(client, editor, home, draft):
    client.force_login(editor)

    assert "w-autosave" not in form_controllers(client.get(f"/admin/pages/add/portal/standardpage/{home.pk}/"))
    assert "w-autosave" in form_controllers(client.get(f"/admin/pages/{draft.pk}/edit/"))
