"""Work by the clock: each job of settings.CLOCK_JOBS runs once per period.

Periods are counted in local time (TIME_ZONE), so a daily job runs just after midnight in the
city. Before running a job a clock claims its period with a row that the database keeps
unique; a clock that loses the claim skips the job, so several clocks (one per machine, or
one left over during a release) never run a job twice, and a clock started late catches up
with the current period at once.
"""

import logging

from django.conf import settings
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import ClockRun

logger = logging.getLogger(__name__)

# Claims older than this many periods of their job are of no more use.
KEPT_PERIODS = 100


def period_of(moment, seconds):
    local = timezone.localtime(moment)
    return int((local.timestamp() + local.utcoffset().total_seconds()) // seconds)


def claim(job, period, now):
    try:
        with transaction.atomic():
            return ClockRun.objects.create(job=job, period=period, started_at=now)
    except IntegrityError:
        return None


def run_due_jobs(now=None):
    """Runs every job whose current period nobody has claimed yet; returns their names."""
    now = now or timezone.now()
    ran = []
    for job, seconds, command in settings.CLOCK_JOBS:
        period = period_of(now, seconds)
        run = claim(job, period, now)
        if run is None:
            continue
        name, *arguments = command if isinstance(command, (list, tuple)) else [command]
        try:
            call_command(name, *arguments, verbosity=0)
        except Exception:
            run.failed = True
            logger.exception("Clock job %s failed; it runs again next period.", job)
        run.finished_at = timezone.now()
        run.save(update_fields=["finished_at", "failed"])
        ClockRun.objects.filter(job=job, period__lt=period - KEPT_PERIODS).delete()
        ran.append(job)
    return ran
