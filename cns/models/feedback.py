"""Resident feedback ("Your voice matters"): stored for staff to triage, never shown publicly."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .directory import FeedbackTopic, Township

MESSAGE_MAX_LENGTH = 3000
MESSAGE_MIN_LENGTH = 10


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
    language = models.CharField(_("language"), max_length=10, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    staff_note = models.TextField(_("staff note"), blank=True)
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
