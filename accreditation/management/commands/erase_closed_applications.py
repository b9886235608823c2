"""Erase what journalists and press officers wrote in accreditation applications, with their
registration: once the registration's personal data is erased (`erase_closed_registrations`,
which the clock runs just before this), or PRESSROOM_RETENTION_DAYS after the conference.

The applications themselves stay, without text, for the counts per conference.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone

from ...models import Application


class Command(BaseCommand):
    help = (
        "Erases the text of accreditation applications whose registration was erased or whose conference is long past."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.PRESSROOM_RETENTION_DAYS)

    def handle(self, *args, days, **options):
        if days < 0:
            raise CommandError("--days must be zero or more.")
        past = timezone.now() - timedelta(days=days)
        due = Application.objects.filter(erased_at__isnull=True).filter(
            Q(registration__erased_at__isnull=False) | Q(accreditation__conference__ends_at__lt=past)
        )
        erased = due.update(note="", rejection_reason="", erased_at=timezone.now())
        self.stdout.write(f"Erased {erased} application(s).")
