"""The staff report of page feedback: by page, most "No" first, with what visitors wrote."""

import pytest

from django.contrib.auth.models import Group

from page_feedback.factories import PageFeedbackFactory
from page_feedback.models import PageFeedback
from portal.factories import StandardPageFactory
from tests.kit import soup, staff_user

pytestmark = pytest.mark.django_db

URL = "/admin/reports/page-feedback/"


@pytest.fixture
def pages(home):
    return {
        slug: StandardPageFactory(parent=home, slug=slug, title_en=title, title_zh_hans=f"{title}（中文）")
        for slug, title in (("about", "About the Office"), ("visas", "Visas"), ("parks", "Parks"))
    }


@pytest.fixture
def feedback(pages):
    def answers(slug, kind, count, language="en", **fields):
        for _ in range(count):
            PageFeedbackFactory(page=pages[slug], path=f"/{language}/{slug}/", language=language, kind=kind, **fields)

    answers("about", "no", 1)
    answers("about", "yes", 9)
    answers("visas", "no", 2)
    answers("visas", "no", 2, language="zh-hans")
    answers("visas", "problem", 1, language="zh-hans", problem="wrong", message="签证费用已经变了")
    answers("parks", "no", 3)
    answers("parks", "problem", 1, message="The map link is broken")
    PageFeedbackFactory(page=pages["parks"], path="/en/parks/", kind="no", handled=True)  # dealt with already


@pytest.fixture
def editor(db):
    return staff_user("Editors", username="editor")


def rows(response):
    return soup(response).select("table.listing tbody tr")


def test_pages_with_the_most_no_come_first_counting_every_language_together(client, editor, feedback):
    client.force_login(editor)

    shown = rows(client.get(URL))

    titles = [row.th.a.get_text(strip=True) for row in shown]
    assert titles == ["Visas", "Parks", "About the Office"]
    counts = [[cell.get_text(strip=True) for cell in row.find_all("td")[:3]] for row in shown]
    assert counts == [["4", "0", "1"], ["3", "0", "1"], ["1", "9", "0"]]  # No, Yes, problem reports
    assert "签证费用已经变了" in shown[0].get_text()
    assert shown[0].find("blockquote", lang="zh-hans")
    assert "The map link is broken" in shown[1].get_text()
    assert {link["href"] for link in shown[0].th.find_all("a")} >= {"/en/visas/", "/zh-hans/visas/"}


def test_staff_mark_a_report_and_then_a_whole_page_handled(client, editor, feedback, pages):
    client.force_login(editor)
    report = PageFeedback.objects.get(message="The map link is broken")

    client.post(URL, {"report": report.pk})
    report.refresh_from_db()
    assert report.handled and report.handled_at
    assert "The map link is broken" not in client.get(URL).content.decode()

    response = client.post(URL, {"address": "/visas/", "page": pages["visas"].pk}, follow=True)
    assert not PageFeedback.objects.open().filter(page=pages["visas"]).exists()
    assert [row.th.a.get_text(strip=True) for row in rows(response)] == ["Parks", "About the Office"]
    everything = rows(client.get(URL, {"show": "all"}))
    assert [row.th.a.get_text(strip=True) for row in everything][:2] == ["Parks", "Visas"]


def test_staff_without_the_permission_see_neither_the_report_nor_its_menu_item(client, feedback):
    client.force_login(staff_user("Press officers", username="officer"))

    response = client.get(URL)
    handled = client.post(URL, {"address": "/visas/", "page": ""})

    assert response.status_code in {302, 403}
    assert "签证费用已经变了" not in response.content.decode()
    assert handled.status_code in {302, 403}
    assert not PageFeedback.objects.filter(handled=True).exclude(path="/en/parks/", kind="no").exists()
    assert URL not in client.get("/admin/").content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client, feedback):
    response = client.get(URL)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_who_may_see_only_read_it_and_who_may_change_also_handle_it(client, feedback):
    reader = staff_user(username="reader", permissions=["page_feedback.view_pagefeedback"])
    client.force_login(reader)

    page = soup(client.get(URL))
    refused = client.post(URL, {"address": "/visas/", "page": ""})

    assert "签证费用已经变了" in page.get_text()
    assert not page.select("table.listing form")
    assert refused.status_code in {302, 403}
    assert PageFeedback.objects.filter(handled=True).count() == 1


def test_editors_and_moderators_triage_page_feedback(client, feedback):
    for name in ("Editors", "Moderators"):
        codenames = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert {"view_pagefeedback", "change_pagefeedback"} <= codenames
    client.force_login(staff_user("Moderators", username="moderator"))
    assert URL in client.get("/admin/").content.decode()


def test_the_report_lists_answers_without_a_page_by_their_address(client, editor, home):
    PageFeedbackFactory(page=None, path="/en/search/", kind="no")
    client.force_login(editor)

    shown = rows(client.get(URL))

    assert [row.th.get_text(" ", strip=True).split(" ")[0] for row in shown] == ["/en/search/"]
