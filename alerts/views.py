"""The public side of the alerts: subscribe, confirm (double opt-in), manage, unsubscribe.

Every answer is private (forms with CSRF tokens, or about one subscriber) and never cached.
"""

import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from wagtail.models import Site

from portal.ratelimit import RateLimit
from portal.routes import over_rate

from . import emails
from .forms import ManageForm, SubscribeForm
from .lists import LISTS
from .models import Subscription, hash_token

logger = logging.getLogger(__name__)


def _render(request, template, context=None, *, status=200, trail=()):
    site = Site.find_for_request(request)
    home = site.root_page if site else None
    crumbs = [(home.title, home.url)] if home else []
    crumbs.append((_("Email alerts"), reverse("alerts:subscribe")))
    response = render(request, template, {"breadcrumb_trail": crumbs + list(trail), **(context or {})}, status=status)
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    status, rate_limited = 200, False
    if request.method == "POST":
        form = SubscribeForm(request.POST)
        if over_rate(request, "alerts-subscribe", settings.ALERTS_SUBSCRIBE_RATE):
            form.full_clean()  # the visitor's choices are shown again, with the reason
            status, rate_limited = 429, True
        elif form.is_bot():
            logger.info("Alert subscription honeypot filled; dropped.")
            return HttpResponseRedirect(reverse("alerts:sent"))
        elif form.is_valid():
            if not form.already_stored():
                _subscribe(form)
            return HttpResponseRedirect(reverse("alerts:sent"))
        else:
            status = 400
    else:
        # Links from a section choose its list (and topic): ?list=news&topic=news:<slug>
        chosen = request.GET.get("list")
        initial = {"list_key": chosen, "topic": request.GET.get("topic", "")} if chosen in LISTS else {}
        form = SubscribeForm(initial=initial)
    return _render(request, "alerts/subscribe.html", {"form": form, "rate_limited": rate_limited}, status=status)


def _subscribe(form):
    """Stores an unconfirmed subscription and emails its confirmation link; or, when the address
    is already on the list, tells its owner so by email. Every valid form gets the same answer."""
    email, alert_list = form.cleaned_data["email"], form.alert_list
    emails_to_address = RateLimit("alerts-subscribe-email", *settings.ALERTS_SUBSCRIBE_EMAIL_RATE)
    if emails_to_address.hit(email) > emails_to_address.limit:
        logger.info("Alert subscription for an address that had enough emails this hour; dropped.")
        return
    for _attempt in range(2):
        try:
            with transaction.atomic():
                earlier = Subscription.objects.select_for_update().filter(email=email, list_key=alert_list.key).first()
                if earlier is not None and earlier.confirmed_at:
                    emails.send_already_subscribed(earlier)
                    return
                if earlier is not None:
                    # Unconfirmed: gives way, so nobody holds an address by subscribing it first.
                    earlier.delete()
                subscription = Subscription(
                    email=email,
                    list_key=alert_list.key,
                    frequency=form.cleaned_data["frequency"],
                    language=get_language(),
                    submission_key=form.cleaned_data["submission_key"],
                )
                subscription.topic = form.cleaned_data["topic"]
                token = subscription.issue_confirmation_token()
                subscription.save()
                # Queued in the same transaction: the subscription and its email, or neither.
                emails.send_confirmation(subscription, token)
                return
        except IntegrityError:
            if form.already_stored():
                return
    raise IntegrityError("An alert subscription kept colliding with another for its address.")


def sent(request):
    return _render(request, "alerts/sent.html", trail=[(_("Check your email"), request.path)])


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    trail = [(_("Confirm your email"), request.path)]
    subscription = Subscription.objects.unconfirmed().filter(confirmation_token_hash=hash_token(token[:100])).first()
    if subscription is None:
        return _render(request, "alerts/confirm.html", {"invalid": True}, status=404, trail=trail)
    if subscription.confirmation_expired():
        return _render(request, "alerts/confirm.html", {"expired": True}, status=410, trail=trail)
    if request.method == "POST":  # a button, not the link itself: mail scanners open links
        subscription.confirm()
        logger.info("Alert subscription %s confirmed.", subscription.pk)
        context = {"confirmed": True, "subscription": subscription, "manage_url": _manage_url(subscription)}
        return _render(request, "alerts/confirm.html", context, trail=trail)
    return _render(request, "alerts/confirm.html", {"subscription": subscription}, trail=trail)


def _manage_url(subscription):
    return reverse("alerts:manage", args=[subscription.manage_token])


@require_http_methods(["GET", "HEAD", "POST"])
def manage(request, token):
    trail = [(_("Your subscription"), request.path)]
    _valid, subscription = Subscription.objects.by_manage_token(token)
    if subscription is None:
        return _render(request, "alerts/gone.html", status=404, trail=trail)
    status, saved = 200, False
    if request.method == "POST":
        form = ManageForm(request.POST, subscription=subscription)
        if form.is_valid():
            _save_choices(subscription, form.cleaned_data)
            form = ManageForm(subscription=subscription)
            saved = True
        else:
            status = 400
    else:
        form = ManageForm(subscription=subscription)
    context = {
        "form": form,
        "subscription": subscription,
        "saved": saved,
        "unsubscribe_url": reverse("alerts:unsubscribe", args=[token]),
    }
    return _render(request, "alerts/manage.html", context, status=status, trail=trail)


def _save_choices(subscription, choices):
    if choices["frequency"] == Subscription.Frequency.DAILY and subscription.frequency != choices["frequency"]:
        subscription.digest_from = timezone.now()  # the pages emailed one by one until now are not listed again
    subscription.frequency = choices["frequency"]
    if "topic" in choices:
        subscription.topic = choices["topic"]
    subscription.save(update_fields=["frequency", "press_topic", "article_topic", "digest_from"])


# CSRF-exempt: mail programs send RFC 8058's one-click POST with no cookie or token; the signed
# link is what authenticates it, and all it can do is unsubscribe its own subscription.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    trail = [(_("Unsubscribe"), request.path)]
    valid, subscription = Subscription.objects.by_manage_token(token)
    if not valid:
        return _render(request, "alerts/gone.html", status=404, trail=trail)
    if request.method == "POST":
        if subscription is not None:
            pk = subscription.pk
            subscription.delete()  # the address goes with it
            logger.info("Alert subscription %s unsubscribed and erased.", pk)
        return _render(request, "alerts/unsubscribed.html", trail=trail)
    if subscription is None:  # a link followed again after unsubscribing
        return _render(request, "alerts/unsubscribed.html", trail=trail)
    return _render(request, "alerts/unsubscribe.html", {"subscription": subscription}, trail=trail)
