"""The journalist's email at each change of an application, in the language they applied in."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from portal.routes import route_url


def waiting_rank(application):
    """1 for the next one on the waiting list."""
    return application.accreditation.applications.filter(
        state=application.State.WAITING, position__lte=application.position
    ).count()


def send_application_email(application, promoted=False):
    registration = application.registration
    accreditation = application.accreditation
    conference = accreditation.conference
    with translation.override(application.language):
        title = Truncator(" ".join(str(conference.title).split())).chars(80)
        subject = _("Accreditation for %(conference)s: %(state)s") % {
            "conference": title,
            "state": application.get_state_display(),
        }
        pressroom = conference.get_parent().specific
        context = {
            "application": application,
            "registration": registration,
            "accreditation": accreditation,
            "conference": conference,
            "conference_title": title,
            "promoted": promoted,
            "waiting_rank": waiting_rank(application) if application.state == application.State.WAITING else None,
            "conference_url": conference.get_full_url(),
            "status_url": route_url(pressroom, "status", absolute=True),
        }
        body = render_to_string("accreditation/emails/application.txt", context)
    send_mail(subject, body, None, [registration.email])
