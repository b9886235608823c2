"""Erase the personal data of journalist registrations closed long enough ago.

Run it daily (cron or a scheduled job):  python manage.py erase_closed_registrations
Registrations approved, rejected or withdrawn more than --days ago (PRESSROOM_RETENTION_DAYS,
365 by default) lose every personal field and their press-card file; their status, language,
dates and number of interview requests stay, so the counts remain. Unconfirmed registrations
whose confirmation link has expired never reached staff and are deleted outright.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from pressroom.models import JournalistRegistration


class Command(BaseCommand):
    help = "Erases personal data of journalist registrations closed more than --days ago."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.PRESSROOM_RETENTION_DAYS,
            help="Keep closed registrations' personal data this many days (default: PRESSROOM_RETENTION_DAYS).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Only count what would be erased.")

    def handle(self, *args, days, dry_run, **options):
        if days < 0:
            raise CommandError("--days must be zero or more.")
        now = timezone.now()
        closed = JournalistRegistration.objects.closed_before(now - timedelta(days=days))
        expired = JournalistRegistration.objects.expired_unconfirmed(now)
        closed_count, expired_count = closed.count(), expired.count()
        if not dry_run:
            for registration in closed.iterator():
                with transaction.atomic():
                    registration.erase_personal_data()
            for registration in expired.iterator():
                with transaction.atomic():
                    registration.delete_unconfirmed()
        verb = "Would erase" if dry_run else "Erased"
        self.stdout.write(
            f"{verb} personal data of {closed_count} closed registration(s); "
            f"{'would delete' if dry_run else 'deleted'} {expired_count} unconfirmed registration(s) with expired links."
        )
