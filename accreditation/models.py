"""Accreditation per press conference: its settings (deadline, quota, who may apply, notes for the
accredited) and the journalists' applications, taken in order, with a waiting list past the quota.

How applications move through the queue is in `accreditation.queue`.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel


class MediaCategory(models.TextChoices):
    FOREIGN = "foreign", _("Foreign media")
    HONG_KONG_MACAO_TAIWAN = "hk_macao_taiwan", _("Media from Hong Kong, Macao and Taiwan")
    MAINLAND = "mainland", _("Media from the Chinese mainland")


# The field of Accreditation that lets each category apply.
CATEGORY_FIELDS = {
    MediaCategory.FOREIGN: "foreign_media",
    MediaCategory.HONG_KONG_MACAO_TAIWAN: "hk_macao_taiwan_media",
    MediaCategory.MAINLAND: "mainland_media",
}


class AccreditationQuerySet(models.QuerySet):
    def with_counts(self):
        holding = Q(applications__state__in=Application.HOLDING_STATES)
        waiting = Q(applications__state=Application.State.WAITING)
        return self.annotate(
            holding_count=models.Count("applications", filter=holding),
            waiting_count=models.Count("applications", filter=waiting),
        )


class Accreditation(models.Model):
    """Accreditation opened on one press conference."""

    conference = models.OneToOneField(
        "pressroom.PressConferencePage",
        on_delete=models.CASCADE,
        related_name="accreditation",
        verbose_name=_("press conference"),
    )
    deadline = models.DateTimeField(
        _("deadline"), help_text=_("Beijing time. The form closes by itself at this moment.")
    )
    quota = models.PositiveSmallIntegerField(
        _("places"),
        help_text=_(
            "Journalists accredited at most. Later applications go on a waiting list; a place freed by a "
            "rejection or a withdrawal goes to the next one on it."
        ),
    )
    foreign_media = models.BooleanField(_("Foreign media"), default=True)
    hk_macao_taiwan_media = models.BooleanField(_("Media from Hong Kong, Macao and Taiwan"), default=True)
    mainland_media = models.BooleanField(_("Media from the Chinese mainland"), default=False)
    notes = models.TextField(
        _("notes for accredited journalists"),
        blank=True,
        help_text=_("Sent with each approval and shown on the status page: arrival time, documents to bring."),
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)

    objects = AccreditationQuerySet.as_manager()

    panels = [
        FieldPanel("conference"),
        FieldRowPanel([FieldPanel("deadline"), FieldPanel("quota")]),
        MultiFieldPanel(
            [FieldPanel("foreign_media"), FieldPanel("hk_macao_taiwan_media"), FieldPanel("mainland_media")],
            heading=_("Who may apply"),
        ),
        FieldPanel("notes"),
    ]

    class Meta:
        ordering = ["deadline"]
        verbose_name = _("accreditation")
        verbose_name_plural = _("accreditations")
        constraints = [models.CheckConstraint(condition=Q(quota__gte=1), name="accreditation_quota_positive")]

    def __str__(self):
        return str(self.conference.title) if self.conference_id else str(_("accreditation"))

    def save(self, *args, **kwargs):
        # A deadline moved later opens the form again; the clock closes it at the new one.
        if self.deadline and self.deadline > timezone.now():
            self.closed_at = None
        super().save(*args, **kwargs)

    def clean(self):
        if not self.categories():
            raise ValidationError(_("Choose who may apply."))
        conference = self.conference if self.conference_id else None
        if conference is not None and self.deadline and self.deadline > conference.start:
            raise ValidationError({"deadline": _("The deadline must come before the conference starts.")})

    def categories(self):
        """The media categories that may apply, as (value, label) choices."""
        return [(value, label) for value, label in MediaCategory.choices if getattr(self, CATEGORY_FIELDS[value])]

    def is_open(self, now=None):
        return (now or timezone.now()) < self.deadline

    def places_left(self):
        """Free places, from the count the queryset's `with_counts()` annotated or from the database."""
        holding = getattr(self, "holding_count", None)
        if holding is None:
            holding = self.applications.holding().count()
        return max(self.quota - holding, 0)


class ApplicationQuerySet(models.QuerySet):
    def holding(self):
        """Applications that take one of the places: within the quota, or approved."""
        return self.filter(state__in=Application.HOLDING_STATES)

    def live(self):
        return self.filter(state__in=Application.LIVE_STATES)

    def reviewable(self):
        """What press officers see: applications whose registration's email was confirmed."""
        return self.exclude(state=Application.State.UNCONFIRMED)

    def in_order(self):
        return self.order_by(models.F("position").asc(nulls_last=True), "created_at", "pk")

    def with_waiting_rank(self):
        """Annotates `waiting_rank`: 1 for the next one on its waiting list (one query for any number)."""
        ahead = (
            Application.objects.filter(
                accreditation=models.OuterRef("accreditation"),
                state=Application.State.WAITING,
                position__lte=models.OuterRef("position"),
            )
            .order_by()
            .values("accreditation")
            .annotate(count=models.Count("pk"))
            .values("count")
        )
        return self.annotate(waiting_rank=models.Subquery(ahead, output_field=models.IntegerField()))


class Application(models.Model):
    """A journalist's application for one conference's accreditation."""

    class State(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Awaiting email confirmation")
        PLACED = "placed", _("Within the places, awaiting review")
        WAITING = "waiting", _("On the waiting list")
        APPROVED = "approved", _("Accredited")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    HOLDING_STATES = [State.PLACED, State.APPROVED]
    LIVE_STATES = [State.UNCONFIRMED, State.PLACED, State.WAITING, State.APPROVED]
    # What a press officer may set, from each state (a place freed goes to the waiting list).
    TRANSITIONS = {
        State.PLACED: [State.APPROVED, State.REJECTED, State.WITHDRAWN],
        State.WAITING: [State.REJECTED, State.WITHDRAWN],
        State.APPROVED: [State.WITHDRAWN],
        State.UNCONFIRMED: [],
        State.REJECTED: [],
        State.WITHDRAWN: [],
    }

    accreditation = models.ForeignKey(
        Accreditation, on_delete=models.PROTECT, related_name="applications", verbose_name=_("accreditation")
    )
    registration = models.ForeignKey(
        "pressroom.JournalistRegistration",
        on_delete=models.CASCADE,
        related_name="accreditation_applications",
        verbose_name=_("registration"),
    )
    state = models.CharField(_("state"), max_length=20, choices=State.choices, default=State.UNCONFIRMED, db_index=True)
    position = models.PositiveIntegerField(
        _("order of arrival"), null=True, blank=True, editable=False, help_text=_("Set when it enters the queue.")
    )
    media_category = models.CharField(_("media category"), max_length=20, choices=MediaCategory.choices)
    note = models.TextField(_("note to the press officers"), max_length=1000, blank=True)
    rejection_reason = models.TextField(_("reason for rejection"), max_length=1000, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="en")
    created_at = models.DateTimeField(_("applied"), default=timezone.now, editable=False)
    queued_at = models.DateTimeField(_("entered the queue"), null=True, blank=True, editable=False)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
        editable=False,
    )
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True, editable=False)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["accreditation", "position", "pk"]
        verbose_name = _("accreditation application")
        verbose_name_plural = _("accreditation applications")
        constraints = [
            models.UniqueConstraint(
                fields=["accreditation", "registration"],
                condition=Q(state__in=["unconfirmed", "placed", "waiting", "approved"]),
                name="accreditation_one_live_application_per_registration",
            ),
            models.UniqueConstraint(fields=["accreditation", "position"], name="accreditation_one_position"),
        ]

    def __str__(self):
        return f"{self.registration.reference} · {self.accreditation}"

    @property
    def is_live(self):
        return self.state in self.LIVE_STATES

    def allowed_states(self):
        return self.TRANSITIONS.get(self.state, [])

    @property
    def can_be_withdrawn(self):
        return self.State.WITHDRAWN in self.allowed_states()
