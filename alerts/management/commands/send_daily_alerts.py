"""The alerts' daily job (settings.CLOCK_JOBS, just after midnight, Beijing time).

Queues the daily digests of the day that has just ended (the worker sends them in batches;
each subscriber's digest covers the pages since their last one, so a second run the same day
sends nothing), deletes unconfirmed subscriptions whose link has expired, and forgets
announcements no digest needs any more.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from alerts.models import PageAlert, Subscription
from alerts.tasks import send_digests

KEEP_ANNOUNCEMENTS_DAYS = 14


class Command(BaseCommand):
    help = "Queues the daily alert digests and purges expired unconfirmed subscriptions."

    def handle(self, *args, **options):
        now = timezone.now()
        until = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
        purged, _by_model = Subscription.objects.expired_unconfirmed(now).delete()
        PageAlert.objects.filter(published_at__lt=until - timedelta(days=KEEP_ANNOUNCEMENTS_DAYS)).delete()
        send_digests.enqueue(until.isoformat())
        self.stdout.write(
            f"Digests up to {until.isoformat()} queued; {purged} expired unconfirmed subscription(s) deleted."
        )
