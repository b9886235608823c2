"""Routes of the pressroom page: the listing with its archive and filters, and the journalists' registration."""

import enum
import logging
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseRedirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.listings import ListingPaginator
from portal.ratelimit import RateLimit
from portal.routes import over_rate, render, route_url

from . import emails
from .filters import ReleaseFilter
from .forms import InterviewRequestFormSet, RegistrationForm, StatusLookupForm, WithdrawForm
from .models.conferences import keep_status_fresh
from .models.registration import JournalistRegistration, RegistrationStatusChange, hash_token

logger = logging.getLogger(__name__)


# Listing ------------------------------------------------------------------------------


def pressroom_index(request, page, year=None, month=None):
    if (month is not None and not 1 <= month <= 12) or (year is not None and not 1900 <= year <= 2999):
        raise Http404
    all_releases = page.releases()
    trail = []
    if year is not None:
        trail.append((str(year), route_url(page, "year_archive", year=year)))
        if month is not None:
            period = date_format(date(year, month, 1), "YEAR_MONTH_FORMAT")
            trail.append((period, route_url(page, "month_archive", year=year, month=month)))
    release_filter = ReleaseFilter(request.GET, all_releases)
    releases = release_filter.qs if year is None else release_filter.qs.in_period(year, month)
    # The SQL of what is shown depends on the pressroom, the language and what was chosen (values
    # the filter offers, a period the archive checks), compiled once for each (portal.statements).
    shown = (page.pk, page.path, page.depth, get_language())
    paginator = ListingPaginator(
        releases.defer_streamfields(),
        page.releases_per_page,
        key=("pressroom-releases", *shown, tuple(sorted(release_filter.chosen.items())), year, month),
    )
    releases_page = paginator.get_page(request.GET.get("page"))

    upcoming_conferences, past_conferences = (
        page.conferences().defer("transcript").upcoming_and_past(5, key=("pressroom-conferences", *shown))
    )
    context = {
        "releases": releases_page,
        "archive": [
            {
                "year": entry["month"].year,
                "month": entry["month"].month,
                "date": entry["month"],
                "count": entry["count"],
            }
            for entry in all_releases.months()
        ],
        "filter_form": release_filter.shown_form(),
        "archive_year": year,
        "archive_month": month,
        "archive_period": date(year, month or 1, 1) if year else None,
        "is_filtered": bool(release_filter.chosen or year),
        "upcoming_conferences": upcoming_conferences,
        "past_conferences": past_conferences,
        "faq_page": page.faq_page(),
        "feed_url": route_url(page, "feed"),
        "calendar_url": route_url(page, "calendar"),
        "register_url": route_url(page, "register"),
        "status_url": route_url(page, "status"),
    }
    response = render(request, page, "pressroom/pressroom_page.html", context, trail=trail)
    keep_status_fresh(response, context["upcoming_conferences"])
    return response


# Registration -------------------------------------------------------------------------


def _rate_limited(request, page):
    return render(
        request, page, "pressroom/rate_limited.html", status=429, trail=[(_("Too many requests"), request.path)]
    )


def _declared_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def register(request, page):
    trail = [(_("Register for interviews"), route_url(page, "register"))]
    rate_limited = False
    if request.method == "POST":
        if over_rate(request, "pressroom-register-send", settings.PRESSROOM_REGISTRATION_SEND_RATE):
            return _rate_limited(request, page)
        if _declared_length(request) > settings.PRESSROOM_CREDENTIAL_MAX_BYTES + 1024 * 1024:
            # Far over the file limit: refuse before Django spools the upload to disk.
            return render(request, page, "pressroom/too_large.html", status=413, trail=trail)
        form = RegistrationForm(request.POST, request.FILES)
        formset = InterviewRequestFormSet(request.POST, prefix="interviews")
        if form.is_bot():
            logger.info("Pressroom registration honeypot filled; dropped.")
            return HttpResponseRedirect(route_url(page, "register_sent"))
        outcome = register_once(request, page, form, formset)
        if outcome is Outcome.STORED:
            return HttpResponseRedirect(route_url(page, "register_sent"))
        rate_limited = outcome is Outcome.TOO_MANY
        status = 429 if rate_limited else 400
    else:
        form = RegistrationForm()
        formset = InterviewRequestFormSet(prefix="interviews")
        status = 200
    context = {"form": form, "formset": formset, "rate_limited": rate_limited, "status_url": route_url(page, "status")}
    return render(request, page, "pressroom/register.html", context, status=status, trail=trail, private=True)


class Outcome(enum.Enum):
    STORED = "stored"  # or answered as if stored: every valid form gets the same answer
    INVALID = "invalid"
    TOO_MANY = "too many"  # valid, but this address has registered enough for now


def register_once(request, page, form, formset):
    """Stores the registration, unless an earlier send of this same form was stored (a double
    click, a retry after a slow answer), even one still in progress a moment ago.

    Whatever this address has registered before, a valid form gets the one answer "check your
    email", so that nobody learns from the form whether a named journalist registered; the
    owner of the address learns the rest from the email.
    """
    if not (form.is_valid() and formset.is_valid()):
        return Outcome.INVALID
    if form.already_stored():
        return Outcome.STORED
    if over_rate(request, "pressroom-register", settings.PRESSROOM_REGISTRATION_RATE):
        return Outcome.TOO_MANY
    email = form.cleaned_data["email"]
    emails_to_address = RateLimit("pressroom-register-email", *settings.PRESSROOM_REGISTRATION_EMAIL_RATE)
    if emails_to_address.hit(email) > emails_to_address.limit:
        logger.info("Pressroom registration for an address that had enough emails this hour; dropped.")
        return Outcome.STORED
    for _attempt in range(2):
        try:
            registration = _save_or_tell_owner(page, form, formset)
        except IntegrityError:
            if form.already_stored():
                return Outcome.STORED
            continue  # a registration for the address got in meanwhile: decide again, seeing it
        if registration is not None:
            logger.info("Pressroom registration %s created, awaiting confirmation.", registration.pk)
        return Outcome.STORED
    raise IntegrityError("A pressroom registration kept colliding with another for its address.")


def _save_or_tell_owner(page, form, formset):
    """The new registration; or None when nothing new is stored: this very form was stored by a
    send that finished meanwhile, or the address's registration is already with the press
    officers, whose owner is told by email instead.

    An unconfirmed registration for the address gives way to the new one, so that nobody can hold
    a journalist's address by registering it first: only its owner can confirm either."""
    email = form.cleaned_data["email"]
    with transaction.atomic():
        earlier = list(JournalistRegistration.objects.pending().select_for_update().filter(email=email))
        if form.already_stored():  # a double click's first send, committed since this one began
            return None
        handled = next((r for r in earlier if r.status != JournalistRegistration.Status.UNCONFIRMED), None)
        if handled is not None:
            emails.send_already_registered_email(handled, page)
            return None
        for unconfirmed in earlier:  # expired or not
            unconfirmed.delete_unconfirmed()
        return _save_registration(page, form, formset)


def _save_registration(page, form, formset):
    registration = form.save(commit=False)
    registration.language = get_language()
    registration.consent_at = timezone.now()
    registration.submission_key = form.cleaned_data["submission_key"]
    registration.credential_content_type = form.credential_content_type
    upload = form.cleaned_data["credential_upload"]
    registration.credential.save(upload.name, upload, save=False)
    token = registration.issue_confirmation_token()
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:
        registration.credential.delete(save=False)
        raise
    formset.instance = registration
    formset.save()
    RegistrationStatusChange.objects.create(
        registration=registration, from_status="", to_status=registration.status, changed_at=registration.created_at
    )
    # Queued in the same transaction: the registration and its email are stored together or not at all.
    emails.send_confirmation_email(registration, page, token)
    return registration


def register_sent(request, page):
    trail = [(_("Register for interviews"), route_url(page, "register")), (_("Check your email"), request.path)]
    return render(request, page, "pressroom/register_sent.html", trail=trail)


def register_confirm(request, page, token):
    trail = [(_("Register for interviews"), route_url(page, "register")), (_("Confirm your email"), request.path)]
    registration = JournalistRegistration.objects.filter(
        status=JournalistRegistration.Status.UNCONFIRMED, confirmation_token_hash=hash_token(token[:100])
    ).first()
    if registration is None:
        return render(
            request, page, "pressroom/register_confirm.html", {"invalid": True}, status=404, trail=trail, private=True
        )
    if registration.confirmation_expired():
        return render(
            request, page, "pressroom/register_confirm.html", {"expired": True}, status=410, trail=trail, private=True
        )
    if request.method == "POST":
        registration.change_status(JournalistRegistration.Status.SUBMITTED)
        context = {"confirmed": True, "registration": registration, "status_url": route_url(page, "status")}
        return render(request, page, "pressroom/register_confirm.html", context, trail=trail, private=True)
    return render(request, page, "pressroom/register_confirm.html", {}, trail=trail, private=True)


def _over_reference_rate(form):
    """Counts a lookup against the reference it names: guesses at one reference's email address
    are stopped whichever addresses they come from."""
    reference = str(form.data.get("reference", "")).strip().upper()[:20]
    lookups = RateLimit("pressroom-status-reference", *settings.PRESSROOM_STATUS_REFERENCE_RATE)
    return bool(reference) and lookups.hit(reference) > lookups.limit


def status(request, page):
    trail = [(_("Registration status"), route_url(page, "status"))]
    registration = None
    response_status = 200
    if request.method == "POST":
        form = StatusLookupForm(request.POST)
        if over_rate(request, "pressroom-status", settings.PRESSROOM_STATUS_RATE) or _over_reference_rate(form):
            # Every lookup counts, found or not: the limit is what stops guessing references.
            form.add_error(
                None, _("Many lookups have come from your network in a short time. Please try again in an hour.")
            )
            response_status = 429
        elif form.is_valid():
            registration = form.registration()
            if registration is None:
                form.add_error(None, _("No registration matches this reference number and email address."))
                response_status = 404
            elif request.POST.get("action") == "withdraw" and registration.can_be_withdrawn:
                registration.change_status(
                    JournalistRegistration.Status.WITHDRAWN, reason=_("Withdrawn by the journalist.")
                )
        else:
            response_status = 400
    else:
        form = StatusLookupForm()
    can_withdraw = registration is not None and registration.can_be_withdrawn
    context = {
        "form": form,
        "registration": registration,
        "withdraw_form": WithdrawForm(initial=form.cleaned_data) if can_withdraw else None,
        "register_url": route_url(page, "register"),
    }
    return render(request, page, "pressroom/status.html", context, status=response_status, trail=trail, private=True)
