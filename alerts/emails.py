"""The emails of the alerts, each in the language of its subscription.

Every email about a confirmed subscription carries a link to manage it and the one-click
unsubscribe of RFC 8058 (`List-Unsubscribe` with `List-Unsubscribe-Post`), which mail programs
show as an "Unsubscribe" button. They are sent through Django's mail API, so the site's
queue stores each one and the worker delivers it.
"""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from .lists import list_of_page

SUMMARY_CHARACTERS = 300


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def page_url(page):
    """The page's address in the active language."""
    parts = page.get_url_parts()
    return absolute_url(parts[2]) if parts else ""


def _links(subscription):
    token = subscription.manage_token
    return {
        "manage_url": absolute_url(reverse("alerts:manage", args=[token])),
        "unsubscribe_url": absolute_url(reverse("alerts:unsubscribe", args=[token])),
    }


def _subject(text):
    return Truncator(" ".join(str(text).split())).chars(150)


def _message(subscription, subject, template, context, *, unsubscribe=True):
    """An email to the subscription's address, rendered in the active language."""
    context = {
        "subscription": subscription,
        "alert_list": subscription.alert_list,
        "topic": subscription.topic,
        **context,
    }
    headers = {"Auto-Submitted": "auto-generated"}
    if unsubscribe:
        links = _links(subscription)
        context.update(links)
        headers["List-Unsubscribe"] = f"<{links['unsubscribe_url']}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    body = render_to_string(f"alerts/emails/{template}.txt", context)
    return EmailMessage(_subject(subject), body, None, [subscription.email], headers=headers)


def item(page):
    """What an email says of one page: title, date, summary and address, in the active language."""
    alert_list = list_of_page(page)
    if hasattr(page, "start"):
        when = date_format(timezone.localtime(page.start), "DATETIME_FORMAT")
    else:
        when = date_format(page.date, "DATE_FORMAT")
    summary = getattr(page, alert_list.summary_field, "") if alert_list else ""
    return {
        "title": " ".join(page.title.split()),
        "when": when,
        "summary": Truncator(" ".join((summary or "").split())).chars(SUMMARY_CHARACTERS),
        "url": page_url(page),
    }


def send_confirmation(subscription, token):
    with translation.override(subscription.language):
        context = {
            "confirm_url": absolute_url(reverse("alerts:confirm", args=[token])),
            "days": settings.ALERTS_CONFIRMATION_DAYS,
        }
        subject = _("Confirm your email alerts from the Information Office")
        _message(subscription, subject, "confirm", context, unsubscribe=False).send()


def send_already_subscribed(subscription):
    """Tells the owner of an address that someone subscribed it again to a list it is on: the
    form answers everyone alike, whether or not the address was subscribed."""
    with translation.override(subscription.language):
        subject = _("You already receive these email alerts")
        _message(subscription, subject, "already_subscribed", {}).send()


def page_alert(subscription, page):
    """The email announcing `page` to one subscriber (not sent: the caller sends a batch)."""
    with translation.override(subscription.language):
        entry = item(page)
        subject = _("%(kind)s: %(title)s") % {"kind": subscription.alert_list.item_label, "title": entry["title"]}
        return _message(subscription, subject, "alert", {"item": entry})


def digest(subscription, pages, until):
    """The daily email listing `pages`, published in the day that ends at `until`."""
    with translation.override(subscription.language):
        day = date_format(timezone.localtime(until - timedelta(seconds=1)).date(), "DATE_FORMAT")
        subject = _("%(list)s of %(day)s") % {"list": subscription.alert_list.label, "day": day}
        return _message(subscription, subject, "digest", {"items": [item(page) for page in pages], "day": day})
