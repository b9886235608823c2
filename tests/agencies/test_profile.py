import json

import pytest

from agencies.factories import AgencyPageFactory
from tests.kit import UNTRANSLATED_NOTICE, soup

pytestmark = pytest.mark.django_db

PROFILE = "/{prefix}/government/agencies/cooperation-and-exchange/"

ENGLISH = {
    "title": "Office for Cooperation and Exchange Affairs of the Shanghai Municipal People's Government",
    "other_language_name": "上海市人民政府合作交流办公室",
    "texts": [
        "Cooperation and Exchange Office",
        "Temporarily also operates as",
        "Office for Reception of the Shanghai Municipal People's Government",
        "Institution directly under the municipal government",
        "Shanghai Municipal People's Government",
        "October 2008",
        "Notice on issuing the plan for the institutional reform",
        "Ting Zi [2008] No. 17",
        "100 Dagu Road",
        "Published",
    ],
    "hours": "Monday to Friday, 9:00–11:30 and 13:00–17:30",
    "responsibilities": [
        "Promote cooperation with other provinces.",
        "Manage the reception work of the municipal government.",
        "Carry out other tasks given by the municipal government.",
    ],
}
CHINESE = {
    "title": "上海市人民政府合作交流办公室",
    "other_language_name": ENGLISH["title"],
    "texts": [
        "市政府合作交流办",
        "暂挂牌子",
        "上海市人民政府接待办公室",
        "市政府直属机构",
        "上海市人民政府",
        "2008年10月",
        "关于印发机构改革方案的通知",
        "厅字〔2008〕17号",
        "大沽路100号",
        "发布日期",
    ],
    "hours": "周一至周五 9:00—11:30，13:00—17:30",
    "responsibilities": ["推进与各省区市的合作交流。", "负责市政府接待工作。", "承办市政府交办的其他事项。"],
}


@pytest.mark.parametrize(("prefix", "words"), [("en", ENGLISH), ("zh-hans", CHINESE)])
def test_profile_renders_every_field_in_each_language(client, cooperation_office, prefix, words):
    page = soup(client.get(PROFILE.format(prefix=prefix)))
    main = page.main
    text = " ".join(main.get_text(" ").split())

    assert main.h1.get_text(strip=True) == words["title"]
    other = main.select_one(".agency__other-language")
    assert other.get_text(strip=True) == words["other_language_name"]
    assert other["lang"] == ("zh-Hans" if prefix == "en" else "en")
    for expected in words["texts"]:
        assert expected in text, expected
    assert [" ".join(li.get_text().split()) for li in main.select(".agency-contact__hours li")] == [words["hours"]]
    telephone = main.find("a", href="tel:+862123111111")
    assert telephone.get_text(strip=True) == "021-2311 1111"
    assert main.find("a", href="mailto:office@example.org")
    assert main.find("a", href="https://example.org/cooperation")
    assert [li.get_text(strip=True) for li in main.select(".agency__responsibilities ol > li")] == words[
        "responsibilities"
    ]
    assert UNTRANSLATED_NOTICE[prefix] not in page.get_text()


def test_empty_contact_fields_render_nothing(client, directory):
    AgencyPageFactory(parent=directory, slug="quiet", title_en="Quiet Bureau", title_zh_hans="安静局")

    main = soup(client.get("/en/government/agencies/quiet/")).main

    assert main.select(".agency-contact") == []
    assert not main.find("a", href=lambda href: href and href.startswith(("tel:", "mailto:")))
    assert "Telephone" not in main.get_text()
    assert "Office hours" not in main.get_text()
    assert "has not published contact details" in main.get_text()


def test_untranslated_responsibility_is_marked_as_english_on_the_chinese_page(client, cooperation_office):
    entry = cooperation_office.responsibilities.first()
    entry.text_zh_hans = ""
    entry.save()

    items = soup(client.get(PROFILE.format(prefix="zh-hans"))).select(".agency__responsibilities li")

    assert items[0]["lang"] == "en"
    assert items[0].get_text(strip=True) == "Promote cooperation with other provinces."
    assert "lang" not in items[1].attrs


@pytest.mark.parametrize(
    ("prefix", "name", "alternate"),
    [
        ("en", ENGLISH["title"], "上海市人民政府合作交流办公室"),
        ("zh-hans", "上海市人民政府合作交流办公室", ENGLISH["title"]),
    ],
)
def test_json_ld_describes_the_agency_as_a_government_organization(client, cooperation_office, prefix, name, alternate):
    page = soup(client.get(PROFILE.format(prefix=prefix)))
    scripts = page.find_all("script", type="application/ld+json")

    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == name
    assert alternate in data["alternateName"]
    assert data["telephone"] == "+862123111111"
    assert data["address"]["@type"] == "PostalAddress"
    assert data["address"]["streetAddress"] in {"100 Dagu Road", "大沽路100号"}
    hours = data["contactPoint"]["hoursAvailable"]
    assert [(h["opens"], h["closes"]) for h in hours] == [("09:00", "11:30"), ("13:00", "17:30")]
    assert hours[0]["dayOfWeek"][0] == "https://schema.org/Monday"
    assert hours[0]["dayOfWeek"][-1] == "https://schema.org/Friday"


def test_json_ld_cannot_close_its_script_element(client, directory):
    AgencyPageFactory(
        parent=directory, slug="tricky", title_en="Bureau </script><script>alert(1)</script> & Co", title_zh_hans=""
    )

    html = client.get("/en/government/agencies/tricky/").content.decode()
    start = html.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
    block = html[start : html.index("</script>", start)]

    assert "<" not in block
    assert json.loads(block)["name"] == "Bureau </script><script>alert(1)</script> & Co"
