"""Subscriptions to email alerts, and the pages they have been alerted of.

A subscription is one address on one list (optionally narrowed to one topic), in one language,
sent each page at once or in a daily digest. It exists unconfirmed until its owner opens the
link we email (double opt-in) and is deleted, address and all, when they unsubscribe.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .lists import LIST_CHOICES, LISTS, TOPIC_FIELDS

# Links to manage or leave a subscription are its random key signed with SECRET_KEY: the
# database alone (a backup, a replica) holds no working link, and the key alone is no link.
_SIGNING_SALT = "alerts.subscription"


def new_key():
    return secrets.token_hex(16)


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


def _signer():
    return signing.Signer(salt=_SIGNING_SALT, sep=".")


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed(self):
        return self.filter(confirmed_at__isnull=True)

    def expired_unconfirmed(self, now=None):
        cutoff = (now or timezone.now()) - timedelta(days=settings.ALERTS_CONFIRMATION_DAYS)
        return self.unconfirmed().filter(created_at__lt=cutoff)

    def immediate(self):
        return self.filter(frequency=Subscription.Frequency.IMMEDIATE)

    def daily(self):
        return self.filter(frequency=Subscription.Frequency.DAILY)

    def alerted_of(self, alert):
        """Confirmed subscriptions to the list of `alert` (a PageAlert) for which its page is news:
        the whole list, or the topic, when the page is filed under it."""
        alert_list = LISTS[alert.list_key]
        matching = Q(**{f"{field}__isnull": True for field in TOPIC_FIELDS})
        if alert_list.topic_field and alert.topic_ids:
            matching |= Q(**{f"{alert_list.topic_field}__in": alert.topic_ids})
        return self.confirmed().filter(matching, list_key=alert.list_key, confirmed_at__lte=alert.published_at)

    def by_manage_token(self, token):
        """(whether `token` is a link we made, the confirmed subscription it names or None)."""
        try:
            key = _signer().unsign(str(token)[:200])
        except signing.BadSignature:
            return False, None
        return True, self.confirmed().filter(key=key).first()


class Subscription(models.Model):
    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("As soon as a page is published")
        DAILY = "daily", _("Once a day, in one email")

    email = models.EmailField(_("email"), max_length=254)
    list_key = models.CharField(_("list"), max_length=20, choices=LIST_CHOICES)
    # A topic deleted by editors takes its subscriptions with it, rather than widen them to the whole list.
    press_topic = models.ForeignKey(
        "pressroom.PressTopic",
        verbose_name=_("press topic"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    article_topic = models.ForeignKey(
        "cns.ArticleTopic",
        verbose_name=_("article topic"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    frequency = models.CharField(_("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="en")

    key = models.CharField(max_length=32, unique=True, default=new_key, editable=False)
    confirmation_token_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(_("subscribed"), default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, editable=False)
    # The daily digest covers the pages alerted from this moment on (then the next digest's start).
    digest_from = models.DateTimeField(null=True, blank=True, editable=False)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["list_key", "email"]
        verbose_name = _("alert subscription")
        verbose_name_plural = _("alert subscriptions")
        constraints = [
            models.UniqueConstraint(fields=["email", "list_key"], name="alerts_one_subscription_per_list"),
            models.CheckConstraint(
                condition=Q(press_topic__isnull=True) | Q(list_key="releases"), name="alerts_press_topic_of_releases"
            ),
            models.CheckConstraint(
                condition=Q(article_topic__isnull=True) | Q(list_key="news"), name="alerts_article_topic_of_news"
            ),
        ]
        indexes = [models.Index(fields=["list_key", "frequency", "confirmed_at"], name="alerts_sub_recipients")]

    def __str__(self):
        return f"{self.email} ({self.get_list_key_display()})"

    @property
    def alert_list(self):
        return LISTS[self.list_key]

    @property
    def topic(self):
        field = self.alert_list.topic_field
        return getattr(self, field) if field else None

    @property
    def topic_pk(self):
        field = self.alert_list.topic_field
        return getattr(self, f"{field}_id") if field else None

    @topic.setter
    def topic(self, topic):
        for field in TOPIC_FIELDS:
            setattr(self, field, None)
        if topic is not None:
            setattr(self, self.alert_list.topic_field, topic)

    def issue_confirmation_token(self):
        token = secrets.token_urlsafe(32)
        self.confirmation_token_hash = hash_token(token)
        return token

    def confirmation_expired(self, now=None):
        return self.created_at < (now or timezone.now()) - timedelta(days=settings.ALERTS_CONFIRMATION_DAYS)

    def confirm(self, now=None):
        now = now or timezone.now()
        self.confirmed_at = now
        self.digest_from = now
        self.confirmation_token_hash = ""
        self.submission_key = None
        self.save(update_fields=["confirmed_at", "digest_from", "confirmation_token_hash", "submission_key"])

    @property
    def manage_token(self):
        return _signer().sign(self.key)


class PageAlert(models.Model):
    """A page announced to a list, once: at its first publication (not a re-publish, not a
    scheduled page before it goes live). Immediate subscribers are emailed in batches, in the
    order of their ids: `sent_up_to` is the last one reached; the daily digest lists the day's."""

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    list_key = models.CharField(max_length=20, choices=LIST_CHOICES)
    topic_ids = models.JSONField(default=list, blank=True)
    published_at = models.DateTimeField(default=timezone.now, db_index=True)
    sent_up_to = models.BigIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["published_at"]

    def __str__(self):
        return f"{self.list_key} {self.page_id}"

    def concerns(self, subscription):
        """Whether this alert is for `subscription` (its list, and its topic if it has one)."""
        topic = subscription.topic_pk
        return self.list_key == subscription.list_key and (topic is None or topic in self.topic_ids)
