"""The issue's "done when", walked as a new visitor would, on the demo content."""

import pytest

from wagtail.models import Page

from agencies.demo import build_agencies
from agencies.models import AgencyOfficeHours, AgencyPage, AgencyResponsibility
from portal.demo import build_home_and_about
from portal.models import HomeFeaturedLink
from tests.kit import soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    build_home_and_about()
    build_agencies()


def test_demo_builder_changes_nothing_when_run_again_and_invents_no_contact(demo):
    counts = [Page.objects.count(), AgencyResponsibility.objects.count(), HomeFeaturedLink.objects.count()]

    build_home_and_about()
    build_agencies()

    assert [Page.objects.count(), AgencyResponsibility.objects.count(), HomeFeaturedLink.objects.count()] == counts
    assert {agency.slug: agency.responsibilities.count() for agency in AgencyPage.objects.all()} == {
        "economy-and-informatization": 20,
        "cooperation-and-exchange": 10,
        "information-office": 10,
    }
    # Only seed 002 gives an address, a telephone number and office hours.
    assert {
        agency.slug: (agency.address, agency.telephone, agency.email, agency.website, agency.office_hours.count())
        for agency in AgencyPage.objects.all()
    } == {
        "economy-and-informatization": ("", "", "", "", 0),
        "cooperation-and-exchange": ("100 Dagu Road", "+862123111111", "", "", 2),
        "information-office": ("", "", "", "", 0),
    }
    assert AgencyOfficeHours.objects.count() == 2


@pytest.mark.parametrize(
    ("prefix", "letter", "hours", "directory_text"),
    [
        ("en", "O", "Monday to Friday, 9:00–11:30 and 13:00–17:30", "Agencies A to Z"),
        ("zh-hans", "H", "周一至周五 9:00—11:30，13:00—17:30", "政府机构名录"),
    ],
)
def test_from_home_to_the_cooperation_office_through_its_letter(client, demo, prefix, letter, hours, directory_text):
    home = soup(client.get(f"/{prefix}/"))
    card = next(link for link in home.select("a.card__link") if directory_text in link.get_text())

    directory = soup(client.get(card["href"]))
    jump = directory.select_one("nav.az-bar").find("a", string=letter)
    section = directory.find(id=jump["href"].removeprefix("#")).find_parent("section")
    profile_link = section.find("a", href=lambda href: href.endswith("/cooperation-and-exchange/"))

    profile = soup(client.get(profile_link["href"]))
    contact = profile.select_one(".agency__contact")
    assert " ".join(contact.select_one(".agency-contact__hours li").get_text().split()) == hours
    assert contact.find("a", href="tel:+862123111111").get_text(strip=True) == "021-2311 1111"
    crumbs = [li.get_text(strip=True) for li in profile.select("nav.breadcrumbs li")]
    assert len(crumbs) == 4 and crumbs[-1] == profile.h1.get_text(strip=True)
