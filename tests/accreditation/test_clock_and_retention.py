from datetime import timedelta

import pytest

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from accreditation.factories import ApprovedRegistrationFactory
from accreditation.models import Accreditation, Application
from portal.clock import run_due_jobs
from tests.kit import soup

from .conftest import apply_with_reference

pytestmark = pytest.mark.django_db


def test_the_clock_runs_the_accreditation_jobs():
    jobs = {name: command for name, _seconds, command in settings.CLOCK_JOBS}
    assert jobs["close-accreditations"] == ["close_accreditations"]
    assert jobs["erase-closed-applications"] == ["erase_closed_applications"]
    names = list(jobs)
    assert names.index("erase-closed-registrations") < names.index("erase-closed-applications")


def test_the_deadline_closes_the_form_without_a_request(client, accreditation, conference, settings):
    settings.PAGE_CACHE_SECONDS = 300
    assert soup(client.get(conference.url)).select_one(".acc-box a.button")
    cached = client.get(conference.url)
    assert cached["X-Page-Cache"] == "hit"
    # Time passes to the deadline, with nobody asking for the page (no save, no signal).
    Accreditation.objects.filter(pk=accreditation.pk).update(deadline=timezone.now() - timedelta(seconds=1))

    assert "close-accreditations" in run_due_jobs()

    after = client.get(conference.url)
    assert after.get("X-Page-Cache") != "hit"
    box = soup(after).select_one(".acc-box")
    assert box.select_one(".acc-state--closed") and not box.select_one("a.button")
    accreditation.refresh_from_db()
    assert accreditation.closed_at is not None


def test_a_deadline_moved_later_opens_the_form_again(client, accreditation, conference):
    Accreditation.objects.filter(pk=accreditation.pk).update(deadline=timezone.now() - timedelta(seconds=1))
    call_command("close_accreditations", verbosity=0)
    accreditation.refresh_from_db()

    accreditation.deadline = timezone.now() + timedelta(days=1)
    accreditation.save()

    assert accreditation.closed_at is None
    assert soup(client.get(conference.url)).select_one(".acc-box a.button")


def test_applications_lose_their_text_with_their_registration(client, accreditation, conference, press_officer):
    journalist = ApprovedRegistrationFactory()
    apply_with_reference(client, conference, journalist, note="Bringing an interpreter, Ms Zhao")
    application = Application.objects.get()
    application.registration.closed_at = timezone.now() - timedelta(days=settings.PRESSROOM_RETENTION_DAYS + 1)
    application.registration.save()

    call_command("erase_closed_registrations", verbosity=0)
    call_command("erase_closed_applications", verbosity=0)

    application.refresh_from_db()
    assert application.registration.erased_at is not None
    assert application.erased_at is not None and application.note == ""
    assert application.state == "placed"  # the counts remain


def test_applications_of_a_long_past_conference_lose_their_text(client, accreditation, conference):
    apply_with_reference(client, conference, ApprovedRegistrationFactory(), note="Camera crew")
    conference.start = timezone.now() - timedelta(days=settings.PRESSROOM_RETENTION_DAYS + 2)
    conference.save()

    call_command("erase_closed_applications", verbosity=0)

    assert Application.objects.get().note == ""


def test_unconfirmed_registrations_deleted_take_their_applications(client, accreditation, conference):
    from pressroom.models import JournalistRegistration

    registration = ApprovedRegistrationFactory(
        status=JournalistRegistration.Status.UNCONFIRMED,
        created_at=timezone.now() - timedelta(days=settings.PRESSROOM_CONFIRMATION_DAYS + 1),
        confirmed_at=None,
    )
    Application.objects.create(accreditation=accreditation, registration=registration, media_category="foreign")

    call_command("erase_closed_registrations", verbosity=0)

    assert not Application.objects.exists()


def test_each_application_refreshes_the_places_left_on_a_cached_conference_page(
    client, accreditation, conference, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300

    def places():
        return soup(client.get(conference.url)).select_one(".acc-box").get_text(" ", strip=True)

    assert "2 places left of 2" in places()
    with django_capture_on_commit_callbacks(execute=True):
        apply_with_reference(client, conference, ApprovedRegistrationFactory())

    assert "1 place left of 2" in places()
