"""The site's identity in every page's footer: sponsor and operator, the website identification
code, the ICP and public security filing numbers and the Party and government website mark, each
shown only when set (portal.identity, includes/footer.html)."""

import pytest

from django.core.management import call_command

from portal.identity import IDENTITY_FIELDS
from portal.models import OfficeContact
from tests.kit import soup, staff_user

pytestmark = pytest.mark.django_db

# Made-up values for the tests: no real site's numbers.
IDENTITY = {
    "sponsor_en": "Test Sponsor Office",
    "sponsor_zh_hans": "测试主办单位",
    "operator_en": "Test Operator Centre",
    "operator_zh_hans": "测试承办单位",
    "website_code": "0000000000",
    "icp_number": "沪ICP备00000000号",
    "public_security_number": "沪公网安备00000000000000号",
    "public_security_url": "https://filing.example.org/record/00000000000000",
    "government_site_url": "https://register.example.org/site/0000",
}


@pytest.fixture
def contact(site):
    return OfficeContact.for_site(site)


def identity_of(client, language="en"):
    return soup(client.get(f"/{language}/")).select_one("footer.site-footer .site-footer__identity")


def set_identity(contact, **values):
    for name, value in values.items():
        setattr(contact, name, value)
    contact.save()


def test_footer_shows_no_identity_while_none_is_set(client, contact):
    assert identity_of(client) is None
    assert "beian.miit.gov.cn" not in client.get("/en/").content.decode()


@pytest.mark.parametrize(
    ("language", "sponsor", "operator"),
    [("en", "Test Sponsor Office", "Test Operator Centre"), ("zh-hans", "测试主办单位", "测试承办单位")],
)
def test_footer_shows_every_part_of_the_identity_in_each_language(client, contact, language, sponsor, operator):
    set_identity(contact, **IDENTITY)

    identity = identity_of(client, language)

    text = " ".join(identity.get_text(" ").split())
    assert sponsor in text and operator in text
    assert "0000000000" in text
    icp = identity.find("a", string="沪ICP备00000000号")
    assert icp["href"] == "https://beian.miit.gov.cn/"
    assert icp["lang"] == "zh-Hans"
    security = identity.find("a", string="沪公网安备00000000000000号")
    assert security["href"] == "https://filing.example.org/record/00000000000000"
    mark = identity.select_one("a.gov-site-mark")
    assert mark["href"] == "https://register.example.org/site/0000"
    assert mark.img is None  # a text mark: no image, least of all from another host


def test_footer_shows_only_the_parts_that_are_set(client, contact):
    set_identity(contact, icp_number="沪ICP备00000000号")

    identity = identity_of(client)

    assert [a["href"] for a in identity.find_all("a")] == ["https://beian.miit.gov.cn/"]
    text = identity.get_text(" ")
    assert "Sponsor" not in text and "Website identification code" not in text
    assert identity.select_one(".gov-site-mark") is None


def test_a_public_security_number_without_its_link_is_shown_unlinked(client, contact):
    set_identity(contact, public_security_number="沪公网安备00000000000000号")

    identity = identity_of(client)

    assert identity.find("a") is None
    assert "沪公网安备00000000000000号" in identity.get_text()


def test_english_labels_of_the_identity(client, contact):
    set_identity(contact, **IDENTITY)

    text = " ".join(identity_of(client, "en").get_text(" ").split())

    assert "Sponsor: Test Sponsor Office" in text
    assert "Operator: Test Operator Centre" in text
    assert "Website identification code: 0000000000" in text
    assert "Party and government website" in text


def test_chinese_labels_of_the_identity(client, contact):
    """Needs the Chinese catalogue: 主办：%(sponsor)s, 承办：%(operator)s, 网站标识码：%(code)s, 党政机关网站."""
    set_identity(contact, **IDENTITY)

    text = " ".join(identity_of(client, "zh-hans").get_text(" ").split())

    assert "主办：测试主办单位" in text
    assert "承办：测试承办单位" in text
    assert "网站标识码：0000000000" in text
    assert "党政机关网站" in text.replace("党政机关 ", "")  # the label, besides the mark's seal


def test_a_sponsor_without_chinese_is_shown_in_english_marked_as_english(client, contact):
    set_identity(contact, sponsor_en="Test Sponsor Office", sponsor_zh_hans="")

    sponsor = identity_of(client, "zh-hans").find("span", string="Test Sponsor Office")

    assert sponsor["lang"] == "en"


def test_the_identity_costs_the_footer_no_query(client, contact, django_assert_max_num_queries):
    client.get("/en/")  # warm Wagtail's per-process caches
    with django_assert_max_num_queries(30) as without_identity:
        client.get("/en/")
    set_identity(contact, **IDENTITY)

    with django_assert_max_num_queries(len(without_identity.captured_queries)):
        assert identity_of(client) is not None


def test_moderators_keep_the_identity_under_settings(client, site):
    client.force_login(staff_user("Moderators", username="moderator"))
    url = f"/admin/settings/portal/officecontact/{site.pk}/"

    form = soup(client.get(url))
    names = {element.get("name") for element in form.find_all("input")}
    assert {"sponsor_en", "sponsor_zh_hans", "operator_en", "operator_zh_hans", "icp_number"} <= names
    response = client.post(url, {**IDENTITY, "office_name_en": "Information Office"})

    assert response.status_code == 302
    contact = OfficeContact.objects.get(site=site)
    assert {name: getattr(contact, name) for name in IDENTITY} == IDENTITY


def test_editors_cannot_change_the_identity(client, site):
    client.force_login(staff_user("Editors", username="editor"))

    response = client.post(f"/admin/settings/portal/officecontact/{site.pk}/", IDENTITY)

    assert response.status_code in (302, 403)
    contact = OfficeContact.objects.filter(site=site).first()
    assert contact is None or not contact.icp_number


def test_demo_sets_the_office_as_sponsor_and_leaves_every_number_empty(db):
    call_command("load_demo_content", stdout=None)

    contact = OfficeContact.objects.get(site__is_default_site=True)

    assert contact.sponsor_en == "Information Office of Shanghai Municipality"
    assert contact.sponsor_zh_hans == "上海市人民政府新闻办公室"
    numbers = set(IDENTITY_FIELDS) - {"sponsor"}
    assert {name: getattr(contact, name) for name in numbers} == dict.fromkeys(numbers, "")
