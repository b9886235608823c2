import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from agencies.factories import AgencyPageFactory, AgencyResponsibilityFactory
from agencies.models import BodyKind
from tests.kit import soup

pytestmark = pytest.mark.django_db

DIRECTORY = "/{prefix}/government/agencies/"


def letter_bar(page):
    bar = page.select_one("nav.az-bar")
    linked = [a.get_text(strip=True) for a in bar.find_all("a")]
    disabled = [span.get_text(strip=True) for span in bar.select("span[aria-disabled=true]")]
    return linked, disabled


def groups(page):
    return {
        section.h2.get_text(strip=True): [a.get_text(strip=True) for a in section.select("a.az-list__name")]
        for section in page.select("section.az-group")
    }


@pytest.fixture
def agencies(directory):
    made = [
        AgencyPageFactory(
            parent=directory,
            title_en="Shanghai Municipal Commission of Economy and Informatization",
            title_zh_hans="上海市经济和信息化委员会",
            sort_name="Economy and Informatization, Commission of",
            chinese_sort_name="经济和信息化委员会",
            kind=BodyKind.DEPARTMENT,
        ),
        AgencyPageFactory(
            parent=directory,
            title_en="Office for Cooperation and Exchange Affairs",
            title_zh_hans="上海市人民政府合作交流办公室",
            chinese_sort_name="合作交流办公室",
            kind=BodyKind.DIRECT,
        ),
        AgencyPageFactory(
            parent=directory,
            title_en="Education Commission",
            title_zh_hans="上海市教育委员会",
            kind=BodyKind.DEPARTMENT,
        ),
        AgencyPageFactory(parent=directory, title_en="Bureau of Archives", title_zh_hans="", kind=BodyKind.DIRECT),
        AgencyPageFactory(parent=directory, title_en="Oceans Office", title_zh_hans="海洋局", kind=BodyKind.OTHER),
    ]
    AgencyResponsibilityFactory(
        page=made[1], text_en="Receive visiting delegations.", text_zh_hans="负责接待来访代表团。"
    )
    return made


def test_english_directory_files_agencies_by_sort_name(client, agencies):
    page = soup(client.get(DIRECTORY.format(prefix="en")))

    assert groups(page) == {
        "B": ["Bureau of Archives"],
        "E": ["Shanghai Municipal Commission of Economy and Informatization", "Education Commission"],
        "O": ["Oceans Office", "Office for Cooperation and Exchange Affairs"],
    }
    linked, disabled = letter_bar(page)
    assert linked == ["B", "E", "O"]
    assert len(disabled) == 23 and "A" in disabled and "Z" in disabled
    assert page.select_one("nav.az-bar a[href='#letter-o']")
    assert page.find("h2", id="letter-o")


def test_chinese_directory_files_agencies_by_pinyin(client, agencies):
    page = soup(client.get(DIRECTORY.format(prefix="zh-hans")))

    # 合作 he, 海洋 hai -> H (hai before he); 经济 jing -> J; 上海 shang -> S;
    # no Chinese name: filed by the English name, shown in English.
    assert groups(page) == {
        "B": ["Bureau of Archives"],
        "H": ["海洋局", "上海市人民政府合作交流办公室"],
        "J": ["上海市经济和信息化委员会"],
        "S": ["上海市教育委员会"],
    }
    linked, disabled = letter_bar(page)
    assert linked == ["B", "H", "J", "S"]
    assert "O" in disabled and "E" in disabled
    for span in page.select("nav.az-bar span"):
        assert span.find_parent("a") is None


def test_search_finds_names_and_responsibilities_in_the_current_language(client, agencies):
    by_name = soup(client.get(DIRECTORY.format(prefix="en"), {"q": "commission"}))
    by_task = soup(client.get(DIRECTORY.format(prefix="en"), {"q": "delegations"}))
    in_chinese = soup(client.get(DIRECTORY.format(prefix="zh-hans"), {"q": "接待"}))
    english_word_on_chinese_page = soup(client.get(DIRECTORY.format(prefix="zh-hans"), {"q": "delegations"}))

    assert sum(groups(by_name).values(), []) == [
        "Shanghai Municipal Commission of Economy and Informatization",
        "Education Commission",
    ]
    assert "2 agencies match" in by_name.select_one(".directory-count").get_text()
    assert sum(groups(by_task).values(), []) == ["Office for Cooperation and Exchange Affairs"]
    assert "1 agency matches" in by_task.select_one(".directory-count").get_text()
    assert sum(groups(in_chinese).values(), []) == ["上海市人民政府合作交流办公室"]
    assert groups(english_word_on_chinese_page) == {}
    assert english_word_on_chinese_page.select_one("p.notice")


def test_search_on_the_chinese_page_reads_english_where_chinese_is_missing(client, agencies):
    page = soup(client.get(DIRECTORY.format(prefix="zh-hans"), {"q": "Archives"}))

    assert sum(groups(page).values(), []) == ["Bureau of Archives"]


def test_every_word_of_a_search_must_match(client, agencies):
    page = soup(client.get(DIRECTORY.format(prefix="en"), {"q": "education commission"}))

    assert sum(groups(page).values(), []) == ["Education Commission"]


def test_filter_by_kind_of_body(client, agencies):
    page = soup(client.get(DIRECTORY.format(prefix="en"), {"kind": "direct"}))

    assert sum(groups(page).values(), []) == ["Bureau of Archives", "Office for Cooperation and Exchange Affairs"]
    count = page.select_one(".directory-count").get_text()
    assert "2 agencies match" in count and "Institution directly under the municipal government" in count
    options = [option["value"] for option in page.select("select[name=kind] option")]
    assert options == ["", "department", "direct", "other"]
    assert page.select_one("select[name=kind] option[selected]")["value"] == "direct"


def test_filter_and_search_combine(client, agencies):
    page = soup(client.get(DIRECTORY.format(prefix="zh-hans"), {"kind": "department", "q": "委员会"}))

    assert sum(groups(page).values(), []) == ["上海市经济和信息化委员会", "上海市教育委员会"]
    assert "共有2个机构符合条件" in page.select_one(".directory-count").get_text()


def test_unknown_kind_gets_a_message_and_a_400(client, agencies):
    response = client.get(DIRECTORY.format(prefix="zh-hans"), {"kind": "ministry"})
    page = soup(response, status=400)

    select = page.select_one("select[name=kind]")
    error = page.find(id=select["aria-describedby"])
    assert error.get_text(strip=True) == "请从列表中选择机构类别。"
    assert select["aria-invalid"] == "true"
    # The whole directory is still there to browse.
    assert len(sum(groups(page).values(), [])) == 5


def test_overlong_search_gets_a_message_and_a_400(client, agencies):
    page = soup(client.get(DIRECTORY.format(prefix="en"), {"q": "x" * 101}), status=400)

    search = page.main.select_one("input[name=q]")
    assert "Use at most 100 characters." in page.find(id=search["aria-describedby"]).get_text()


def test_drafts_and_private_agencies_stay_out_of_the_directory(client, directory):
    AgencyPageFactory(parent=directory, title_en="Live Agency")
    AgencyPageFactory(parent=directory, title_en="Draft Agency", live=False)

    page = soup(client.get(DIRECTORY.format(prefix="en")))

    assert sum(groups(page).values(), []) == ["Live Agency"]
    assert "1 agency" in page.select_one(".directory-count").get_text()


def _add_agencies(directory, start, stop):
    for number in range(start, stop):
        agency = AgencyPageFactory.build(
            title_en=f"Agency {number:03d}", title_zh_hans=f"机构{number:03d}", slug=f"agency-{number:03d}"
        )
        directory.add_child(instance=agency)


def test_directory_queries_stay_constant_from_3_to_300_agencies(
    client, directory, django_assert_max_num_queries, settings
):
    # The directory filters in the database, not through the search index; skipping the
    # index while 300 pages are created keeps the test fast.
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]
    settings.WAGTAILSEARCH_BACKENDS = {"default": {**backend, "AUTO_UPDATE": False}}
    requests = [{}, {"q": "机构", "kind": "department"}]
    _add_agencies(directory, 0, 3)
    small = []
    for params in requests:
        with CaptureQueriesContext(connection) as queries:
            page = soup(client.get(DIRECTORY.format(prefix="zh-hans"), params))
        assert len(sum(groups(page).values(), [])) == 3
        small.append(len(queries))

    _add_agencies(directory, 3, 300)
    for params, limit in zip(requests, small, strict=True):
        with django_assert_max_num_queries(limit):
            page = soup(client.get(DIRECTORY.format(prefix="zh-hans"), params))
        assert len(sum(groups(page).values(), [])) == 300


def test_each_entry_links_its_profile_with_its_other_name_and_kind(client, agencies):
    page = soup(client.get(DIRECTORY.format(prefix="zh-hans")))

    entry = page.find("a", string="海洋局").find_parent("li")
    assert entry.select_one("a.az-list__name")["href"] == f"/zh-hans/government/agencies/{agencies[4].slug}/"
    assert client.get(entry.select_one("a.az-list__name")["href"]).status_code == 200
    other = entry.select_one(".az-list__other-language")
    assert (other.get_text(), other["lang"]) == ("Oceans Office", "en")
    assert entry.select_one(".az-list__kind").get_text() == "其他公共机构"


def test_a_name_shown_in_english_on_the_chinese_page_says_so(client, directory):
    AgencyPageFactory(parent=directory, title_en="Bureau of Archives", title_zh_hans="")
    AgencyPageFactory(parent=directory, title_en="Oceans Office", title_zh_hans="海洋局", summary_zh_hans="")

    names = {
        a.get_text(): a.get("lang")
        for a in soup(client.get(DIRECTORY.format(prefix="zh-hans"))).select("a.az-list__name")
    }

    assert names == {"Bureau of Archives": "en", "海洋局": None}  # only the name's own language counts


def test_the_citys_place_names_are_filed_by_how_they_are_read(client, directory):
    AgencyPageFactory(
        parent=directory,
        title_en="Changning District People's Government",
        title_zh_hans="上海市长宁区人民政府",
        chinese_sort_name="长宁区人民政府",
    )
    AgencyPageFactory(
        parent=directory,
        title_en="Minhang District People's Government",
        title_zh_hans="上海市闵行区人民政府",
        chinese_sort_name="闵行区人民政府",
    )
    AgencyPageFactory(
        parent=directory,
        title_en="Mayor's Hotline Office",
        title_zh_hans="市长热线办公室",
        chinese_sort_name="市长热线办公室",
    )

    page = soup(client.get(DIRECTORY.format(prefix="zh-hans")))

    # 长宁 is cháng níng (C), not zhǎng; 闵行 mǐn háng; 市长 (mayor) stays shì zhǎng.
    assert groups(page) == {"C": ["上海市长宁区人民政府"], "M": ["上海市闵行区人民政府"], "S": ["市长热线办公室"]}


def test_an_editor_can_give_a_name_its_reading_in_pinyin(client, directory):
    AgencyPageFactory(
        parent=directory, title_en="Office", title_zh_hans="乐团办公室", chinese_sort_name="yuetuan bangongshi"
    )

    page = soup(client.get(DIRECTORY.format(prefix="zh-hans")))

    assert groups(page) == {"Y": ["乐团办公室"]}
