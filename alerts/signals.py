"""A page of a list, published live for the first time, is announced to its subscribers."""

import logging

from django.db import transaction
from django.dispatch import receiver

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published

from .lists import list_of_page
from .models import PageAlert
from .tasks import send_page_alerts

logger = logging.getLogger(__name__)


def is_first_publication(page):
    # Wagtail sets both to the same moment when a page first goes live; a re-publish (or a
    # page unpublished and published again) moves only last_published_at.
    return page.first_published_at is not None and page.first_published_at == page.last_published_at


def is_public(page):
    return not PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True)).exists()


@receiver(page_published, dispatch_uid="alerts-page-published")
def announce_published_page(sender, instance, **kwargs):
    # Also sent when a page is only scheduled (not live yet): it is announced when it goes live.
    # An alias shows a page announced already.
    alert_list = list_of_page(instance)
    if alert_list is None or instance.alias_of_id or not instance.live or not is_first_publication(instance):
        return
    if not is_public(instance):
        return
    with transaction.atomic():
        alert, created = PageAlert.objects.get_or_create(
            page_id=instance.pk,
            defaults={
                "list_key": alert_list.key,
                "topic_ids": alert_list.page_topic_ids(instance),
                "published_at": instance.last_published_at,
            },
        )
        if created:
            # Stored with the publication: the worker emails its subscribers, a batch per task.
            send_page_alerts.enqueue(alert.pk)
            logger.info("Page %s announced to the %s list.", instance.pk, alert_list.key)
