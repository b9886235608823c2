"""Journalists' registrations for interviews, their interview requests and the log of status changes."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from .. import emails
from ..storage import private_storage

REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read out over the phone


def new_reference():
    """PR-XXXX-XXXX-XXXX: 12 random symbols of 31, about 59 bits; unguessable, easy to read out."""
    symbols = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(12))
    return f"PR-{symbols[:4]}-{symbols[4:8]}-{symbols[8:]}"


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


def credential_path(instance, filename):
    extension = {"image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf"}.get(
        instance.credential_content_type, "bin"
    )
    return f"credentials/{timezone.now():%Y/%m}/{secrets.token_hex(16)}.{extension}"


class RegistrationQuerySet(models.QuerySet):
    def confirmed(self):
        """Registrations whose email was confirmed: the only ones staff see."""
        return self.exclude(status=JournalistRegistration.Status.UNCONFIRMED)

    def pending(self):
        return self.filter(status__in=JournalistRegistration.PENDING_STATUSES)

    def expired_unconfirmed(self, now=None):
        return self.filter(
            status=JournalistRegistration.Status.UNCONFIRMED,
            created_at__lt=(now or timezone.now()) - timedelta(days=settings.PRESSROOM_CONFIRMATION_DAYS),
        )

    def closed_before(self, moment):
        return self.filter(closed_at__lt=moment, erased_at__isnull=True)


class JournalistRegistration(models.Model):
    # What the journalist tells about themselves, in the order the form asks it.
    DETAIL_FIELDS = (
        "full_name",
        "native_name",
        "outlet",
        "outlet_country",
        "position",
        "nationality",
        "press_card_number",
        "email",
        "phone",
        "wechat_id",
        "working_languages",
    )

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Awaiting email confirmation")
        SUBMITTED = "submitted", _("Submitted")
        UNDER_REVIEW = "under_review", _("Under review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    PENDING_STATUSES = [Status.UNCONFIRMED, Status.SUBMITTED, Status.UNDER_REVIEW]
    CLOSED_STATUSES = [Status.APPROVED, Status.REJECTED, Status.WITHDRAWN]
    # What a press officer may set, from each status.
    TRANSITIONS = {
        Status.SUBMITTED: [Status.UNDER_REVIEW, Status.APPROVED, Status.REJECTED, Status.WITHDRAWN],
        Status.UNDER_REVIEW: [Status.APPROVED, Status.REJECTED, Status.WITHDRAWN],
        Status.APPROVED: [Status.WITHDRAWN],
        Status.REJECTED: [Status.UNDER_REVIEW],
        Status.WITHDRAWN: [],
        Status.UNCONFIRMED: [],
    }

    reference = models.CharField(_("reference"), max_length=20, unique=True, default=new_reference, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.UNCONFIRMED, db_index=True
    )
    rejection_reason = models.TextField(_("reason for rejection"), max_length=1000, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="en")

    full_name = models.CharField(_("full name"), max_length=150)
    native_name = models.CharField(_("name in native script"), max_length=150, blank=True)
    outlet = models.CharField(_("media outlet"), max_length=200)
    outlet_country = models.CharField(_("outlet's country or region"), max_length=100)
    position = models.CharField(_("position"), max_length=100)
    nationality = models.CharField(_("nationality"), max_length=100)
    press_card_number = models.CharField(_("press card number"), max_length=60)
    email = models.EmailField(_("email"), max_length=254, db_index=True)
    phone = models.CharField(_("telephone"), max_length=40)
    wechat_id = models.CharField(_("WeChat ID"), max_length=60, blank=True)
    working_languages = models.CharField(_("working languages"), max_length=200)
    credential = models.FileField(_("press card scan"), storage=private_storage, upload_to=credential_path, blank=True)
    credential_content_type = models.CharField(_("press card file type"), max_length=40, blank=True, editable=False)
    consent_at = models.DateTimeField(_("consent given"), null=True, editable=False)
    submission_key = models.UUIDField(_("submission key"), null=True, blank=True, unique=True, editable=False)

    confirmation_token_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("registered"), default=timezone.now, editable=False, db_index=True)
    confirmed_at = models.DateTimeField(_("email confirmed"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("journalist registration")
        verbose_name_plural = _("journalist registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["email"],
                condition=Q(status__in=["unconfirmed", "submitted", "under_review"]),
                name="pressroom_one_pending_registration_per_email",
            )
        ]

    def __str__(self):
        return f"{self.reference} {self.full_name}".strip()

    @property
    def name_in_emails(self):
        """The name our emails greet: one short line, whatever was stored (an email carries no
        other text a visitor typed)."""
        return Truncator(" ".join(self.full_name.split())).chars(60)

    @property
    def is_pending(self):
        return self.status in self.PENDING_STATUSES

    def allowed_statuses(self):
        return self.TRANSITIONS.get(self.status, [])

    @property
    def can_be_withdrawn(self):
        """Whether the journalist may still withdraw it: where TRANSITIONS allows it."""
        return self.Status.WITHDRAWN in self.allowed_statuses()

    def issue_confirmation_token(self):
        token = secrets.token_urlsafe(32)
        self.confirmation_token_hash = hash_token(token)
        return token

    def confirmation_expired(self, now=None):
        return (now or timezone.now()) > self.created_at + timedelta(days=settings.PRESSROOM_CONFIRMATION_DAYS)

    def change_status(self, new_status, by=None, reason="", notify=True):
        """Move to `new_status`, log who and when, and email the journalist in their language."""
        old_status = self.status
        with transaction.atomic():
            self.status = new_status
            if new_status == self.Status.REJECTED:
                self.rejection_reason = reason
            now = timezone.now()
            if new_status == self.Status.SUBMITTED and self.confirmed_at is None:
                self.confirmed_at = now
                self.confirmation_token_hash = ""
            self.closed_at = now if new_status in self.CLOSED_STATUSES else None
            self.save()
            RegistrationStatusChange.objects.create(
                registration=self,
                from_status=old_status,
                to_status=new_status,
                changed_by=by,
                changed_at=now,
                note=reason,
            )
            if notify:
                emails.send_status_email(self)

    def delete_unconfirmed(self):
        """Removes a registration whose email was never confirmed, with its scan."""
        assert self.status == self.Status.UNCONFIRMED
        if self.credential:
            self.credential.delete(save=False)
        self.delete()

    def erase_personal_data(self):
        """Blank everything that identifies the journalist; status, language and dates remain."""
        if self.credential:
            self.credential.delete(save=False)
        # The outlet's country stays, for the anonymous counts by country.
        personal = [field for field in self.DETAIL_FIELDS if field != "outlet_country"]
        for field in (*personal, "rejection_reason", "credential_content_type", "confirmation_token_hash"):
            setattr(self, field, "")
        self.credential = ""
        self.erased_at = timezone.now()
        self.save()
        self.interview_requests.update(topic="", agencies_wished="", preferred_dates="", notes="")
        self.status_changes.update(note="")


class InterviewRequest(models.Model):
    registration = models.ForeignKey(
        JournalistRegistration,
        on_delete=models.CASCADE,
        related_name="interview_requests",
        verbose_name=_("registration"),
    )
    topic = models.CharField(_("topic"), max_length=200)
    agencies_wished = models.CharField(_("agencies you wish to interview"), max_length=300, blank=True)
    preferred_dates = models.CharField(_("preferred dates"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), max_length=2000, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("interview request")
        verbose_name_plural = _("interview requests")

    def __str__(self):
        return self.topic


class RegistrationStatusChange(models.Model):
    registration = models.ForeignKey(
        JournalistRegistration, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("registration")
    )
    from_status = models.CharField(_("from"), max_length=20, choices=JournalistRegistration.Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=JournalistRegistration.Status.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"
