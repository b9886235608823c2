"""Notices to feedback handlers: a new message waits. Sent through the mail queue (portal.mail),
so the resident's answer never waits for the mail server."""

from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from portal.localtime import with_zone

from .roles import FEEDBACK_HANDLERS


def handler_addresses_by_language():
    """{language: [email, ...]} of the active handlers: the language each chose for the admin,
    or the site's default where none is chosen."""
    known = {code for code, _name in settings.LANGUAGES}
    handlers = (
        get_user_model()
        .objects.filter(groups__name=FEEDBACK_HANDLERS.name, is_active=True)
        .exclude(email="")
        .values_list("email", "wagtail_userprofile__preferred_language")
        .distinct()
    )
    addresses = defaultdict(list)
    for email, language in handlers:
        addresses[language if language in known else settings.LANGUAGE_CODE].append(email)
    return addresses


def notify_handlers(feedback):
    """Tells every handler, in their own language, that `feedback` arrived; no personal data
    (the message, the resident's name and address stay in the admin)."""
    admin_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("cns_feedback:edit", args=[feedback.pk])
    for language, recipients in handler_addresses_by_language().items():
        with translation.override(language):
            context = {
                "feedback": feedback,
                "topic": str(feedback.topic),
                "township": str(feedback.township) if feedback.township_id else "",
                "received": with_zone(feedback.created_at),
                "admin_url": admin_url,
            }
            body = render_to_string("cns/emails/handler_notice.txt", context)
            subject = _("New resident feedback: %(topic)s") % {"topic": context["topic"]}
        # One message per handler: no one sees the others' addresses.
        for recipient in recipients:
            send_mail(subject, body, None, [recipient])
