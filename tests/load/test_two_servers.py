"""Two app servers behind one load balancer share one database and one cache."""

from bs4 import BeautifulSoup

from django.urls import reverse

from .visitors import MODERATOR, PRESS_OFFICER, Visitor, confirmation_path, register


def text_of(response, selector):
    element = BeautifulSoup(response.text, "html.parser").select_one(selector)
    return element.get_text(" ", strip=True) if element else ""


def test_a_registration_sent_through_one_server_is_confirmed_checked_and_reviewed_through_the_other(stack):
    a, b = stack.servers
    journalist = Visitor("198.51.100.7")
    email = "two.servers@example.org"

    sent = register(journalist, a, 1, email)
    assert sent.status_code == 302, sent.text[:500]
    assert sent.headers["Location"] == "/en/press/register/sent/"
    (message,) = stack.mail_to(email)
    confirm = confirmation_path(message)

    assert journalist.get(b, confirm).status_code == 200
    fields = journalist.form_fields(b, confirm)
    confirmed = journalist.post(b, confirm, fields)
    assert confirmed.status_code == 200
    reference = text_of(confirmed, ".pr-reference strong")
    assert reference.startswith("PR-")

    status_form = journalist.form_fields(b, "/en/press/status/", "main form[method=post]")
    status = journalist.post(b, "/en/press/status/", {**status_form, "reference": reference, "email": email})
    assert status.status_code == 200
    assert text_of(status, ".pr-status") == "Submitted"

    officer = Visitor("192.0.2.20")
    officer.log_in(a, *PRESS_OFFICER)
    listing = officer.get(a, reverse("journalist_registrations:index"))
    assert listing.status_code == 200
    assert reference in listing.text


def test_publishing_through_one_server_refreshes_the_cached_pages_of_both(stack):
    from wagtail.models import Page

    from portal.models import HomePage

    a, b = stack.servers
    reader = Visitor("203.0.113.50")
    for server in (a, b):
        for path in ("/en/", "/zh-hans/"):
            reader.get(server, path)
            assert reader.get(server, path).headers["X-Page-Cache"] == "hit"

    home = HomePage.objects.get()
    home.hero_title_en = "Shanghai, explained again"
    home.hero_title_zh_hans = "再次向世界讲述上海"
    home.save_revision()  # a draft: nothing published yet, the caches still hold the old page
    for server in (a, b):
        assert "Shanghai, explained again" not in reader.get(server, "/en/").text

    moderator = Visitor("192.0.2.21")
    moderator.log_in(a, *MODERATOR)
    publish = f"/admin/bulk/wagtailcore/page/publish/?id={home.pk}"
    published = moderator.post(a, publish, moderator.form_fields(a, publish, "form[action*='/bulk/']"))
    assert published.status_code == 302, published.text[:500]
    assert Page.objects.get(pk=home.pk).specific.hero_title_en == "Shanghai, explained again"

    for server in (a, b):
        english = reader.get(server, "/en/")
        assert english.headers["X-Page-Cache"] == "miss"
        assert "Shanghai, explained again" in english.text
        assert "再次向世界讲述上海" in reader.get(server, "/zh-hans/").text
