"""Pages say when they were published and last updated, and list the change notes their editors
added, in the page's language and in Shanghai time (portal.changes, includes/page_dates.html)."""

import datetime

import pytest

from django.utils import timezone, translation

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from agencies.factories import AgencyIndexPageFactory, AgencyPageFactory
from cns.factories import (
    ArticlePageFactory,
    CNSHomePageFactory,
    EventPageFactory,
    GuideIndexPageFactory,
    GuidePageFactory,
)
from portal.changes import PageChangeNote
from portal.factories import StandardPageFactory
from pressroom.factories import PressReleasePageFactory, PressroomPageFactory
from tests.kit import soup, staff_user

pytestmark = pytest.mark.django_db

# 16:30 on 30 November in UTC is half past midnight on 1 December in Shanghai: the day shown.
FIRST_PUBLISHED = datetime.datetime(2026, 11, 30, 16, 30, tzinfo=datetime.UTC)
PUBLISHED_DAY = {"en": "Dec. 1, 2026", "zh-hans": "2026年12月1日"}


def standard_page(home):
    return StandardPageFactory(parent=home, slug="about")


def press_release(home):
    return PressReleasePageFactory(parent=PressroomPageFactory(parent=home), slug="release")


def cns_article(home):
    return ArticlePageFactory(parent=CNSHomePageFactory(parent=home), slug="article")


def cns_event(home):
    return EventPageFactory(parent=CNSHomePageFactory(parent=home), slug="event")


def cns_guide(home):
    return GuidePageFactory(parent=GuideIndexPageFactory(parent=CNSHomePageFactory(parent=home)), slug="guide")


def agency_profile(home):
    government = StandardPageFactory(parent=home, slug="government")
    return AgencyPageFactory(parent=AgencyIndexPageFactory(parent=government), slug="agency")


PAGE_TYPES = [standard_page, press_release, cns_article, cns_event, cns_guide, agency_profile]


def published(page, notes=()):
    """`page` with its `notes` ((date, English, Chinese)), published through a revision, as first
    published at FIRST_PUBLISHED."""
    for day, english, chinese in notes:
        page.change_notes.add(PageChangeNote(date=day, note_en=english, note_zh_hans=chinese))
    page.save_revision().publish()
    Page.objects.filter(pk=page.pk).update(first_published_at=FIRST_PUBLISHED)
    return page


def dates_of(client, page, language):
    with translation.override(language):
        url = page.url
    footer = soup(client.get(url)).select_one("footer.page-dates")
    assert footer is not None, "the page shows no dates"
    return footer


def summary(footer):
    """{label: the day shown} of the dates the page sums up."""
    return {
        row.dt.get_text(strip=True): (row.time.get_text(strip=True), row.time["datetime"])
        for row in footer.select(".page-dates__summary > div")
    }


def history(footer):
    return [" ".join(item.get_text(" ").split()) for item in footer.select(".page-dates__list li")]


@pytest.mark.parametrize("make_page", PAGE_TYPES)
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_each_dated_page_type_shows_the_day_it_was_first_published_in_shanghai_time(client, home, make_page, language):
    page = published(make_page(home))

    footer = dates_of(client, page, language)

    assert list(summary(footer).values()) == [(PUBLISHED_DAY[language], "2026-12-01")]
    assert footer.select_one(".page-dates__history") is None  # no change noted: no history, no "Last updated"


def test_english_labels_say_published_and_last_updated(client, home):
    page = published(standard_page(home), [(datetime.date(2026, 12, 5), "Added the office hours.", "增加了办公时间。")])

    footer = dates_of(client, page, "en")

    assert summary(footer) == {
        "Published": ("Dec. 1, 2026", "2026-12-01"),
        "Last updated": ("Dec. 5, 2026", "2026-12-05"),
    }
    assert footer.details.summary.get_text(strip=True) == "Full page history"


def test_chinese_labels_say_published_and_last_updated(client, home):
    """Needs the Chinese catalogue: 发布日期, 最近更新, 页面更新记录, 首次发布。"""
    page = published(standard_page(home), [(datetime.date(2026, 12, 5), "Added the office hours.", "增加了办公时间。")])

    footer = dates_of(client, page, "zh-hans")

    assert summary(footer) == {
        "发布日期": ("2026年12月1日", "2026-12-01"),
        "最近更新": ("2026年12月5日", "2026-12-05"),
    }
    assert footer.details.summary.get_text(strip=True) == "页面更新记录"
    assert history(footer)[-1] == "2026年12月1日 首次发布。"


@pytest.mark.parametrize("make_page", PAGE_TYPES)
def test_change_notes_are_listed_latest_first_in_each_language(client, home, make_page):
    page = published(
        make_page(home),
        [
            (datetime.date(2026, 12, 3), "Corrected the address.", "更正了地址。"),
            (datetime.date(2026, 12, 9), "Added the fees for 2027.", "增加了2027年的收费标准。"),
        ],
    )

    english = dates_of(client, page, "en")
    chinese = dates_of(client, page, "zh-hans")

    assert history(english)[:2] == ["Dec. 9, 2026 Added the fees for 2027.", "Dec. 3, 2026 Corrected the address."]
    assert history(chinese)[:2] == ["2026年12月9日 增加了2027年的收费标准。", "2026年12月3日 更正了地址。"]
    assert history(english)[-1].startswith("Dec. 1, 2026")  # the first publication closes the history
    assert ("Dec. 9, 2026", "2026-12-09") in summary(english).values()  # the latest note is the last update
    assert ("2026年12月9日", "2026-12-09") in summary(chinese).values()


def test_a_note_without_chinese_shows_the_english_marked_as_english(client, home):
    page = published(standard_page(home), [(datetime.date(2026, 12, 5), "Added the office hours.", "")])

    note = dates_of(client, page, "zh-hans").select(".page-dates__list li")[0]

    assert note.span.get_text(strip=True) == "Added the office hours."
    assert note.span["lang"] == "en"


def test_a_note_in_a_draft_is_not_shown_until_the_draft_is_published(client, home):
    page = published(standard_page(home))
    page.change_notes.add(PageChangeNote(date=datetime.date(2026, 12, 5), note_en="Rewrote the page."))
    revision = page.save_revision()

    assert dates_of(client, page, "en").select_one(".page-dates__history") is None

    revision.publish()

    assert history(dates_of(client, page, "en"))[0] == "Dec. 5, 2026 Rewrote the page."


def test_a_moderator_adds_a_change_note_in_the_editor_and_publishes_it(client, home):
    page = published(standard_page(home))
    client.force_login(staff_user("Moderators", username="moderator"))
    data = nested_form_data(
        {
            "title_en": page.title_en,
            "title_zh_hans": page.title_zh_hans,
            "slug": page.slug,
            "intro_en": page.intro_en,
            "intro_zh_hans": page.intro_zh_hans,
            "body_en": streamfield([]),
            "body_zh_hans": streamfield([]),
            "change_notes": inline_formset(
                [
                    {
                        "date": "2026-12-05",
                        "note_en": "Added the office hours.",
                        "note_zh_hans": "增加了办公时间。",
                        "ORDER": 1,
                    }
                ]
            ),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )

    response = client.post(f"/admin/pages/{page.pk}/edit/", data)

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    assert [(note.date, note.note_en, note.note_zh_hans) for note in page.change_notes.all()] == [
        (datetime.date(2026, 12, 5), "Added the office hours.", "增加了办公时间。")
    ]
    client.logout()
    assert history(dates_of(client, page, "en"))[0] == "Dec. 5, 2026 Added the office hours."
    assert history(dates_of(client, page, "zh-hans"))[0] == "2026年12月5日 增加了办公时间。"


@pytest.mark.parametrize("make_page", PAGE_TYPES)
def test_the_editor_of_each_dated_page_type_offers_change_notes_in_both_languages(admin_client, home, make_page):
    page = make_page(home)

    form = soup(admin_client.get(f"/admin/pages/{page.pk}/edit/"))

    names = {element.get("name") for element in form.find_all(["input", "textarea"])}
    assert "change_notes-TOTAL_FORMS" in names
    markup = str(form)
    assert "change_notes-__prefix__-note_en" in markup and "change_notes-__prefix__-note_zh_hans" in markup


def test_a_new_note_is_dated_today_in_shanghai(home, monkeypatch):
    # 20:00 UTC on 4 December is 04:00 on 5 December in Shanghai.
    monkeypatch.setattr(timezone, "now", lambda: datetime.datetime(2026, 12, 4, 20, 0, tzinfo=datetime.UTC))

    assert PageChangeNote().date == datetime.date(2026, 12, 5)


def test_a_copy_of_a_page_starts_without_the_original_s_history(home):
    page = published(standard_page(home), [(datetime.date(2026, 12, 5), "Added the office hours.", "")])

    copy = page.copy(to=home, update_attrs={"slug": "about-copy"})

    assert page.change_notes.count() == 1
    assert copy.change_notes.count() == 0


def test_queries_of_a_page_do_not_grow_with_its_change_notes(client, home, django_assert_max_num_queries):
    page = published(standard_page(home), [(datetime.date(2026, 12, 1), "First change.", "")])
    client.get("/en/about/")  # warm Wagtail's per-process caches
    with django_assert_max_num_queries(30) as one_note:
        client.get("/en/about/")
    published(page, [(datetime.date(2026, 12, day), f"Change {day}.", "") for day in range(2, 20)])

    with django_assert_max_num_queries(len(one_note.captured_queries)):
        client.get("/en/about/")


def test_a_page_whose_note_lacks_chinese_awaits_translation(home):
    from portal.reports import untranslated_page_ids

    page = published(standard_page(home), [(datetime.date(2026, 12, 5), "Added the office hours.", "")])
    translated = published(
        StandardPageFactory(parent=home, slug="translated"),
        [(datetime.date(2026, 12, 5), "Added the office hours.", "增加了办公时间。")],
    )

    ids = untranslated_page_ids()

    assert page.pk in ids
    assert translated.pk not in ids
