"""What readers search for is counted, without who, and shown to editors with what to do about it."""

from datetime import timedelta
from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from portal.search import synonyms
from portal.search.models import SearchLogEntry
from tests.kit import soup, staff_user

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/search-queries/"


@pytest.fixture(autouse=True)
def _fresh(empty_cache):
    synonyms.forget()
    yield
    synonyms.forget()


@pytest.fixture
def permit_page(make_page):
    return make_page("permit", title_en="Work permit", title_zh="工作许可", body_en=["Apply online."])


def test_a_search_records_query_language_and_result_count_and_nothing_else(client, permit_page):
    client.get("/en/search/", {"q": "  Work   PERMIT "}, REMOTE_ADDR="203.0.113.9", HTTP_USER_AGENT="Phone")

    entry = SearchLogEntry.objects.get()
    assert (entry.day, entry.language, entry.query, entry.count, entry.result_count) == (
        timezone.localdate(),
        "en",
        "work permit",
        1,
        1,
    )
    # Nothing that could tell who searched, or when in the day.
    assert {field.name for field in SearchLogEntry._meta.get_fields()} == {
        "id",
        "day",
        "language",
        "query",
        "count",
        "result_count",
    }


def test_the_same_search_again_counts_on_the_same_row(client, permit_page):
    client.get("/en/search/", {"q": "work permit"})
    client.get("/en/search/", {"q": "Work permit"})
    client.get("/zh-hans/search/", {"q": "签证"})

    rows = {(entry.language, entry.query): (entry.count, entry.result_count) for entry in SearchLogEntry.objects.all()}
    assert rows == {("en", "work permit"): (2, 1), ("zh-hans", "签证"): (1, 0)}


def test_further_pages_and_sections_of_a_search_are_not_counted_again(client, permit_page):
    client.get("/en/search/", {"q": "permit"})
    client.get("/en/search/", {"q": "permit", "page": "2"})
    client.get("/en/search/", {"q": "permit", "section": "portal.standardpage"})
    client.get("/en/search/", {"q": ""})

    assert list(SearchLogEntry.objects.values_list("query", "count")) == [("permit", 1)]


def test_a_long_query_is_cut(client, home):
    client.get("/en/search/", {"q": "visa " * 39})

    assert SearchLogEntry.objects.get().query == ("visa " * 20).strip()  # 100 characters, then trimmed


def test_every_search_is_counted_with_the_page_cache_on(client, permit_page, settings):
    settings.PAGE_CACHE_SECONDS = 300

    responses = [client.get("/en/search/", {"q": "permit"}) for _ in range(3)]

    assert SearchLogEntry.objects.get().count == 3
    assert all("private" in response["Cache-Control"] for response in responses)
    assert not any(response.get("X-Page-Cache") for response in responses)


def test_recording_costs_one_query(client, permit_page):
    client.get("/en/search/", {"q": "permit"})
    with CaptureQueriesContext(connection) as logged:
        client.get("/en/search/", {"q": "permit"})
    with CaptureQueriesContext(connection) as unlogged:
        client.get("/en/search/", {"q": "permit", "page": "2"})

    writes = [query["sql"] for query in logged.captured_queries if "searchlogentry" in query["sql"]]
    assert len(writes) == 1
    assert len(logged.captured_queries) == len(unlogged.captured_queries) + 1


def test_old_rows_are_pruned_daily(home):
    today = timezone.localdate()
    for age in (0, 89, 90, 400):
        SearchLogEntry.objects.create(day=today - timedelta(days=age), language="en", query=f"q{age}")

    call_command("prune_search_log", stdout=StringIO())

    assert sorted(SearchLogEntry.objects.values_list("query", flat=True)) == ["q0", "q89"]
    assert any(job[2][0] == "prune_search_log" for job in settings.CLOCK_JOBS)


def log(query, language="en", searches=1, results=0, days_ago=0):
    return SearchLogEntry.objects.create(
        day=timezone.localdate() - timedelta(days=days_ago),
        language=language,
        query=query,
        count=searches,
        result_count=results,
    )


@pytest.fixture
def logged_searches(home):
    log("visa", searches=30, results=12)
    log("visa", searches=5, results=11, days_ago=3)
    log("乡镇", "zh-hans", searches=20, results=0)
    log("work permit", searches=8, results=4, days_ago=1)
    log("tax refnd", searches=2, results=0)
    log("ancient", searches=99, results=0, days_ago=60)  # outside the default period


def rows(page, section_id):
    section = page.find(id=section_id).find_parent("section")
    return [
        (row.select("td")[0].get_text(strip=True), row.select("td")[2].get_text(strip=True))
        for row in section.select("tbody tr")
    ]


def links(page, query):
    row = next(row for row in page.select("tbody tr") if row.select("td")[0].get_text(strip=True) == query)
    return {a.get_text(strip=True): a["href"] for a in row.select("a")}


def test_the_report_lists_frequent_and_zero_result_queries(client, logged_searches):
    client.force_login(staff_user("Editors", username="editor"))

    page = soup(client.get(REPORT))

    assert rows(page, "frequent-queries") == [("visa", "35"), ("乡镇", "20"), ("work permit", "8"), ("tax refnd", "2")]
    assert rows(page, "zero-result-queries") == [("乡镇", "20"), ("tax refnd", "2")]
    add_synonym = urlsplit(links(page, "乡镇")["Add a synonym"])
    assert add_synonym.path == "/admin/snippets/portal_search/synonym/add/"
    assert parse_qs(add_synonym.query) == {"language": ["zh-hans"], "terms": ["乡镇"]}


def test_the_report_covers_the_period_and_language_asked_for(client, logged_searches):
    client.force_login(staff_user("Editors", username="editor"))

    page = soup(client.get(REPORT, {"days": "90", "language": "en"}))

    assert rows(page, "frequent-queries")[0] == ("ancient", "99")
    assert "乡镇" not in page.get_text()


def test_moderators_get_a_link_to_promote_a_result(client, logged_searches, home):
    query = Query.get("visa")
    SearchPromotion.objects.create(query=query, page=home, sort_order=0)
    client.force_login(staff_user("Moderators", username="moderator"))

    page = soup(client.get(REPORT))

    assert links(page, "visa")["Edit promoted results"] == f"/admin/searchpicks/{query.pk}/"
    assert links(page, "tax refnd")["Promote a result"] == "/admin/searchpicks/add/"
    assert "Add a synonym" in links(page, "tax refnd")


def test_editors_get_no_link_they_could_not_follow(client, logged_searches):
    client.force_login(staff_user("Editors", username="editor"))

    assert set(links(soup(client.get(REPORT)), "tax refnd")) == {"Add a synonym"}


def test_the_report_is_in_the_reports_menu_for_editors(client, logged_searches):
    client.force_login(staff_user("Editors", username="editor"))

    assert REPORT in client.get("/admin/").content.decode()


def test_staff_without_the_permission_cannot_see_the_report(client, logged_searches):
    client.force_login(staff_user(username="someone"))

    response = client.get(REPORT)

    assert response.status_code == 302
    assert "乡镇" not in client.get(response["Location"]).content.decode()
    assert REPORT not in client.get("/admin/").content.decode()


def test_report_queries_do_not_grow_with_the_log(client, logged_searches, django_assert_max_num_queries):
    client.force_login(staff_user("Moderators", username="moderator"))
    with django_assert_max_num_queries(60) as few:
        client.get(REPORT)
    for number in range(40):
        log(f"query {number}", searches=number, results=number % 2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(REPORT)
