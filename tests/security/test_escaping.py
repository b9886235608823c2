"""Script payloads typed into every public form and every field an editor controls come back inert.

Each test submits the payloads, then fetches every page that shows the text again (the form
re-rendered with errors, the thank-you and status pages, the staff screens in the admin, search
results, the public pages) and checks the parsed DOM: the text is there, as text, and there is
no script carrying it and no event-handler attribute anywhere.
"""

import csv
import io
import json
import re

import pytest

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from agencies.factories import AgencyIndexPageFactory, AgencyPageFactory
from cns.factories import CNSHomePageFactory, FeedbackFactory, FeedbackTopicFactory
from cns.models import Feedback, FeedbackNote
from portal.factories import StandardPageFactory
from pressroom.factories import JournalistRegistrationFactory, PressroomPageFactory
from pressroom.models import JournalistRegistration
from tests.kit import soup, staff_user

from .conftest import png_bytes

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
PAYLOAD = SCRIPT + ATTRIBUTE


def assert_inert(response, shown=True):
    """No payload runs: no raw <script>alert, no on* attribute; `shown`: the payload is visible as text."""
    html = response.content.decode()
    assert SCRIPT not in html
    page = soup(response, status=None)
    for element in page.find_all(True):
        handlers = [name for name in element.attrs if name.lower().startswith("on")]
        assert not handlers, f"<{element.name} {handlers}> in {response.request['PATH_INFO']}"
    for element in page.find_all(href=True) + page.find_all(src=True):
        for name in ("href", "src"):
            assert not element.get(name, "").strip().lower().startswith("javascript:"), element
    for script in page.find_all("script"):
        text = script.string or ""
        if script.get("type") == "application/ld+json":
            assert "<" not in text  # structured data escapes what could close the element
            json.loads(text)
        else:
            assert "alert(1)" not in text
    if shown:
        assert "alert(1)" in page.get_text() or "alert(1)" in str(page.find_all(attrs={"value": True})), (
            f"the payload is not shown on {response.request['PATH_INFO']}: the check would prove nothing"
        )


@pytest.fixture
def superuser_client(db):
    client = Client()
    client.force_login(staff_user(superuser=True, username="root"))
    return client


def registration_data(**overrides):
    data = {
        "full_name": PAYLOAD,
        "native_name": PAYLOAD,
        "outlet": PAYLOAD,
        "outlet_country": PAYLOAD,
        "position": PAYLOAD,
        "nationality": PAYLOAD,
        "press_card_number": "SG-<b>1</b>",
        "email": "payload@example.org",
        "phone": "+65 6000 0000",
        "wechat_id": ATTRIBUTE,
        "working_languages": PAYLOAD,
        "consent": "on",
        "website": "",
        "interviews-TOTAL_FORMS": "1",
        "interviews-INITIAL_FORMS": "0",
        "interviews-MIN_NUM_FORMS": "1",
        "interviews-MAX_NUM_FORMS": "5",
        "interviews-0-topic": PAYLOAD,
        "interviews-0-agencies_wished": PAYLOAD,
        "interviews-0-preferred_dates": PAYLOAD,
        "interviews-0-notes": PAYLOAD,
        "credential_upload": SimpleUploadedFile("card<script>.png", png_bytes(), content_type="image/png"),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_journalist_registration_payloads_stay_text_on_the_site_and_in_the_admin(client, home, superuser_client):
    PressroomPageFactory(parent=home)

    rejected = client.post("/en/press/register/", registration_data(phone=PAYLOAD))
    assert rejected.status_code == 400
    assert_inert(rejected)

    accepted = client.post("/en/press/register/", registration_data())
    assert accepted.status_code == 302, accepted.content.decode()[:2000]
    assert_inert(client.get(accepted["Location"]), shown=False)
    link = re.search(r"/en/press/register/confirm/\S+/", mail.outbox[0].body).group(0)
    assert_inert(client.get(link), shown=False)
    assert_inert(client.post(link), shown=False)
    registration = JournalistRegistration.objects.get()
    assert registration.full_name == PAYLOAD  # stored as typed: escaping is the templates' job

    status = client.post("/en/press/status/", {"reference": registration.reference, "email": "payload@example.org"})
    assert status.status_code == 200
    assert_inert(status, shown=False)

    for url in (
        "/admin/journalist_registrations/",
        f"/admin/journalist_registrations/?q={registration.reference}",
        f"/admin/journalist_registrations/inspect/{registration.pk}/",
        f"/admin/journalist_registrations/edit/{registration.pk}/",
    ):
        response = superuser_client.get(url)
        assert response.status_code == 200, url
        assert_inert(response)

    # A rejection reason typed by staff reaches the journalist's status page.
    superuser_client.post(
        f"/admin/journalist_registrations/edit/{registration.pk}/", {"status": "rejected", "rejection_reason": PAYLOAD}
    )
    registration.refresh_from_db()
    assert registration.status == "rejected"
    status = client.post("/en/press/status/", {"reference": registration.reference, "email": "payload@example.org"})
    assert_inert(status, shown=False)
    assert_inert(superuser_client.get(f"/admin/journalist_registrations/inspect/{registration.pk}/"))


def test_status_lookup_payloads_are_re_rendered_as_text(client, home):
    PressroomPageFactory(parent=home)

    response = client.post("/en/press/status/", {"reference": PAYLOAD, "email": PAYLOAD})

    assert response.status_code == 400
    assert_inert(response)


def test_resident_feedback_payloads_stay_text_on_the_form_and_in_the_admin(client, home, superuser_client):
    CNSHomePageFactory(parent=home)
    topic = FeedbackTopicFactory()
    answers = {"topic": topic.pk, "township": "", "message": PAYLOAD, "name": PAYLOAD, "email": "a@example.org"}

    rejected = client.post("/en/cns/feedback/", answers)  # no consent
    assert rejected.status_code == 400
    assert_inert(rejected)

    accepted = client.post("/en/cns/feedback/", {**answers, "consent": "on"})
    assert accepted.status_code == 302
    assert_inert(client.get(accepted["Location"]), shown=False)
    feedback = Feedback.objects.get()
    assert feedback.message == PAYLOAD

    # The list shows date, topic, township and status only; inspect and edit show the message.
    for url, shown in (
        ("/admin/cns/feedback/", False),
        ("/admin/cns/feedback/?q=alert", False),
        (f"/admin/cns/feedback/inspect/{feedback.pk}/", True),
        (f"/admin/cns/feedback/edit/{feedback.pk}/", True),
    ):
        response = superuser_client.get(url)
        assert response.status_code == 200, url
        assert_inert(response, shown=shown)


def test_search_and_directory_queries_are_echoed_as_text(client, home):
    government = StandardPageFactory(parent=home, slug="government")
    AgencyIndexPageFactory(parent=government)

    for url in ("/en/search/", "/zh-hans/search/"):
        response = client.get(url, {"q": PAYLOAD})
        assert response.status_code in (200, 400)
        assert_inert(response)
    directory = client.get("/en/government/agencies/", {"q": PAYLOAD, "kind": PAYLOAD})
    assert directory.status_code in (200, 400), directory.status_code
    assert_inert(directory)


def editor_rich_text(text, link="javascript:alert(1)"):
    """What the admin's rich text editor stores when an editor types `text` and links its first word
    to `link` (the editor's content goes through Wagtail's whitelist on the way to the database)."""
    features = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]
    block = {
        "key": "a1b2c",
        "type": "unstyled",
        "text": text,
        "depth": 0,
        "inlineStyleRanges": [],
        "entityRanges": [{"offset": 0, "length": len(text.split()[0]), "key": 0}],
    }
    entities = {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": link}}}
    return ContentstateConverter(features).to_database_format(json.dumps({"blocks": [block], "entityMap": entities}))


def test_editor_fields_are_escaped_on_public_pages_search_and_admin(client, home, superuser_client):
    page = StandardPageFactory(
        parent=home,
        slug="payload",
        title_en="Notice " + PAYLOAD,
        title_zh_hans="通知 " + PAYLOAD,
        intro_en=PAYLOAD,
        intro_zh_hans=PAYLOAD,
        search_description_en=PAYLOAD,
        body_en=[
            {"type": "heading", "value": {"text": PAYLOAD, "level": "h2"}},
            {"type": "paragraph", "value": editor_rich_text("Visitors " + PAYLOAD)},
            {"type": "quote", "value": {"quote": PAYLOAD, "attribution": PAYLOAD}},
        ],
    )
    page.save_revision().publish()
    government = StandardPageFactory(parent=home, slug="government")
    directory = AgencyIndexPageFactory(parent=government)
    agency = AgencyPageFactory(
        parent=directory,
        slug="payload-agency",
        title_en="Bureau " + PAYLOAD,
        title_zh_hans="局 " + PAYLOAD,
        short_name_en=PAYLOAD,
        summary_en=PAYLOAD,
        address_en=PAYLOAD,
    )
    agency.save_revision().publish()

    for url in ("/en/payload/", "/zh-hans/payload/", "/en/government/agencies/payload-agency/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert_inert(response)
    assert_inert(client.get("/en/"), shown=False)  # a standard page is not listed on the home page
    for url in ("/en/government/agencies/", "/en/government/agencies/?q=Bureau"):
        assert_inert(client.get(url))
    assert_inert(client.get("/en/search/", {"q": "alert"}))
    assert_inert(client.get("/en/search/", {"q": "Visitors"}))

    for url in (f"/admin/pages/{home.pk}/", f"/admin/pages/{page.pk}/edit/", "/admin/reports/untranslated/"):
        response = superuser_client.get(url)
        assert response.status_code == 200, url
        assert_inert(response)


FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)"]


def exported_rows(response):
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_csv_exports_never_start_a_cell_with_a_formula(client, home, superuser_client):
    """Text residents and journalists typed must not run as a formula when staff open the export."""
    CNSHomePageFactory(parent=home)
    client.post(
        "/en/cns/feedback/",
        {"topic": FeedbackTopicFactory().pk, "message": FORMULAS[0], "name": FORMULAS[0], "consent": "on"},
    )
    for formula in FORMULAS[1:]:  # the form's rate limit allows one message per visitor in a row
        FeedbackNote.objects.create(feedback=FeedbackFactory(message=formula, name=formula), text=formula)
    assert Feedback.objects.count() == len(FORMULAS)

    cells = [cell for row in exported_rows(superuser_client.get("/admin/cns/feedback/?export=csv"))[1:] for cell in row]

    assert {"'" + formula for formula in FORMULAS} <= set(cells)
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]

    for formula in FORMULAS:
        JournalistRegistrationFactory(full_name=formula, outlet=formula, position=formula)
    export = superuser_client.get("/admin/journalist_registrations/?export=csv")
    cells = [cell for row in exported_rows(export)[1:] for cell in row]
    assert {"'" + formula for formula in FORMULAS} <= set(cells)
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@")]
