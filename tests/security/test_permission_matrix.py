"""Who may see what: every kind of URL of the site, requested as every role.

The MATRIX below is the policy. Each row names a URL and the outcome each role gets:

    OK      200, the content is served
    LOGIN   302 to the admin login (anonymous visitors on staff screens)
    HOME    302 to the admin home with Wagtail's "Sorry, you do not have permission" message
            (how the admin answers a signed-in user who lacks the permission)
    SIGN_IN 302 to the site's own sign-in page (/_util/login/), for view-restricted pages
    MISSING 404 (an admin 404 first goes through LocaleMiddleware's redirect to /en/admin/...,
            which is itself a 404; the test follows that one hop)

Columns: anonymous, editor, moderator, press officer, CNS feedback handler, superuser.
"""

import pytest

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client

from wagtail.models import Page, PageViewRestriction, Site, get_page_models

from agencies.models import AgencyIndexPage
from alerts.factories import SubscriptionFactory
from cns.factories import FeedbackFactory
from cns.models import Township
from portal.factories import StandardPageFactory
from portal.models import HomePage, OfficeContact
from pressroom.factories import InterviewRequestFactory, JournalistRegistrationFactory
from tests.kit import soup

from .conftest import ROLES, png_bytes

OK, LOGIN, HOME, SIGN_IN, MISSING = "OK", "LOGIN", "HOME", "SIGN_IN", "MISSING"

EVERYONE = (OK,) * 6
STAFF_ONLY = (LOGIN, OK, OK, OK, OK, OK)
PRESS_ONLY = (LOGIN, HOME, HOME, OK, HOME, OK)
FEEDBACK_ONLY = (LOGIN, HOME, HOME, HOME, OK, OK)
NOBODY = (MISSING,) * 6

# URL name: (anonymous, editor, moderator, press officer, CNS feedback handler, superuser)
MATRIX = {
    # Public site: section routes, search, machine-readable files.
    "home (zh-hans)": EVERYONE,
    "pressroom register": EVERYONE,
    "pressroom register sent": EVERYONE,
    "pressroom status": EVERYONE,
    "pressroom releases feed": EVERYONE,
    "pressroom conference calendar": EVERYONE,
    "pressroom archive year": EVERYONE,
    "pressroom unknown confirmation link": NOBODY,
    "cns townships": EVERYONE,
    "cns township": EVERYONE,
    "cns feedback form": EVERYONE,
    "cns feedback thanks": EVERYONE,
    "cns events ical": EVERYONE,
    "search": EVERYONE,
    "email alerts subscribe": EVERYONE,
    "email alerts sent": EVERYONE,
    "page feedback report form": EVERYONE,
    "cns news feed": EVERYONE,
    "agency directory search": EVERYONE,
    "sitemap": EVERYONE,
    "robots.txt": EVERYONE,
    "healthz": EVERYONE,
    "draft page": NOBODY,
    "page restricted to signed-in users": (SIGN_IN, OK, OK, OK, OK, OK),
    "page restricted to press officers": (SIGN_IN, SIGN_IN, SIGN_IN, OK, SIGN_IN, OK),
    # Private files: never under a public URL, only through the permission-checked admin view.
    "credential under /media/": NOBODY,
    # Staff without the permission get a plain 403 for a press card, not the admin's redirect.
    "credential download": (LOGIN, "403", "403", OK, "403", OK),
    "credential shown inline": (LOGIN, "403", "403", OK, "403", OK),
    # Wagtail admin.
    "admin home": STAFF_ONLY,
    "admin page explorer": (LOGIN, OK, OK, HOME, HOME, OK),
    "admin page edit": (LOGIN, OK, OK, HOME, HOME, OK),
    "admin settings (office contact)": (LOGIN, HOME, OK, HOME, HOME, OK),
    "admin untranslated report": (LOGIN, OK, OK, HOME, HOME, OK),
    "admin untranslated snippets and settings report": (LOGIN, OK, OK, HOME, HOME, OK),
    "admin townships snippets": (LOGIN, OK, OK, HOME, HOME, OK),
    "admin article topics snippets": (LOGIN, OK, OK, HOME, HOME, OK),
    "admin images": (LOGIN, OK, OK, HOME, HOME, OK),
    "admin documents": (LOGIN, OK, OK, HOME, HOME, OK),
    "admin page feedback report": (LOGIN, OK, OK, HOME, HOME, OK),
    "admin search queries report": (LOGIN, OK, OK, HOME, HOME, OK),
    "admin search synonyms": (LOGIN, OK, OK, HOME, HOME, OK),
    # Alert subscribers' addresses: the email alert managers only (no column here) and superusers.
    "admin alert subscribers": (LOGIN, HOME, HOME, HOME, HOME, OK),
    "admin users": (LOGIN, HOME, HOME, HOME, HOME, OK),
    "admin groups": (LOGIN, HOME, HOME, HOME, HOME, OK),
    # Journalist registrations: press officers only.
    "registrations list": PRESS_ONLY,
    "registrations inspect": PRESS_ONLY,
    "registrations edit": PRESS_ONLY,
    "registrations csv export": PRESS_ONLY,
    # Not yet confirmed by email: nobody on staff sees it, and staff without the permission get
    # the same refusal as for a confirmed one, so they cannot tell which exist.
    "unconfirmed registration inspect": (LOGIN, HOME, HOME, MISSING, HOME, MISSING),
    # Resident feedback: feedback handlers only.
    "feedback list": FEEDBACK_ONLY,
    "feedback inspect": FEEDBACK_ONLY,
    "feedback edit": FEEDBACK_ONLY,
    "feedback csv export": FEEDBACK_ONLY,
}

# What must never leak to anyone who is not allowed to see the screen.
SECRETS = ("secret.journalist@example.org", "Private message from a resident", "secret.subscriber@example.org")


def published_page_of_every_type():
    """One live page per page type of the demo site (the demo builds every section)."""
    pages = {}
    for model in get_page_models():
        if model is Page:
            continue
        page = model.objects.live().public().order_by("path").first()
        if page is not None:
            pages[f"page: {model.__name__}"] = page.url
    return pages


@pytest.fixture
def urls(demo_site, db):
    registration = JournalistRegistrationFactory(email="secret.journalist@example.org", full_name="Secret Journalist")
    registration.credential.save("card.png", ContentFile(png_bytes()), save=False)
    registration.credential_content_type = "image/png"
    registration.save()
    InterviewRequestFactory(registration=registration)
    unconfirmed = JournalistRegistrationFactory(status="unconfirmed", confirmed_at=None)
    feedback = FeedbackFactory(message="Private message from a resident", email="resident@example.org")
    SubscriptionFactory(email="secret.subscriber@example.org")
    home = HomePage.objects.get()
    draft = StandardPageFactory(parent=home, slug="draft-plans", title_en="Zephyrine draft plans", live=False)
    members_only = StandardPageFactory(parent=home, slug="members-only", title_en="Zephyrine members notes")
    PageViewRestriction.objects.create(page=members_only, restriction_type=PageViewRestriction.LOGIN)
    press_only = StandardPageFactory(parent=home, slug="press-only", title_en="Zephyrine press notes")
    PageViewRestriction.objects.create(page=press_only, restriction_type=PageViewRestriction.GROUPS).groups.add(
        Group.objects.get(name="Press officers")
    )
    township = Township.objects.order_by("pk").first()
    contact_site = Site.objects.get(is_default_site=True)
    OfficeContact.for_site(contact_site)
    return {
        "home (zh-hans)": "/zh-hans/",
        "pressroom register": "/en/press/register/",
        "pressroom register sent": "/en/press/register/sent/",
        "pressroom status": "/en/press/status/",
        "pressroom releases feed": "/en/press/feed/",
        "pressroom conference calendar": "/en/press/calendar/",
        "pressroom archive year": "/en/press/archive/2025/",
        "pressroom unknown confirmation link": "/en/press/register/confirm/not-a-token/",
        "cns townships": "/en/cns/townships/",
        "cns township": f"/en/cns/townships/{township.slug}/",
        "cns feedback form": "/en/cns/feedback/",
        "cns feedback thanks": "/en/cns/feedback/thanks/",
        "cns events ical": "/en/cns/events/ical/",
        "search": "/en/search/?q=tea",
        "email alerts subscribe": "/en/alerts/",
        "email alerts sent": "/en/alerts/sent/",
        "page feedback report form": "/en/page-feedback/report/?path=/en/",
        "cns news feed": "/en/cns/news/feed/",
        "agency directory search": AgencyIndexPage.objects.live().get().url + "?q=office",
        "sitemap": "/sitemap.xml",
        "robots.txt": "/robots.txt",
        "healthz": "/healthz",
        "draft page": draft.url_path.replace(home.url_path, "/en/", 1),
        "page restricted to signed-in users": "/en/members-only/",
        "page restricted to press officers": "/en/press-only/",
        "credential under /media/": "/media/" + registration.credential.name,
        "credential download": f"/admin/pressroom/credentials/{registration.pk}/",
        "credential shown inline": f"/admin/pressroom/credentials/{registration.pk}/view/",
        "admin home": "/admin/",
        "admin page explorer": f"/admin/pages/{home.pk}/",
        "admin page edit": f"/admin/pages/{home.pk}/edit/",
        "admin settings (office contact)": f"/admin/settings/portal/officecontact/{contact_site.pk}/",
        "admin images": "/admin/images/",
        "admin documents": "/admin/documents/",
        "admin users": "/admin/users/",
        "admin page feedback report": "/admin/reports/page-feedback/",
        "admin search queries report": "/admin/reports/search-queries/",
        "admin search synonyms": "/admin/snippets/portal_search/synonym/",
        "admin alert subscribers": "/admin/alerts/subscriptions/",
        "admin groups": "/admin/groups/",
        "admin untranslated report": "/admin/reports/untranslated/",
        "admin untranslated snippets and settings report": "/admin/reports/untranslated/other/",
        "admin townships snippets": "/admin/snippets/cns/township/",
        "admin article topics snippets": "/admin/snippets/cns/articletopic/",
        "registrations list": "/admin/journalist_registrations/",
        "registrations inspect": f"/admin/journalist_registrations/inspect/{registration.pk}/",
        "registrations edit": f"/admin/journalist_registrations/edit/{registration.pk}/",
        "registrations csv export": "/admin/journalist_registrations/?export=csv",
        "unconfirmed registration inspect": f"/admin/journalist_registrations/inspect/{unconfirmed.pk}/",
        "feedback list": "/admin/cns/feedback/",
        "feedback inspect": f"/admin/cns/feedback/inspect/{feedback.pk}/",
        "feedback edit": f"/admin/cns/feedback/edit/{feedback.pk}/",
        "feedback csv export": "/admin/cns/feedback/?export=csv",
        **published_page_of_every_type(),
    }


def outcome(client, url):
    response = client.get(url)
    if response.status_code == 302 and response["Location"] == "/en" + url:
        response = client.get(response["Location"])  # LocaleMiddleware's retry of a 404 under /en/
    return response, classify(response)


def classify(response):
    if response.status_code == 200:
        return OK
    if response.status_code == 302:
        location = response["Location"]
        if "/admin/login/" in location:
            return LOGIN
        if location.rstrip("/").endswith("/admin"):
            return HOME
        if "/_util/login/" in location:
            return SIGN_IN
        return f"302 {location}"
    return {404: MISSING}.get(response.status_code, str(response.status_code))


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def test_every_url_answers_each_role_as_the_matrix_says(urls, users):
    every_page_type = {name: EVERYONE for name in urls if name.startswith("page: ")}
    matrix = {**MATRIX, **every_page_type}
    assert set(matrix) == set(urls)
    assert len(every_page_type) >= 12, every_page_type  # the demo site has pages of every section

    clients = {}
    for role in ROLES:
        clients[role] = Client()
        if users[role] is not None:
            clients[role].force_login(users[role])

    wrong = []
    for name, expected_row in matrix.items():
        for role, expected in zip(ROLES, expected_row, strict=True):
            response, got = outcome(clients[role], urls[name])
            if got != expected:
                wrong.append(f"{name} as {role}: expected {expected}, got {got}")
            elif got != OK:
                content = body(response).decode(errors="replace")
                leaked = [secret for secret in SECRETS if secret in content]
                if leaked:
                    wrong.append(f"{name} as {role}: {got} but shows {leaked}")
    assert not wrong, "\n".join(wrong)


def test_draft_and_restricted_pages_stay_out_of_the_sitemap_and_search(urls, client):
    StandardPageFactory(parent=HomePage.objects.get(), slug="public-notes", title_en="Zephyrine public notes")

    sitemap = client.get("/sitemap.xml").content.decode()
    results = soup(client.get("/en/search/", {"q": "Zephyrine"}))
    found = [a["href"] for a in results.select("ol.search-results .search-result__title a")]

    assert "/en/public-notes/" in sitemap
    assert found == ["/en/public-notes/"]
    for slug in ("draft-plans", "members-only", "press-only"):
        assert f"/{slug}/" not in sitemap
