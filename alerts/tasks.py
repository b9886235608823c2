"""The worker's part: emailing a page's subscribers, and the daily digests, a batch per task.

Each task handles at most ALERTS_BATCH_SIZE subscriptions in one short transaction that also
stores how far it got and queues the next batch, so a publish to thousands of subscribers never
holds a long transaction, and a batch run twice (a retried task) emails nobody twice.
"""

import logging
from datetime import datetime

from django_tasks import task

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.utils import timezone

from wagtail.models import Page

from . import emails
from .models import PageAlert, Subscription

logger = logging.getLogger(__name__)


@task()
def send_page_alerts(alert_id):
    """Emails the next batch of immediate subscribers of the alert's page, then queues the rest."""
    with transaction.atomic():
        alert = PageAlert.objects.select_for_update().filter(pk=alert_id, finished_at__isnull=True).first()
        if alert is None:
            return 0
        page = Page.objects.live().filter(pk=alert.page_id).specific().first()
        batch = []
        if page is not None:  # unpublished meanwhile: the rest are not told
            batch = list(
                Subscription.objects.alerted_of(alert)
                .immediate()
                .filter(pk__gt=alert.sent_up_to)
                .select_related("press_topic", "article_topic")
                .order_by("pk")[: settings.ALERTS_BATCH_SIZE]
            )
            get_connection().send_messages([emails.page_alert(subscription, page) for subscription in batch])
        if len(batch) < settings.ALERTS_BATCH_SIZE:
            alert.finished_at = timezone.now()
        if batch:
            alert.sent_up_to = batch[-1].pk
        alert.save(update_fields=["sent_up_to", "finished_at"])
        if alert.finished_at is None:
            send_page_alerts.enqueue(alert_id)
    return len(batch)


@task()
def send_digests(until):
    """Emails the next batch of daily subscribers still without the digest that ends at `until`
    (ISO date and time): each one the pages of their list and topic alerted since their last."""
    until = datetime.fromisoformat(until)
    with transaction.atomic():
        batch = list(
            Subscription.objects.confirmed()
            .daily()
            .filter(digest_from__lt=until)
            .select_related("press_topic", "article_topic")
            .select_for_update(skip_locked=True, of=("self",))
            .order_by("pk")[: settings.ALERTS_BATCH_SIZE]
        )
        if not batch:
            return 0
        since = min(subscription.digest_from for subscription in batch)
        alerts = list(
            PageAlert.objects.filter(published_at__gte=since, published_at__lt=until).order_by("published_at")
        )
        pages = Page.objects.live().filter(pk__in=[alert.page_id for alert in alerts]).specific().in_bulk()
        messages = []
        for subscription in batch:
            listed = [
                pages[alert.page_id]
                for alert in alerts
                if alert.page_id in pages
                and alert.published_at >= subscription.digest_from
                and alert.concerns(subscription)
            ]
            if listed:
                messages.append(emails.digest(subscription, listed, until))
        get_connection().send_messages(messages)
        Subscription.objects.filter(pk__in=[subscription.pk for subscription in batch]).update(digest_from=until)
        if len(batch) == settings.ALERTS_BATCH_SIZE:
            send_digests.enqueue(until.isoformat())
    logger.info("Daily digests: %d sent to a batch of %d subscribers.", len(messages), len(batch))
    return len(messages)
