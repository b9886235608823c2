"""A page translated in part: a notice in the visitor's language names what is still in English,
only those parts are marked lang="en", and the page's translated text, labels and dates are not."""

import pytest

from agencies.factories import AgencyIndexPageFactory, AgencyPageFactory
from portal.factories import StandardPageFactory
from pressroom.factories import (
    JournalistFAQItemFactory,
    JournalistFAQPageFactory,
    PressConferencePageFactory,
    PressReleasePageFactory,
    PressroomPageFactory,
)
from pressroom.models import ConferenceSpeaker
from tests.kit import soup

pytestmark = pytest.mark.django_db

PARTIAL_NOTICE = "本页部分内容暂无中文"
WHOLE_NOTICE = "本页尚未译成中文"


@pytest.fixture
def pressroom(home):
    return PressroomPageFactory(parent=home)


def notice_of(page):
    notice = page.select_one(".notice--translation")
    return notice.get_text(" ", strip=True) if notice else ""


def test_a_question_without_chinese_is_named_in_the_notice_and_alone_marked_english(client, pressroom):
    faq = JournalistFAQPageFactory(parent=pressroom, intro_en="Answers for journalists.", intro_zh_hans="记者问答。")
    JournalistFAQItemFactory(page=faq, question_en="How do I register?", question_zh_hans="如何登记？")
    JournalistFAQItemFactory(
        page=faq, question_en="Can I bring a crew?", question_zh_hans="", answer_en="<p>Yes.</p>", answer_zh_hans=""
    )

    page = soup(client.get(f"/zh-hans/{pressroom.slug}/{faq.slug}/"))

    notice = notice_of(page)
    assert PARTIAL_NOTICE in notice and WHOLE_NOTICE not in notice
    assert "问答（问题、回答）" in notice
    english = page.find("h2", string="Can I bring a crew?")
    assert english["lang"] == "en"
    assert english.find_next_sibling("div")["lang"] == "en"
    # Nothing else is marked English: the translated question, the page's heading and intro.
    assert not page.find("h2", string="如何登记？").has_attr("lang")
    assert page.main.find(attrs={"lang": "en"}, string="记者问答。") is None
    assert [element.name for element in page.main.find_all(attrs={"lang": True})] == ["a", "h2", "div"]


def test_a_speakers_role_without_chinese_is_named_and_the_conference_date_is_not_marked(client, pressroom):
    conference = PressConferencePageFactory(
        parent=pressroom, summary_en="On the alliance.", summary_zh_hans="关于联盟。"
    )
    ConferenceSpeaker.objects.create(
        page=conference, name_en="Li Ming", name_zh_hans="李明", role_en="Spokesperson", role_zh_hans=""
    )

    page = soup(client.get(f"/zh-hans/{pressroom.slug}/{conference.slug}/"))

    notice = notice_of(page)
    assert PARTIAL_NOTICE in notice
    assert "发布人（职务）" in notice
    assert page.main.find(string="Spokesperson").parent["lang"] == "en"
    assert not page.main.find(string="李明").parent.has_attr("lang")
    for time in page.main.find_all("time"):
        assert not any(parent.get("lang") == "en" for parent in time.parents if parent.name)


def test_a_lede_without_chinese_is_named_and_the_rest_of_the_release_is_chinese(client, pressroom):
    release = PressReleasePageFactory(parent=pressroom, lede_en="Nine townships join.", lede_zh_hans="")

    page = soup(client.get(f"/zh-hans/{pressroom.slug}/{release.slug}/"))

    notice = notice_of(page)
    assert PARTIAL_NOTICE in notice
    assert "导语" in notice
    assert page.select_one("p.lede")["lang"] == "en"
    assert not page.h1.has_attr("lang")
    # The content as a whole is not marked English: its labels and dates are Chinese.
    assert not any(div.get("lang") for div in page.main.find_all("div", recursive=False))


def test_a_page_with_nothing_in_chinese_is_shown_in_english_as_a_whole(client, home):
    StandardPageFactory(
        parent=home, slug="visitors", title_en="Visitors", title_zh_hans="", intro_en="Hello.", intro_zh_hans=""
    )

    page = soup(client.get("/zh-hans/visitors/"))

    assert WHOLE_NOTICE in notice_of(page)
    assert PARTIAL_NOTICE not in page.get_text()
    assert page.main.find("div", attrs={"lang": "en"}, recursive=False) is not None


def test_a_translated_page_has_no_notice(client, pressroom):
    faq = JournalistFAQPageFactory(parent=pressroom)
    JournalistFAQItemFactory(page=faq)

    page = soup(client.get(f"/zh-hans/{pressroom.slug}/{faq.slug}/"))

    assert notice_of(page) == ""
    assert page.main.find(attrs={"lang": "en"}) is None


def test_english_pages_never_show_the_notice(client, pressroom):
    release = PressReleasePageFactory(parent=pressroom, lede_zh_hans="")

    page = soup(client.get(f"/en/{pressroom.slug}/{release.slug}/"))

    assert notice_of(page) == ""


def test_an_agency_summary_without_chinese_is_named_and_alone_marked_english(client, home):
    directory = AgencyIndexPageFactory(parent=home)
    agency = AgencyPageFactory(
        parent=directory, slug="bureau", title_en="Example Bureau", title_zh_hans="示例局", summary_en="What it does."
    )

    page = soup(client.get(f"/zh-hans/{directory.slug}/{agency.slug}/"))

    assert PARTIAL_NOTICE in notice_of(page) and "概要" in notice_of(page)
    assert page.select_one("p.lede")["lang"] == "en"
    assert not page.h1.has_attr("lang")
