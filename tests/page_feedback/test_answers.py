"""Is this page useful? Yes / No, and "Report a problem with this page", as a visitor uses them."""

import pytest

from django.test import Client, override_settings

from page_feedback.models import PageFeedback
from portal import pagecache
from tests.kit import soup

from .kit import answer_data, in_chinese, report_data, snippet

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "zh-hans"]


def press(client, page_url, answer, **extra):
    """Opens `page_url` and presses its Yes or No button."""
    action, data = answer_data(snippet(client.get(page_url)), answer)
    return client.post(action, data, **extra)


@pytest.mark.parametrize("language", LANGUAGES)
def test_yes_is_stored_with_the_page_and_language_and_thanked_in_that_language(client, about, language):
    response = press(client, f"/{language}/about/", "yes", follow=True)

    feedback = PageFeedback.objects.get()
    assert (feedback.page_id, feedback.path, feedback.language, feedback.kind) == (
        about.pk,
        f"/{language}/about/",
        language,
        "yes",
    )
    assert response.redirect_chain[-1][0].startswith(f"/{language}/page-feedback/thanks/")
    page = soup(response)
    assert page.html["lang"] == {"en": "en", "zh-hans": "zh-Hans"}[language]
    back = page.main.select_one(".page-feedback-page__back a")
    assert back["href"] == f"/{language}/about/"
    assert about.title_zh_hans in back.get_text() if language == "zh-hans" else "About the Office" in back.get_text()
    heading = page.main.h1.get_text(strip=True)
    if language == "zh-hans":
        assert in_chinese(heading), heading  # needs the Chinese catalogue
    else:
        assert heading == "Thank you for your answer"


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_is_stored_then_asks_what_went_wrong_with_a_form_that_needs_nothing_more(client, about, language):
    response = press(client, f"/{language}/about/", "no", follow=True)

    assert PageFeedback.objects.get().kind == "no"
    assert PageFeedback.objects.get().language == language
    page = soup(response)
    form = page.main.select_one("form[method=post]")
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert form.find("textarea", attrs={"name": "message"})
    assert not form.find("input", attrs={"type": "email"}) and not form.find("input", attrs={"name": "name"})
    if language == "zh-hans":
        assert in_chinese(page.main.h1.get_text(strip=True))  # needs the Chinese catalogue

    url = response.redirect_chain[-1][0]
    empty = client.post(url, report_data(problem="", message=""), follow=True)
    assert PageFeedback.objects.count() == 1  # an empty "what went wrong" adds nothing to the "No"
    assert empty.redirect_chain[-1][0].startswith(f"/{language}/page-feedback/thanks/")
    assert soup(empty).main.select_one(".page-feedback-page__back a")["href"] == f"/{language}/about/"

    client.post(url, report_data())
    report = PageFeedback.objects.get(kind="problem")
    assert (report.page_id, report.path, report.language, report.problem) == (
        about.pk,
        f"/{language}/about/",
        language,
        "wrong",
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_problem_is_reported_in_two_clicks_from_the_page(client, about, language):
    link = snippet(client.get(f"/{language}/about/")).find("a", string=True, href=lambda h: "/report/" in h)

    form_page = client.get(link["href"])  # click 1
    sent = client.post(link["href"], report_data(message="电话号码错了"), follow=True)  # click 2: Send

    assert form_page.status_code == 200
    report = PageFeedback.objects.get()
    assert (report.kind, report.page_id, report.path, report.language, report.message) == (
        "problem",
        about.pk,
        f"/{language}/about/",
        language,
        "电话号码错了",
    )
    page = soup(sent)
    assert page.main.select_one(".page-feedback-page__back a")["href"] == f"/{language}/about/"
    heading = page.main.h1.get_text(strip=True)
    assert in_chinese(heading) if language == "zh-hans" else heading == "Thank you for your report"


def test_the_report_form_says_not_to_write_personal_details(client, about):
    form = soup(client.get(f"/en/page-feedback/report/?page={about.pk}&path=/en/about/")).main.find("form")

    assert "personal details" in form.get_text()
    assert form.find("label", attrs={"for": "id_message"}).get_text(strip=True) == "What went wrong? (optional)"


@pytest.mark.parametrize(
    ("language", "message", "error"),
    [
        ("en", "x" * 501, "Please shorten this to 500 characters (it has 501)."),
        ("zh-hans", "错" * 501, None),  # needs the Chinese catalogue
        ("en", "Wrong \x1b[31mcolour\x1b[0m", "This field contains characters that are not allowed."),
        ("zh-hans", "颜色\x00错了", "此栏包含不允许使用的字符。"),
        ("en", "Looks fine\u202e", "This field contains characters that are not allowed."),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_in_the_visitors_language(client, about, language, message, error):
    url = f"/{language}/page-feedback/report/?page={about.pk}&path=/{language}/about/"

    response = client.post(url, report_data(message=message))

    page = soup(response, status=400)
    shown = page.find(id="id_message_error").get_text(strip=True)
    if error:
        assert error in shown
    else:
        assert in_chinese(shown) and "500" in shown, shown
    assert page.select_one(".error-summary a[href='#id_message']")
    assert not PageFeedback.objects.exists()


@pytest.mark.parametrize(
    "path",
    ["https://spam.example/", "//spam.example/", "/\\spam.example", "/about/", "/en/about/\nSet-Cookie: x", ""],
)
def test_an_address_not_of_this_site_is_never_recorded_nor_linked(client, about, path):
    answered = client.post("/en/page-feedback/answer/", {"feedback-path": path, "feedback-answer": "no"})
    reported = client.get("/en/page-feedback/report/", {"path": path})

    assert answered.status_code == reported.status_code == 400
    assert not PageFeedback.objects.exists()
    for response in (answered, reported):
        assert not soup(response, status=400).main.select(".page-feedback-page__back")


def test_a_page_id_that_is_not_the_page_at_that_address_is_not_counted_against_it(client, home, about):
    client.post(
        "/en/page-feedback/answer/", {"feedback-page": home.pk, "feedback-path": "/en/about/", "feedback-answer": "no"}
    )
    client.post(
        "/en/page-feedback/answer/", {"feedback-page": 99999, "feedback-path": "/en/about/", "feedback-answer": "no"}
    )

    assert list(PageFeedback.objects.values_list("page_id", "path")) == [(None, "/en/about/")] * 2


def test_a_page_not_open_to_everyone_is_neither_counted_nor_named(client, home):
    from wagtail.models import PageViewRestriction

    from portal.factories import StandardPageFactory

    private = StandardPageFactory(parent=home, slug="staff-only", title_en="Staff rota for December")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    target = {"feedback-page": private.pk, "feedback-path": "/en/staff-only/", "feedback-answer": "yes"}

    response = client.post("/en/page-feedback/answer/", target, follow=True)

    assert list(PageFeedback.objects.values_list("page_id", "path")) == [(None, "/en/staff-only/")]
    assert "Staff rota" not in response.content.decode()


def test_a_route_of_a_section_is_recorded_with_the_sections_page_and_its_own_address(client, home):
    from cns.factories import CNSHomePageFactory

    cns = CNSHomePageFactory(parent=home)
    press(client, "/en/cns/feedback/", "yes")

    assert list(PageFeedback.objects.values_list("page_id", "path")) == [(cns.pk, "/en/cns/feedback/")]


def test_yes_and_no_need_no_csrf_token_but_the_report_form_does(about):
    browser = Client(enforce_csrf_checks=True)

    answered = press(browser, "/en/about/", "yes")
    reported = browser.post(f"/en/page-feedback/report/?page={about.pk}&path=/en/about/", report_data())

    assert answered.status_code == 302
    assert reported.status_code == 403
    assert list(PageFeedback.objects.values_list("kind", flat=True)) == ["yes"]


def test_honeypot_filled_in_stores_nothing_but_looks_like_success(client, about):
    action, data = answer_data(snippet(client.get("/en/about/")), "no")
    answered = client.post(action, {**data, "feedback-website": "http://spam.example"})
    reported = client.post(
        f"/en/page-feedback/report/?page={about.pk}&path=/en/about/", report_data(website="http://spam.example")
    )

    assert answered.status_code == reported.status_code == 302
    assert answered["Location"].startswith("/en/page-feedback/report/")
    assert reported["Location"].startswith("/en/page-feedback/report/sent/")
    assert not PageFeedback.objects.exists()


@pytest.mark.parametrize("language", LANGUAGES)
@override_settings(PAGE_FEEDBACK_RATE=(2, 3600))
def test_over_the_limit_an_address_is_refused_with_a_page_in_its_language(client, about, language):
    for _ in range(2):
        assert press(client, f"/{language}/about/", "yes", REMOTE_ADDR="203.0.113.7").status_code == 302

    refused = press(client, f"/{language}/about/", "yes", REMOTE_ADDR="203.0.113.7")
    report = client.post(
        f"/{language}/page-feedback/report/?page={about.pk}&path=/{language}/about/",
        report_data(message="Kept after the refusal"),
        REMOTE_ADDR="203.0.113.7",
    )

    assert PageFeedback.objects.count() == 2
    page = soup(refused, status=429)
    assert page.html["lang"] == {"en": "en", "zh-hans": "zh-Hans"}[language]
    assert page.main.h1.get_text(strip=True) == {"en": "Too many requests", "zh-hans": "请求过于频繁"}[language]
    assert page.main.select_one(".page-feedback-page__back a")["href"] == f"/{language}/about/"
    assert refused["Retry-After"] == "3600"
    form_page = soup(report, status=429)
    assert form_page.select_one(".error-summary")
    assert form_page.find("textarea", attrs={"name": "message"}).get_text(strip=True) == "Kept after the refusal"
    assert press(client, f"/{language}/about/", "yes", REMOTE_ADDR="198.51.100.1").status_code == 302


def test_a_community_centre_of_30_on_one_address_is_never_refused(client, about):
    action, data = answer_data(snippet(client.get("/en/about/")), "yes")

    # 30 residents on the centre's one address, each answering five pages and reporting a problem.
    for _ in range(30):
        for _ in range(5):
            assert client.post(action, data, REMOTE_ADDR="203.0.113.30").status_code == 302
        url = f"/en/page-feedback/report/?page={about.pk}&path=/en/about/"
        assert client.post(url, report_data(), REMOTE_ADDR="203.0.113.30").status_code == 302

    assert PageFeedback.objects.count() == 30 * 6


def test_the_same_report_sent_twice_is_stored_once(client, about):
    url = f"/en/page-feedback/report/?page={about.pk}&path=/en/about/"
    key = soup(client.get(url)).main.find("input", attrs={"name": "submission_key"})["value"]

    first = client.post(url, report_data(submission_key=key))
    again = client.post(url, report_data(submission_key=key))

    assert first.status_code == again.status_code == 302
    assert PageFeedback.objects.count() == 1


def test_storing_an_answer_keeps_every_cached_page(client, about):
    generation = pagecache.current_generation()

    press(client, "/en/about/", "no")
    client.post(f"/en/page-feedback/report/?page={about.pk}&path=/en/about/", report_data())

    assert PageFeedback.objects.count() == 2
    assert pagecache.current_generation() == generation


@pytest.mark.parametrize("step", ["thanks/", "report/", "report/sent/"])
def test_the_pages_of_page_feedback_are_never_cached_or_indexed_and_carry_no_snippet(client, about, settings, step):
    settings.PAGE_CACHE_SECONDS = 300
    url = f"/en/page-feedback/{step}?page={about.pk}&path=/en/about/"

    response = client.get(url)

    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
    assert "X-Page-Cache" not in response
    page = soup(response)
    assert page.find("meta", attrs={"name": "robots", "content": "noindex"})
    assert not page.select("aside.page-feedback")


def test_the_answer_takes_only_a_post(client, about):
    assert client.get("/en/page-feedback/answer/?feedback-path=/en/about/&feedback-answer=yes").status_code == 405
    assert not PageFeedback.objects.exists()


@pytest.mark.parametrize("page", ["", "1", "-1", "99999999999999999999", "\x00"])
@pytest.mark.parametrize("path", ["/en/about/", "/en/" + "a" * 600, "/en/\x00", "/en/关于/?q=x"])
def test_whatever_is_sent_the_answer_is_never_a_server_error(client, about, page, path):
    answered = client.post(
        "/en/page-feedback/answer/", {"feedback-page": page, "feedback-path": path, "feedback-answer": "no"}
    )
    shown = [
        client.get(f"/en/page-feedback/{step}", {"page": page, "path": path})
        for step in ("thanks/", "report/", "report/sent/")
    ]
    reported = client.post(
        "/en/page-feedback/report/?" + "&".join(f"{k}={v}" for k, v in (("page", page), ("path", path))),
        report_data(problem="nonsense"),
    )

    for response in (answered, reported, *shown):
        assert response.status_code < 500
    assert PageFeedback.objects.filter(kind="problem").count() == 0  # "nonsense" is no kind of problem
