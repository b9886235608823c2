"""How applications move: taken in order, past the quota onto the waiting list, and up from it
when a place is freed.

Every change locks the conference's Accreditation row first (``select_for_update``), then counts
and writes: two applications for the last place, or a rejection and an application at the same
moment, are decided one after the other, so a place is never given twice. Each change queues the
journalist's email in the same transaction, and starts a new page-cache generation once it is
committed (the conference page shows the places left).
"""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from portal.pagecache import start_new_generation

from . import emails
from .models import Accreditation, Application

State = Application.State


def _locked(accreditation_id):
    return Accreditation.objects.select_for_update().get(pk=accreditation_id)


def _changed():
    transaction.on_commit(start_new_generation)


def apply(accreditation, registration, *, media_category, note="", language="en", confirmed=True):
    """(application, created): a new application of `registration`, placed in the queue when its
    registration is confirmed; or the live application it already has for this conference."""
    with transaction.atomic():
        accreditation = _locked(accreditation.pk)
        existing = accreditation.applications.live().filter(registration=registration).first()
        if existing is not None:
            return existing, False
        application = Application(
            accreditation=accreditation,
            registration=registration,
            media_category=media_category,
            note=note,
            language=language,
        )
        if confirmed:
            _enter_queue(accreditation, application)
        else:
            application.save()
    return application, True


def enter_queue(application):
    """Places an application whose registration's email has just been confirmed; one sent before
    the deadline keeps its right to a place, an application too late for the conference is withdrawn."""
    with transaction.atomic():
        accreditation = _locked(application.accreditation_id)
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.state != State.UNCONFIRMED:
            return application
        if application.created_at >= accreditation.deadline or timezone.now() >= accreditation.conference.start:
            application.state = State.WITHDRAWN
            application.decided_at = timezone.now()
            application.save()
            emails.send_application_email(application)
        else:
            _enter_queue(accreditation, application)
    return application


def _enter_queue(accreditation, application):
    holding = accreditation.applications.holding().count()
    last = accreditation.applications.aggregate(last=Max("position"))["last"] or 0
    application.position = last + 1
    application.state = State.PLACED if holding < accreditation.quota else State.WAITING
    application.queued_at = timezone.now()
    application.save()
    emails.send_application_email(application)
    _changed()


def change_state(application, new_state, *, by=None, reason=""):
    """A press officer's decision, or the journalist's withdrawal; a place it frees goes to the
    next one on the waiting list. Refuses a change that TRANSITIONS does not allow (ValueError)."""
    with transaction.atomic():
        accreditation = _locked(application.accreditation_id)
        application = Application.objects.select_for_update().get(pk=application.pk)
        if new_state not in application.allowed_states():
            raise ValueError(f"An application {application.state} cannot become {new_state}.")
        freed = application.state in Application.HOLDING_STATES and new_state not in Application.HOLDING_STATES
        application.state = new_state
        application.rejection_reason = reason if new_state == State.REJECTED else ""
        application.decided_at = timezone.now()
        application.decided_by = by
        application.save()
        emails.send_application_email(application)
        if freed:
            fill_places(accreditation)
        _changed()
    return application


def fill_places(accreditation):
    """Moves the next ones on the waiting list into the places left. The caller holds the lock
    (or calls it after raising the quota, which takes it here)."""
    with transaction.atomic():
        accreditation = _locked(accreditation.pk)
        free = accreditation.quota - accreditation.applications.holding().count()
        if free <= 0:
            return []
        promoted = list(
            accreditation.applications.filter(state=State.WAITING).order_by("position").select_for_update()[:free]
        )
        for application in promoted:
            application.state = State.PLACED
            application.save(update_fields=["state"])
            emails.send_application_email(application, promoted=True)
        if promoted:
            _changed()
        return promoted


def close_with_registration(registration):
    """A registration rejected or withdrawn takes its live applications with it."""
    live = registration.accreditation_applications.live().order_by("pk")
    for application in live:
        if application.state == State.UNCONFIRMED:
            application.state = State.WITHDRAWN
            application.save(update_fields=["state"])
        else:
            change_state(application, State.WITHDRAWN)
