"""Each member of staff's admin dashboard shows what waits for their role, with links to the lists
that hold it, and no menu item or search box that would refuse them."""

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from accreditation.factories import AccreditationFactory, ApplicationFactory
from accreditation.models import Application
from cns.factories import FeedbackFactory
from cns.models import Feedback
from page_feedback.factories import PageFeedbackFactory
from page_feedback.models import PageFeedback
from portal.factories import StandardPageFactory
from pressroom.factories import JournalistRegistrationFactory, PressConferencePageFactory, PressroomPageFactory
from pressroom.models import JournalistRegistration
from tests.kit import soup, staff_user

pytestmark = pytest.mark.django_db

ROLES = ["Editors", "Moderators", "Press officers", "CNS feedback handlers", "Email alert managers"]
Registration = JournalistRegistration.Status


@pytest.fixture
def work(home):
    """Records waiting for each role, in numbers that tell the counts apart."""
    for status, number in ((Registration.SUBMITTED, 3), (Registration.UNDER_REVIEW, 1), (Registration.APPROVED, 4)):
        JournalistRegistrationFactory.create_batch(number, status=status)
    for status, number in ((Feedback.Status.NEW, 2), (Feedback.Status.IN_PROGRESS, 1), (Feedback.Status.CLOSED, 5)):
        FeedbackFactory.create_batch(number, status=status)
    conference = PressConferencePageFactory(parent=PressroomPageFactory(parent=home))
    accreditation = AccreditationFactory(conference=conference, quota=5)
    for state, number in ((Application.State.PLACED, 2), (Application.State.WAITING, 1)):
        for _ in range(number):
            ApplicationFactory(accreditation=accreditation, state=state)
    PageFeedbackFactory(kind=PageFeedback.Kind.PROBLEM, message="A broken link")
    PageFeedbackFactory(kind=PageFeedback.Kind.PROBLEM, handled=True)
    StandardPageFactory(parent=home, title_en="Untranslated", title_zh_hans="")


def dashboard(client, group):
    client.force_login(staff_user(group, username="member"))
    return soup(client.get("/admin/"))


def waiting(page):
    """{sentence: link} of the dashboard's "Waiting for you" panel."""
    panel = page.find(id="waiting-for-you-content") or page.find(id="waiting-for-you")
    if panel is None:
        return {}
    return {link.get_text(" ", strip=True): link["href"] for link in panel.select("tr a")}


def menu_links(page):
    """{label: url} of every item of the admin's sidebar menu, submenus included."""

    def walk(items):
        for item in items:
            options, *rest = item["_args"]
            if options.get("url"):
                yield options["label"], options["url"]
            for children in rest:  # a submenu's items (a page explorer's item has its start page)
                if isinstance(children, list):
                    yield from walk(children)

    props = json.loads(page.find(id="wagtail-sidebar-props").string)
    main_menu = next(module for module in props["modules"] if module["_type"] == "wagtail.sidebar.MainMenuModule")
    return dict(walk(main_menu["_args"][0]))


def sidebar_has_search(page):
    props = json.loads(page.find(id="wagtail-sidebar-props").string)
    return any(module["_type"] == "wagtail.sidebar.SearchModule" for module in props["modules"])


def listed(client, url):
    """The rows of the admin list at `url` (a filtered index view)."""
    return soup(client.get(url)).select("table.listing tbody tr")


def test_press_officers_see_the_registrations_and_applications_that_wait(client, work):
    rows = waiting(dashboard(client, "Press officers"))

    assert set(rows) == {
        "3 new journalist registrations await review",
        "1 journalist registration is under review",
        "2 accreditation applications within the places await a decision",
        "1 accreditation application is on a waiting list",
    }
    new = rows["3 new journalist registrations await review"]
    assert parse_qs(urlsplit(new).query) == {"status": ["submitted"]}
    assert len(listed(client, new)) == 3
    assert len(listed(client, rows["2 accreditation applications within the places await a decision"])) == 2


def test_feedback_handlers_see_the_new_messages(client, work):
    rows = waiting(dashboard(client, "CNS feedback handlers"))

    assert set(rows) == {"2 new messages from residents", "1 message from residents is in progress"}
    assert parse_qs(urlsplit(rows["2 new messages from residents"]).query) == {"status": ["new"]}
    assert len(listed(client, rows["2 new messages from residents"])) == 2


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_editors_and_moderators_see_untranslated_pages_and_reported_problems(client, work, group):
    rows = waiting(dashboard(client, group))

    assert set(rows) == {
        "1 page is awaiting translation",
        "1 problem reported on a page is not handled yet",
    }
    assert rows["1 page is awaiting translation"] == "/admin/reports/untranslated/"
    assert rows["1 problem reported on a page is not handled yet"] == "/admin/reports/page-feedback/"


def test_an_editor_is_shown_the_drafts_they_never_published(client, home):
    editor = staff_user("Editors", username="editor")
    other = staff_user("Editors", username="other")
    mine = StandardPageFactory(parent=home, title_en="Half-written notice", slug="notice", live=False, owner=editor)
    StandardPageFactory(parent=home, title_en="Someone else's draft", slug="draft", live=False, owner=other)
    StandardPageFactory(parent=home, title_en="Published page", owner=editor)
    client.force_login(editor)

    rows = waiting(soup(client.get("/admin/")))
    report = soup(client.get(rows["1 of your pages is a draft never published"]))
    everyone = soup(client.get("/admin/reports/never-published/"))

    titles = [row.select_one("td.title").get_text(" ", strip=True) for row in report.select("table.listing tbody tr")]
    assert len(titles) == 1 and titles[0].startswith(mine.title)
    rows_of_everyone = everyone.select("table.listing tbody tr")
    assert {row.select("td")[-1].get_text(strip=True) for row in rows_of_everyone} == {"notice", "draft"}


def test_no_personal_data_counts_reach_editors(client, work):
    rows = " ".join(waiting(dashboard(client, "Editors")))

    assert "registration" not in rows and "residents" not in rows


def test_a_role_with_nothing_declared_gets_no_empty_panel(client, work):
    assert waiting(dashboard(client, "Email alert managers")) == {}


def test_the_counts_cost_one_query_each(client, work, django_assert_max_num_queries):
    client.force_login(staff_user("Press officers", username="member"))
    client.get("/admin/")  # the session and the user's profile, once
    with django_assert_max_num_queries(30):
        page = soup(client.get("/admin/"))
    JournalistRegistrationFactory.create_batch(10)
    FeedbackFactory.create_batch(10)
    with django_assert_max_num_queries(30):
        more = soup(client.get("/admin/"))
    assert "13 new journalist registrations await review" in waiting(more)
    assert len(waiting(page)) == len(waiting(more))


@pytest.mark.parametrize("group", ROLES)
def test_every_menu_item_a_role_sees_opens(client, home, group):
    client.force_login(staff_user(group, username="member"))
    links = menu_links(soup(client.get("/admin/")))

    refused = {
        label: answer for label, url in links.items() if url.startswith("/") and (answer := refusal(client, url))
    }
    assert links and not refused


def refusal(client, url):
    """Why the admin refuses `url` (a status, or Wagtail's redirect to the dashboard), or None.

    A settings item redirects to its site's form first: that redirect is followed.
    """
    response = client.get(url, follow=True)
    if response.status_code != 200:
        return response.status_code
    if response.redirect_chain and response.request["PATH_INFO"] == "/admin/":
        return "sent back to the dashboard"
    return None


@pytest.mark.parametrize("group", ["Press officers", "CNS feedback handlers", "Email alert managers"])
def test_staff_who_edit_no_page_see_no_reports_and_no_page_search(client, home, group):
    page = dashboard(client, group)

    labels = set(menu_links(page))
    assert not labels & {"Awaiting translation", "Snippets and settings awaiting translation", "Pages"}
    assert not page.select("form[role=search]")
    assert not sidebar_has_search(page)


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_editors_keep_the_reports_and_the_page_search(client, home, group):
    page = dashboard(client, group)

    assert {"Awaiting translation", "Snippets and settings awaiting translation", "Page feedback"} <= set(
        menu_links(page)
    )
    assert page.select_one("form[role=search] input[name=q]")
    assert sidebar_has_search(page)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/reports/untranslated/",
        "/admin/reports/untranslated/other/",
        "/admin/reports/page-feedback/",
        "/admin/reports/never-published/",
        "/admin/pages/",
        "/admin/pages/search/?q=press",
    ],
)
@pytest.mark.parametrize("group", ["Press officers", "CNS feedback handlers"])
def test_what_their_menus_no_longer_offer_still_refuses_them(client, home, group, url):
    client.force_login(staff_user(group, username="member"))

    response = client.get(url)

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert urlsplit(response["Location"]).path == "/admin/"  # Wagtail's "no permission" redirect
