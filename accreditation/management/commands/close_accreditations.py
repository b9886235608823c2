"""Close the accreditations whose deadline has passed (the clock runs it every minute).

The form itself refuses an application from the deadline on; closing here starts a new
page-cache generation, so that no conference page cached before the deadline still offers the
form after it, without waiting for anyone's request.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.pagecache import start_new_generation

from ...models import Accreditation


class Command(BaseCommand):
    help = "Closes the accreditations whose deadline has passed."

    def handle(self, *args, **options):
        now = timezone.now()
        closed = Accreditation.objects.filter(deadline__lte=now, closed_at__isnull=True).update(closed_at=now)
        if closed:
            start_new_generation()
        self.stdout.write(f"Closed {closed} accreditation(s).")
