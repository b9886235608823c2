"""What waits for press officers on their dashboard (``portal.dashboard``): registrations to review."""

from django.utils.translation import ngettext_lazy

from portal.dashboard import Waiting, list_url

from .models import JournalistRegistration

Status = JournalistRegistration.Status
REVIEW = "pressroom.view_journalistregistration"


def _with_status(status):
    return lambda user: JournalistRegistration.objects.filter(status=status).count()


WAITING = [
    Waiting(
        ngettext_lazy(
            "%(count)d new journalist registration awaits review",
            "%(count)d new journalist registrations await review",
            "count",
        ),
        count=_with_status(Status.SUBMITTED),
        url=lambda: list_url("journalist_registrations", status=Status.SUBMITTED),
        permission=REVIEW,
        order=110,
    ),
    Waiting(
        ngettext_lazy(
            "%(count)d journalist registration is under review",
            "%(count)d journalist registrations are under review",
            "count",
        ),
        count=_with_status(Status.UNDER_REVIEW),
        url=lambda: list_url("journalist_registrations", status=Status.UNDER_REVIEW),
        permission=REVIEW,
        order=111,
    ),
]
