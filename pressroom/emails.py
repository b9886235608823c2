"""Emails to journalists, always in the language they registered in, and notices to press officers."""

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from portal.routes import route_url

from .roles import PRESS_OFFICERS

PRESS_OFFICERS_GROUP = PRESS_OFFICERS.name


def _send(registration, subject, template, context):
    with translation.override(registration.language):
        context = {"registration": registration, **context}
        body = render_to_string(f"pressroom/emails/{template}.txt", context)
        send_mail(str(subject), body, None, [registration.email])


def send_confirmation_email(registration, pressroom, token):
    with translation.override(registration.language):
        subject = _("Confirm your registration with the Information Office")
        confirm_url = route_url(pressroom, "register_confirm", token=token, absolute=True)
        days = settings.PRESSROOM_CONFIRMATION_DAYS
    _send(registration, subject, "confirm", {"confirm_url": confirm_url, "days": days})


def send_already_registered_email(registration, pressroom):
    """Tells the owner of an address that someone registered with it again while `registration`
    is with the press officers: the form itself answers every registration alike."""
    with translation.override(registration.language):
        subject = _("Your registration %(reference)s is already with us") % {"reference": registration.reference}
        status_url = route_url(pressroom, "status", absolute=True)
    _send(registration, subject, "already_registered", {"status_url": status_url})


def send_status_email(registration):
    """Tells the journalist the status their registration has just reached."""
    # By name: the page's module imports the registration model, which imports this one.
    pressroom = apps.get_model("pressroom", "PressroomPage").objects.live().first()
    with translation.override(registration.language):
        subject = _("Your registration %(reference)s: %(status)s") % {
            "reference": registration.reference,
            "status": registration.get_status_display(),
        }
        status_url = ""
        if pressroom is not None:
            status_url = route_url(pressroom, "status", absolute=True)
    _send(registration, subject, "status", {"status_url": status_url})
    if registration.status == registration.Status.SUBMITTED:
        notify_press_officers(registration)


def notify_press_officers(registration):
    """A short notice, without personal data, that a confirmed registration awaits review."""
    recipients = list(
        get_user_model()
        .objects.filter(groups__name=PRESS_OFFICERS_GROUP, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(
            "pressroom/emails/officer_notice.txt",
            {
                "registration": registration,
                "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("journalist_registrations:index"),
            },
        )
        subject = _("New journalist registration %(reference)s") % {"reference": registration.reference}
    send_mail(subject, body, None, recipients)
