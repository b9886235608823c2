"""Resident feedback ("Your voice matters"): stored for staff to triage, never shown publicly.

Feedback handlers (the "CNS feedback handlers" group) read it in the admin, assign a message to
one of them and keep internal notes on it; each is told by email of every new message.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from .. import emails
from ..roles import FEEDBACK_HANDLERS
from .directory import FeedbackTopic, Township

MESSAGE_MAX_LENGTH = 3000
MESSAGE_MIN_LENGTH = 10
NOTE_MAX_LENGTH = 2000
EXCERPT_LENGTH = 90


class Feedback(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in-progress", _("In progress")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    topic = models.ForeignKey(FeedbackTopic, verbose_name=_("topic"), on_delete=models.PROTECT, related_name="feedback")
    township = models.ForeignKey(
        Township, verbose_name=_("township"), null=True, blank=True, on_delete=models.SET_NULL, related_name="feedback"
    )
    message = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    name = models.CharField(_("name"), max_length=100, blank=True)
    email = models.EmailField(_("email"), max_length=200, blank=True)
    consent = models.BooleanField(_("consent to be contacted and to the use of this message"), default=False)
    # The language of the page the resident wrote from.
    language = models.CharField(_("language"), max_length=10, blank=True, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"groups__name": FEEDBACK_HANDLERS.name, "is_active": True},
        help_text=_("The feedback handler who answers this message."),
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Issued with the form and sent back with it: the same submission sent twice (a double
    # click, a browser or network retry) is stored once.
    submission_key = models.UUIDField(_("submission key"), null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("resident feedback")
        verbose_name_plural = _("resident feedback")

    def __str__(self):
        if self.created_at is None:
            return str(self.topic)
        return f"{self.topic} · {timezone.localtime(self.created_at):%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        # The handlers' notice is queued in the same transaction as the message (portal.mail):
        # stored once, and only if the message is.
        is_new = self._state.adding
        super().save(*args, **kwargs)
        if is_new:
            emails.notify_handlers(self)

    @property
    def excerpt(self):
        """The start of the message on one line, for the list."""
        return Truncator(" ".join(self.message.split())).chars(EXCERPT_LENGTH)

    excerpt.fget.short_description = _("Message")


class FeedbackNote(models.Model):
    """An internal note of staff on a message: who wrote it, and when. Never shown to the resident."""

    feedback = models.ForeignKey(
        Feedback, verbose_name=_("resident feedback"), on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("written at"), default=timezone.now)
    text = models.TextField(_("note"), max_length=NOTE_MAX_LENGTH)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")

    def __str__(self):
        return Truncator(self.text).chars(60)
