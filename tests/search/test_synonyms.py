"""Readers find what they type: a kind of page by its name, and editors' synonyms per language."""

import pytest

from django.core.management import call_command

from portal.search import synonyms
from portal.search.models import Synonym
from pressroom.factories import PressConferencePageFactory, PressroomPageFactory
from tests.kit import soup, staff_user

from .conftest import result_titles

pytestmark = pytest.mark.django_db

ADD_SYNONYM = "/admin/snippets/portal_search/synonym/add/"


@pytest.fixture(autouse=True)
def fresh_synonyms(empty_cache):
    """Synonyms are kept in the process; a test's rows are rolled back, so forget them after it."""
    synonyms.forget()
    yield
    synonyms.forget()


@pytest.fixture
def conference(home):
    # As in the demo: neither language's text names it a press conference.
    pressroom = PressroomPageFactory(parent=home)
    return PressConferencePageFactory(
        parent=pressroom,
        slug="alliance-launch",
        title_en="Launch of the international community alliance",
        title_zh_hans="国际社区信息服务联盟成立发布",
        summary_en="The Office presents the alliance and its nine founding members.",
        summary_zh_hans="市政府新闻办介绍新成立的联盟及九个首批成员。",
        venue_en="",
        venue_zh_hans="",
    )


@pytest.fixture
def township_page(make_page):
    return make_page(
        "alliance-members",
        title_en="Members of the alliance",
        title_zh="联盟成员",
        body_en=["Nine townships and subdistricts founded the alliance."],
        body_zh=["九个街镇组成了国际社区信息服务联盟。"],
    )


@pytest.mark.parametrize(("query", "language"), [("press conference", "en"), ("新闻发布会", "zh-hans")])
def test_a_press_conference_is_found_by_its_kind(conference, make_page, search, query, language):
    make_page("museums", title_en="Museums", title_zh="博物馆", body_en=["Opening hours."], body_zh=["开放时间。"])

    titles = result_titles(search(query, language))

    assert conference.title_en in titles or conference.title_zh_hans in titles
    assert not any(title in ("Museums", "博物馆") for title in titles)


def test_a_synonym_finds_what_the_pages_call_otherwise(township_page, search):
    assert result_titles(search("乡镇", "zh-hans")) == []

    Synonym.objects.create(language="zh-hans", terms="乡镇\n街镇")

    assert result_titles(search("乡镇", "zh-hans")) == ["联盟成员"]
    assert result_titles(search("街镇", "zh-hans")) == ["联盟成员"]


def test_synonyms_keep_to_their_language(make_page, search):
    make_page(
        "briefing",
        title_en="Weekly news",
        title_zh="每周新闻",
        body_en=["The news conference."],
        body_zh=["新闻发布会。"],
    )
    Synonym.objects.create(language="en", terms="briefing\nnews conference")

    assert result_titles(search("briefing")) == ["Weekly news"]
    assert result_titles(search("briefing", "zh-hans")) == []


def test_a_phrase_synonym_matches_the_whole_phrase(make_page, search):
    make_page("news", title_en="Calendar", body_en=["Every news conference is streamed."])
    make_page("press", title_en="Press cards", body_en=["Cards for the press are issued at the desk."])
    Synonym.objects.create(language="en", terms="press conference\nnews conference")

    assert result_titles(search("press conference")) == ["Calendar"]


def test_editing_synonyms_in_the_admin_changes_results_at_once(client, township_page, search):
    client.force_login(staff_user("Editors", username="editor"))
    assert result_titles(search("乡镇", "zh-hans")) == []

    response = client.post(ADD_SYNONYM, {"language": "zh-hans", "terms": "乡镇\n街镇"})
    assert response.status_code == 302, soup(response, status=None).select(".error-message")
    assert result_titles(search("乡镇", "zh-hans")) == ["联盟成员"]

    synonym = Synonym.objects.get()
    response = client.post(
        f"/admin/snippets/portal_search/synonym/edit/{synonym.pk}/", {"language": "zh-hans", "terms": "乡镇, 村镇"}
    )
    assert response.status_code == 302
    assert result_titles(search("乡镇", "zh-hans")) == []


def test_the_add_form_is_prefilled_from_the_report_link(client):
    client.force_login(staff_user("Editors", username="editor"))

    page = soup(client.get(ADD_SYNONYM, {"language": "zh-hans", "terms": "乡镇"}))

    assert page.select_one("textarea[name=terms]").get_text().strip() == "乡镇"
    assert page.select_one("select[name=language] option[selected]")["value"] == "zh-hans"


def test_a_group_needs_two_different_terms(client):
    client.force_login(staff_user("Editors", username="editor"))

    response = client.post(ADD_SYNONYM, {"language": "en", "terms": "visa\nVisa"})

    assert response.status_code == 200
    assert not Synonym.objects.exists()


def test_synonyms_cost_no_query_per_search(township_page, client, django_assert_num_queries):
    Synonym.objects.create(language="zh-hans", terms="乡镇\n街镇")
    client.get("/zh-hans/search/", {"q": "乡镇"})  # reads them once
    with django_assert_num_queries(0):
        synonyms.synonyms_for("zh-hans")


def test_the_demo_loads_the_synonyms_of_the_issue_once(home, search):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123

    groups = {(synonym.language, str(synonym)) for synonym in Synonym.objects.all()}
    assert groups == {
        ("zh-hans", "乡镇 ⇄ 街镇"),
        ("zh-hans", "发布会 ⇄ 新闻发布会"),
        ("en", "press conference ⇄ news conference"),
    }
    assert result_titles(search("乡镇", "zh-hans"))  # the demo's pages say 街镇
