"""Applications follow their registration: a confirmed email places them in the queue, a
registration rejected or withdrawn takes them with it. Saving an accreditation refreshes the
page cache (the conference page shows it)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from portal.pagecache import start_new_generation
from pressroom.models import JournalistRegistration, RegistrationStatusChange

from . import queue
from .models import Accreditation, Application

Status = JournalistRegistration.Status


@receiver(post_save, sender=RegistrationStatusChange, dispatch_uid="accreditation-follow-registration")
def follow_registration(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    registration = instance.registration
    if instance.from_status == Status.UNCONFIRMED and instance.to_status == Status.SUBMITTED:
        for application in registration.accreditation_applications.filter(state=Application.State.UNCONFIRMED):
            queue.enter_queue(application)
    elif instance.to_status in (Status.REJECTED, Status.WITHDRAWN):
        queue.close_with_registration(registration)


@receiver(post_save, sender=Accreditation, dispatch_uid="accreditation-saved")
def accreditation_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    transaction.on_commit(start_new_generation)
    queue.fill_places(instance)  # a larger quota gives the waiting list its new places


@receiver(post_delete, sender=Accreditation, dispatch_uid="accreditation-deleted")
def accreditation_deleted(sender, instance, **kwargs):
    transaction.on_commit(start_new_generation)
