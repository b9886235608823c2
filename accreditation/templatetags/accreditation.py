"""What the pressroom's templates show of accreditation, each in one include line:
the state on a conference page, and a journalist's applications on the status page."""

from django import template
from django.urls import reverse

from ..forms import WithdrawApplicationForm
from ..models import Accreditation, Application

register = template.Library()


@register.simple_tag
def accreditation_of(conference):
    """The conference's accreditation with its counts (one query), or None."""
    if conference is None or not conference.pk:
        return None
    accreditation = Accreditation.objects.with_counts().filter(conference_id=conference.pk).first()
    if accreditation is not None:
        accreditation.conference = conference
        accreditation.apply_url = reverse("accreditation:apply", args=[conference.pk])
    return accreditation


@register.simple_tag
def applications_of(registration):
    """The registration's applications, newest conference first, each with its withdraw form (one query)."""
    if registration is None:
        return []
    applications = list(
        Application.objects.filter(registration=registration)
        .select_related("accreditation__conference")
        .with_waiting_rank()
        .order_by("-accreditation__conference__start", "-pk")
    )
    for application in applications:
        application.withdraw_form = (
            WithdrawApplicationForm(
                initial={
                    "reference": registration.reference,
                    "email": registration.email,
                    "application": application.pk,
                },
                auto_id=f"withdraw-{application.pk}-%s",
            )
            if application.can_be_withdrawn
            else None
        )
    return applications
