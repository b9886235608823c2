"""What waits for press officers on their dashboard (``portal.dashboard``): applications to decide."""

from django.utils.translation import ngettext_lazy

from portal.dashboard import Waiting, list_url

from .models import Application

State = Application.State
REVIEW = "accreditation.view_application"


def _in_state(state):
    return lambda user: Application.objects.filter(state=state).count()


WAITING = [
    Waiting(
        ngettext_lazy(
            "%(count)d accreditation application within the places awaits a decision",
            "%(count)d accreditation applications within the places await a decision",
            "count",
        ),
        count=_in_state(State.PLACED),
        url=lambda: list_url("accreditation_applications", state=State.PLACED),
        permission=REVIEW,
        order=120,
    ),
    Waiting(
        ngettext_lazy(
            "%(count)d accreditation application is on a waiting list",
            "%(count)d accreditation applications are on a waiting list",
            "count",
        ),
        count=_in_state(State.WAITING),
        url=lambda: list_url("accreditation_applications", state=State.WAITING),
        permission=REVIEW,
        order=121,
    ),
]
