"""What waits for feedback handlers on their dashboard (``portal.dashboard``): residents' messages."""

from django.utils.translation import ngettext_lazy

from portal.dashboard import Waiting, list_url

from .models import Feedback

Status = Feedback.Status
TRIAGE = "cns.view_feedback"


def _with_status(status):
    return lambda user: Feedback.objects.filter(status=status).count()


WAITING = [
    Waiting(
        ngettext_lazy("%(count)d new message from residents", "%(count)d new messages from residents", "count"),
        count=_with_status(Status.NEW),
        url=lambda: list_url("cns_feedback", status=Status.NEW),
        permission=TRIAGE,
        order=130,
    ),
    Waiting(
        ngettext_lazy(
            "%(count)d message from residents is in progress",
            "%(count)d messages from residents are in progress",
            "count",
        ),
        count=_with_status(Status.IN_PROGRESS),
        url=lambda: list_url("cns_feedback", status=Status.IN_PROGRESS),
        permission=TRIAGE,
        order=131,
    ),
]
