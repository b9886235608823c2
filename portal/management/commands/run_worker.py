"""The worker process: django-tasks-db's `db_worker`, kept running through a database outage.

`db_worker` exits on the first database error that is not a lock, so a PostgreSQL restart or
failover would stop all mail until someone restarted it. This worker waits and carries on, as
the web processes do (they answer 503 meanwhile and recover by themselves).
"""

import logging
import time

from django_tasks_db.management.commands import db_worker

from django.db import DatabaseError, connections

logger = logging.getLogger("portal.worker")
PAUSE_SECONDS = 2


class ResilientWorker(db_worker.Worker):
    def run(self):
        while self.running:
            try:
                return super().run()
            except DatabaseError as error:
                logger.warning("The worker lost the database (%s); trying again in %d s.", error, PAUSE_SECONDS)
                connections.close_all()
                time.sleep(PAUSE_SECONDS)
        return None


class Command(db_worker.Command):
    help = "The background worker (sends every email): db_worker that waits out a database outage."

    def handle(self, *args, **options):
        # db_worker's handle builds its worker from this module-level name.
        db_worker.Worker = ResilientWorker
        super().handle(*args, **options)
