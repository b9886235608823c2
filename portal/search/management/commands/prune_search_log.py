from django.core.management.base import BaseCommand

from portal.search.querylog import RETENTION_DAYS, prune


class Command(BaseCommand):
    help = "Delete the search log's rows older than the retention period (run daily by the clock)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=RETENTION_DAYS, help="Days of searches to keep, today included."
        )

    def handle(self, *args, **options):
        deleted = prune(max(options["days"], 1))
        self.stdout.write(f"Deleted {deleted} search log rows older than {options['days']} days.")
