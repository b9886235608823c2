"""Each role's dashboard shows what waits for it, and its count leads to just those records; in the
admin in Chinese, the workflow an editor submits to has its Chinese name (issue 15)."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from wagtail.models import Page
from wagtail.users.models import UserProfile

from cns.factories import FeedbackFactory
from pressroom.factories import JournalistRegistrationFactory
from tests.kit import staff_user

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password-3"  # noqa: S105


@pytest.fixture
def waiting_work(live_site):
    records = [
        *JournalistRegistrationFactory.create_batch(2, status="submitted"),
        *FeedbackFactory.create_batch(3, status="new"),
    ]
    yield
    for record in records:
        record.delete()


@pytest.fixture
def member(live_site):
    made = []

    def make(group, language="en"):
        user = staff_user(group, username=f"browser-{len(made)}", password=PASSWORD)
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
        made.append(user)
        return user

    yield make
    for user in made:
        user.delete()


def sign_in(tab, user):
    tab.goto("/admin/login/")
    tab.fill("#id_username", user.username)
    tab.fill("#id_password", PASSWORD)
    tab.press("#id_password", "Enter")
    tab.wait_for_url(lambda url: urlsplit(url).path == "/admin/")


@pytest.mark.parametrize(
    ("group", "sentence"),
    [
        ("Press officers", re.compile(r"^(\d+) new journalist registrations? awaits? review$")),
        ("CNS feedback handlers", re.compile(r"^(\d+) new messages? from residents$")),
    ],
)
def test_each_role_sees_its_count_and_its_link_opens_just_those_records(new_tab, waiting_work, member, group, sentence):
    tab = new_tab(viewport={"width": 1440, "height": 900})
    sign_in(tab, member(group))

    panel = tab.locator("#waiting-for-you-content")
    expect(panel).to_be_visible()
    link = panel.get_by_role("link", name=sentence)
    count = int(sentence.match(link.inner_text().strip()).group(1))
    assert count >= 2
    link.click()

    expect(tab.locator("table.listing tbody tr")).to_have_count(count)


def test_an_editor_in_chinese_submits_to_the_workflow_by_its_chinese_name(new_tab, member):
    page = Page.objects.get(url_path="/home/about/")
    tab = new_tab(viewport={"width": 1440, "height": 900})
    sign_in(tab, member("Editors", language="zh-hans"))

    tab.goto(f"/admin/pages/{page.pk}/edit/")
    tab.locator("footer button.w-dropdown__toggle").click()

    expect(tab.get_by_role("button", name=re.compile("审核人员审批"))).to_be_visible()
    expect(tab.locator("main, footer").first).not_to_contain_text("Moderators approval")
