"""Start and end the site notice on time (the clock runs it every minute: settings.CLOCK_JOBS).

Pages cached before the notice's start time do not show it, and pages cached before its end
time still do: when either time has come, a new page-cache generation refreshes them all. At
its end the notice is also switched off, so the admin shows it as it is on the site.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from portal.pagecache import start_new_generation

from ...models import SiteNotice


class Command(BaseCommand):
    help = "Refreshes the pages when the site notice starts or ends, and switches it off at its end."

    def handle(self, *args, **options):
        now = timezone.now()
        with transaction.atomic():
            notice = SiteNotice.objects.select_for_update().first()
            if notice is None:
                return
            ended = notice.shown and notice.has_ended(now)
            live = notice.is_live(now) and not ended
            if not ended and live == notice.on_pages:
                return
            # update(), not save(): no save signal, so the one refresh below is the only one.
            SiteNotice.objects.filter(pk=notice.pk).update(shown=notice.shown and not ended, on_pages=live)
        start_new_generation()
        self.stdout.write("Site notice ended." if ended else f"Site notice {'started' if live else 'hidden'}.")
