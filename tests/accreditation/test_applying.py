import re
from datetime import timedelta

import pytest

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accreditation.factories import ApprovedRegistrationFactory
from accreditation.models import Accreditation, Application
from pressroom.factories import JournalistRegistrationFactory, registration_form_data
from pressroom.models import JournalistRegistration
from tests.kit import soup
from tests.pressroom.conftest import image_bytes

from .conftest import apply_with_reference, look_up_status

pytestmark = pytest.mark.django_db


def states(accreditation):
    return list(accreditation.applications.in_order().values_list("state", flat=True))


def test_a_journalist_applies_within_the_places_with_a_reference(client, accreditation, conference, journalists):
    response = apply_with_reference(client, conference, journalists[0], note="A camera crew of two")

    page = soup(response)
    assert page.select_one(".acc-state--placed")
    application = Application.objects.get()
    assert (application.state, application.position, application.note) == ("placed", 1, "A camera crew of two")
    assert application.language == "en"
    assert mail.outbox[-1].to == [journalists[0].email]
    assert "Spring briefing" in mail.outbox[-1].subject
    assert "You have one of the places" in mail.outbox[-1].body
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_past_the_places_applications_go_on_the_waiting_list_in_order(client, accreditation, conference, journalists):
    for journalist in journalists[:4]:
        apply_with_reference(client, conference, journalist)

    assert states(accreditation) == ["placed", "placed", "waiting", "waiting"]
    page = soup(apply_with_reference(client, conference, journalists[4]))
    assert "number 3 on the waiting list" in page.main.get_text(" ", strip=True)
    assert "waiting list, number 3" in mail.outbox[-1].body
    conference_page = soup(client.get(conference.url))
    assert "All 2 places are taken" in conference_page.select_one(".acc-box").get_text(" ", strip=True)


def test_applying_twice_keeps_one_application_and_its_place(client, accreditation, conference, journalists):
    apply_with_reference(client, conference, journalists[0])
    again = soup(apply_with_reference(client, conference, journalists[0]))

    assert Application.objects.count() == 1
    assert "You had already applied" in again.main.get_text()


def test_a_rejection_frees_the_place_for_the_next_one_on_the_waiting_list(
    client, accreditation, conference, journalists, press_officer
):
    for journalist in journalists[:4]:
        apply_with_reference(client, conference, journalist)
    first, _second, third, _fourth = accreditation.applications.in_order()
    client.force_login(press_officer)

    response = client.post(
        f"/admin/accreditation_applications/edit/{first.pk}/", {"state": "rejected", "rejection_reason": "Duplicate"}
    )

    assert response.status_code == 302
    assert states(accreditation) == ["rejected", "placed", "placed", "waiting"]
    third.refresh_from_db()
    promoted = [message for message in mail.outbox if message.to == [third.registration.email]][-1]
    assert "you have moved up from the waiting list" in promoted.body
    rejected = [message for message in mail.outbox if message.to == [first.registration.email]][-1]
    assert "Reason: Duplicate" in rejected.body


def test_a_rejection_needs_a_reason(client, accreditation, conference, journalists, press_officer):
    apply_with_reference(client, conference, journalists[0])
    application = Application.objects.get()
    client.force_login(press_officer)

    response = client.post(
        f"/admin/accreditation_applications/edit/{application.pk}/", {"state": "rejected", "rejection_reason": " "}
    )

    assert response.status_code == 200
    application.refresh_from_db()
    assert application.state == "placed"


def test_the_journalist_withdraws_from_the_status_page_and_the_next_one_moves_up(
    client, accreditation, conference, journalists
):
    for journalist in journalists[:3]:
        apply_with_reference(client, conference, journalist)
    status = soup(look_up_status(client, journalists[0]))
    form = status.select_one(".acc-item form")
    data = {field["name"]: field.get("value", "") for field in form.find_all("input")}

    withdrawn = client.post(form["action"], data)

    assert withdrawn.status_code == 200
    assert states(accreditation) == ["withdrawn", "placed", "placed"]


def test_after_the_deadline_the_form_is_closed_and_takes_nothing(client, accreditation, conference, journalists):
    Accreditation.objects.filter(pk=accreditation.pk).update(deadline=timezone.now() - timedelta(minutes=1))

    page = soup(client.get(f"/en/press/conferences/{conference.pk}/apply/"))
    late = apply_with_reference(client, conference, journalists[0])

    assert page.select_one(".acc-state--closed")
    assert not page.main.find("form")
    assert "The form is closed" in page.main.get_text()
    assert late.status_code == 410
    assert not Application.objects.exists()
    assert not soup(client.get(conference.url)).select_one(".acc-box a.button")


def test_a_reference_that_may_not_apply_gets_a_message_and_no_application(client, accreditation, conference):
    rejected = JournalistRegistrationFactory(status=JournalistRegistration.Status.REJECTED)

    response = apply_with_reference(client, conference, rejected)

    assert response.status_code == 404
    assert "No registration that may apply" in soup(response, status=404).main.get_text()
    assert not Application.objects.exists()


def test_only_the_categories_that_may_apply_are_offered(client, accreditation, conference, journalists):
    accreditation.hk_macao_taiwan_media = False
    accreditation.save()

    response = apply_with_reference(client, conference, journalists[0], media_category="hk_macao_taiwan")

    page = soup(response, status=400)
    assert page.select_one(".field--error input[name=media_category]")
    assert not Application.objects.exists()


def test_the_status_page_lists_every_application_with_its_state(client, pressroom, journalists):
    from accreditation.factories import AccreditationFactory
    from pressroom.factories import PressConferencePageFactory

    registration = journalists[0]
    full = AccreditationFactory(conference=PressConferencePageFactory(parent=pressroom, title_en="Full one"), quota=1)
    open_one = AccreditationFactory(conference=PressConferencePageFactory(parent=pressroom, title_en="Open one"))
    apply_with_reference(client, full.conference, journalists[1])
    apply_with_reference(client, full.conference, registration)
    apply_with_reference(client, open_one.conference, registration)

    items = soup(look_up_status(client, registration)).select(".acc-item")

    shown = {item.h3.get_text(strip=True): item.select_one(".acc-state").get_text(strip=True) for item in items}
    assert shown == {"Full one": "On the waiting list", "Open one": "Within the places, awaiting review"}
    assert "Number 1 on the waiting list" in " ".join(item.get_text(" ", strip=True) for item in items)


def test_the_status_page_reads_the_applications_in_a_constant_number_of_queries(
    client, pressroom, journalists, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from accreditation.factories import AccreditationFactory
    from pressroom.factories import PressConferencePageFactory

    registration = journalists[0]

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert look_up_status(client, registration).status_code == 200
        return len(queries)

    AccreditationFactory(conference=PressConferencePageFactory(parent=pressroom))
    for accreditation in Accreditation.objects.all():
        apply_with_reference(client, accreditation.conference, registration)
    one = count()
    for _ in range(3):
        accreditation = AccreditationFactory(conference=PressConferencePageFactory(parent=pressroom))
        apply_with_reference(client, accreditation.conference, registration)
    assert count() == one


# Registering and applying in one go -----------------------------------------------------------


def register_and_apply(client, conference, prefix="en", **overrides):
    data = registration_form_data(
        credential_upload=SimpleUploadedFile("card.png", image_bytes(), content_type="image/png"),
        media_category="foreign",
        note="",
        **overrides,
    )
    data = {key: value for key, value in data.items() if not key.startswith("interviews-")}
    return client.post(f"/{prefix}/press/conferences/{conference.pk}/apply/register/", data)


def confirm_path(message):
    link = re.search(r"https?://\S+/register/confirm/\S+/", message.body).group(0)
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


def test_others_register_and_apply_in_one_go_and_take_their_place_when_they_confirm(
    client, accreditation, conference, journalists
):
    apply_with_reference(client, conference, journalists[0])
    apply_with_reference(client, conference, journalists[1])

    response = register_and_apply(client, conference, "zh-hans")

    assert response.status_code == 302
    assert response["Location"] == f"/zh-hans/press/conferences/{conference.pk}/apply/register/sent/"
    registration = JournalistRegistration.objects.get(email="li.wei@example.org")
    application = registration.accreditation_applications.get()
    assert (registration.status, application.state, application.position) == ("unconfirmed", "unconfirmed", None)

    client.post(confirm_path(mail.outbox[-1]))

    application.refresh_from_db()
    assert application.state == "waiting" and application.position == 3
    to_her = [message for message in mail.outbox if message.to == ["li.wei@example.org"]]
    about_it = [message for message in to_her if "春季吹风会" in message.subject]  # in the language applied in
    assert len(about_it) == 1
    assert "/zh-hans/press/status/" in about_it[0].body


def test_registering_and_applying_answers_alike_whatever_the_address_has_registered(client, accreditation, conference):
    JournalistRegistrationFactory(email="li.wei@example.org", status=JournalistRegistration.Status.UNDER_REVIEW)

    response = register_and_apply(client, conference)

    assert response.status_code == 302
    assert response["Location"] == f"/en/press/conferences/{conference.pk}/apply/register/sent/"
    assert not Application.objects.exists()  # the owner is told by email; the form says the same
    assert "already with us" in mail.outbox[-1].subject


def test_a_registration_rejected_takes_its_applications_with_it(client, accreditation, conference, press_officer):
    registration = ApprovedRegistrationFactory(status=JournalistRegistration.Status.SUBMITTED)
    waiting = [ApprovedRegistrationFactory() for _ in range(2)]
    apply_with_reference(client, conference, registration)
    apply_with_reference(client, conference, waiting[0])
    apply_with_reference(client, conference, waiting[1])

    registration.change_status(JournalistRegistration.Status.REJECTED, by=press_officer, reason="No press card")

    assert states(accreditation) == ["withdrawn", "placed", "placed"]


@pytest.mark.parametrize("prefix", ["en", "zh-hans"])
def test_a_journalist_finds_the_next_conference_applies_waits_and_is_approved(
    client, pressroom, conference, journalists, press_officer, prefix
):
    from accreditation.factories import AccreditationFactory

    AccreditationFactory(conference=conference, quota=1)
    apply_with_reference(client, conference, journalists[2])  # the one place goes first
    journalist = ApprovedRegistrationFactory(language=prefix)

    listing = soup(client.get(f"/{prefix}/press/"))
    conference_url = listing.main.find("a", href=f"/{prefix}/press/{conference.slug}/")["href"]
    apply_url = soup(client.get(conference_url)).select_one(".acc-box a.button")["href"]
    assert soup(client.get(apply_url)).main.find("form", method="post")
    waiting = soup(apply_with_reference(client, conference, journalist, prefix=prefix))
    assert waiting.select_one(".acc-state--waiting")

    first = Application.objects.get(registration=journalists[2])
    client.force_login(press_officer)
    client.post(f"/admin/accreditation_applications/edit/{first.pk}/", {"state": "withdrawn", "rejection_reason": ""})
    mine = Application.objects.get(registration=journalist)
    client.post(f"/admin/accreditation_applications/edit/{mine.pk}/", {"state": "approved", "rejection_reason": ""})

    mine.refresh_from_db()
    assert mine.state == "approved"
    approval = [message for message in mail.outbox if message.to == [journalist.email]][-1]
    assert (conference.title_zh_hans if prefix == "zh-hans" else conference.title_en) in approval.subject
    assert f"/{prefix}/press/status/" in approval.body
