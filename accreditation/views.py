"""The public side: apply for a conference's accreditation, and withdraw an application.

Pages render through the pressroom page (`portal.routes.render`), as its registration routes do,
with the conference in the breadcrumbs. Every answer is private: forms with CSRF tokens, or about one journalist.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from portal.querystring import MAX_ID
from portal.ratelimit import RateLimit
from portal.routes import over_rate, render, route_url
from pressroom.models import JournalistRegistration, PressConferencePage
from pressroom.views import Outcome, register_once

from . import queue
from .emails import waiting_rank
from .forms import ReferenceApplicationForm, RegisterAndApplyForm, WithdrawApplicationForm, no_interview_requests
from .models import Accreditation

logger = logging.getLogger(__name__)


def _accreditation(conference_id):
    if not 0 < conference_id <= MAX_ID:  # the address may hold any number of digits
        raise Http404
    conference = PressConferencePage.objects.live().public().filter(pk=conference_id).first()
    accreditation = Accreditation.objects.with_counts().filter(conference_id=conference_id).first()
    if conference is None or accreditation is None:
        raise Http404
    accreditation.conference = conference
    return accreditation


def _trail(conference, *steps):
    return [
        (conference.title, conference.url),
        (_("Apply for accreditation"), reverse("accreditation:apply", args=[conference.pk])),
        *steps,
    ]


def _over_reference_rate(data):
    reference = str(data.get("reference", "")).strip().upper()[:20]
    lookups = RateLimit("accreditation-reference", *settings.PRESSROOM_STATUS_REFERENCE_RATE)
    return bool(reference) and lookups.hit(reference) > lookups.limit


def _page(request, accreditation, template, context=None, *, status=200, steps=()):
    conference = accreditation.conference
    pressroom = conference.get_parent().specific
    context = {
        "accreditation": accreditation,
        "conference": conference,
        "is_open": accreditation.is_open(),
        "apply_url": reverse("accreditation:apply", args=[conference.pk]),
        "register_url": reverse("accreditation:register", args=[conference.pk]),
        "status_url": route_url(pressroom, "status"),
        **(context or {}),
    }
    trail = _trail(conference, *steps)
    # Through the pressroom page, whose routes the registration's pages are: its breadcrumbs, then the conference.
    return render(request, pressroom, template, context, status=status, trail=trail, private=True)


@require_http_methods(["GET", "HEAD", "POST"])
def apply(request, conference_id):
    """Apply with a registration's reference number and email address."""
    accreditation = _accreditation(conference_id)
    if not accreditation.is_open():
        return _page(
            request, accreditation, "accreditation/apply.html", status=410 if request.method == "POST" else 200
        )
    status = 200
    if request.method == "POST":
        form = ReferenceApplicationForm(request.POST, accreditation=accreditation)
        if over_rate(request, "accreditation-apply", settings.PRESSROOM_STATUS_RATE) or _over_reference_rate(
            request.POST
        ):
            form.full_clean()
            form.add_error(
                None, _("Many requests have come from your network in a short time. Please try again in an hour.")
            )
            status = 429
        elif form.is_valid():
            registration = form.registration()
            if registration is None:
                form.add_error(
                    None,
                    _(
                        "No registration that may apply matches this reference number and email address: check "
                        "both, or register and apply below."
                    ),
                )
                status = 404
            else:
                application, created = queue.apply(
                    accreditation,
                    registration,
                    media_category=form.cleaned_data["media_category"],
                    note=form.cleaned_data["note"],
                    language=get_language(),
                )
                context = {
                    "application": application,
                    "already_applied": not created,
                    "waiting_rank": waiting_rank(application)
                    if application.state == application.State.WAITING
                    else None,
                }
                return _page(
                    request, accreditation, "accreditation/applied.html", context, steps=[(_("Sent"), request.path)]
                )
        else:
            status = 400
    else:
        form = ReferenceApplicationForm(accreditation=accreditation)
    return _page(request, accreditation, "accreditation/apply.html", {"form": form}, status=status)


def _declared_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


@require_http_methods(["GET", "HEAD", "POST"])
def register(request, conference_id):
    """Register and apply in one go: the pressroom's registration, answered as it answers."""
    accreditation = _accreditation(conference_id)
    steps = [(_("Register and apply"), request.path)]
    if not accreditation.is_open():
        status = 410 if request.method == "POST" else 200
        return _page(request, accreditation, "accreditation/apply.html", status=status, steps=steps)
    pressroom = accreditation.conference.get_parent().specific
    sent_url = reverse("accreditation:register_sent", args=[conference_id])
    status, rate_limited = 200, False
    if request.method == "POST":
        if over_rate(request, "accreditation-register-send", settings.PRESSROOM_REGISTRATION_SEND_RATE):
            return _page(request, accreditation, "pressroom/rate_limited.html", status=429, steps=steps)
        if _declared_length(request) > settings.PRESSROOM_CREDENTIAL_MAX_BYTES + 1024 * 1024:
            return _page(request, accreditation, "pressroom/too_large.html", status=413, steps=steps)
        started = timezone.now()  # before the form: its registration takes its creation time from it
        form = RegisterAndApplyForm(request.POST, request.FILES, accreditation=accreditation)
        if form.is_bot():
            logger.info("Accreditation registration honeypot filled; dropped.")
            return HttpResponseRedirect(sent_url)
        with transaction.atomic():  # the registration and its application, or neither
            outcome = register_once(request, pressroom, form, no_interview_requests())
            if outcome is Outcome.STORED:
                _attach_application(form, accreditation, started)
        if outcome is Outcome.STORED:
            return HttpResponseRedirect(sent_url)
        rate_limited = outcome is Outcome.TOO_MANY
        status = 429 if rate_limited else 400
    else:
        form = RegisterAndApplyForm(accreditation=accreditation)
    context = {"form": form, "rate_limited": rate_limited, "pressroom": pressroom}
    return _page(request, accreditation, "accreditation/register.html", context, status=status, steps=steps)


def _attach_application(form, accreditation, started):
    """The application of the registration this form has just stored (or stored on an earlier send
    of the same form). None when the address's owner was told by email instead: the answer is the same."""
    mine = Q(created_at__gte=started)
    key = form.sent_key()
    if key is not None:
        mine |= Q(submission_key=key)
    registration = (
        JournalistRegistration.objects.filter(status=JournalistRegistration.Status.UNCONFIRMED)
        .filter(mine, email=form.cleaned_data["email"])
        .first()
    )
    if registration is None:
        return None
    application, _created = queue.apply(
        accreditation,
        registration,
        media_category=form.cleaned_data["media_category"],
        note=form.cleaned_data["note"],
        language=get_language(),
        confirmed=False,
    )
    return application


def register_sent(request, conference_id):
    accreditation = _accreditation(conference_id)
    steps = [(_("Check your email"), request.path)]
    return _page(request, accreditation, "accreditation/register_sent.html", steps=steps)


@require_POST
def withdraw(request):
    """The journalist withdraws one application from the status page."""
    form = WithdrawApplicationForm(request.POST)
    if over_rate(request, "accreditation-withdraw", settings.PRESSROOM_STATUS_RATE) or _over_reference_rate(
        request.POST
    ):
        raise Http404
    application = form.application_to_withdraw() if form.is_valid() else None
    if application is None:
        raise Http404
    if application.can_be_withdrawn:
        application = queue.change_state(application, application.State.WITHDRAWN)
    accreditation = application.accreditation
    conference = PressConferencePage.objects.filter(pk=accreditation.conference_id).first()
    if conference is None:
        raise Http404
    accreditation.conference = conference
    steps = [(_("Application withdrawn"), request.path)]
    return _page(request, accreditation, "accreditation/withdrawn.html", {"application": application}, steps=steps)
