import logging
import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections

from portal.clock import run_due_jobs

logger = logging.getLogger("portal.clock")


class Command(BaseCommand):
    help = "The clock process: runs settings.CLOCK_JOBS on time (scheduled publishing, the daily purge ...)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="run what is due now, then stop")

    def handle(self, *args, once=False, **options):
        stopping = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stopping.set())
        while not stopping.is_set():
            close_old_connections()
            try:
                for job in run_due_jobs():
                    logger.debug("Clock ran %s.", job)
            except DatabaseError:
                # The database is away (a restart, a failover): try again next tick.
                logger.exception("Clock could not reach the database.")
            if once:
                break
            stopping.wait(settings.CLOCK_TICK_SECONDS)
