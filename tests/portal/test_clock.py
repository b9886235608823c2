"""The clock runs each job once per period, however many clocks run."""

import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from django.utils import timezone

from portal.clock import claim, period_of, run_due_jobs
from portal.models import ClockRun, StandardPage

pytestmark = pytest.mark.django_db
BEIJING = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def scheduled_page(home):
    page = StandardPage(title="Holiday opening hours", slug="holiday-hours", live=False)
    home.add_child(instance=page)
    page.go_live_at = timezone.now() + timedelta(seconds=1)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    return page


def test_a_scheduled_page_goes_live_at_the_first_run_after_its_time(settings, scheduled_page):
    settings.CLOCK_JOBS = [("publish-scheduled", 60, ["publish_scheduled"])]

    run_due_jobs(now=timezone.now())
    scheduled_page.refresh_from_db()
    assert not scheduled_page.live

    time.sleep(1.1)  # its time has come; the clock's next period is given
    ran = run_due_jobs(now=timezone.now() + timedelta(minutes=2))
    scheduled_page.refresh_from_db()
    assert ran == ["publish-scheduled"] and scheduled_page.live


def test_a_job_runs_once_per_period_whichever_clock_asks(settings):
    settings.CLOCK_JOBS = [("erase-closed-registrations", 86400, ["erase_closed_registrations"])]
    morning = datetime(2026, 12, 1, 0, 5, tzinfo=BEIJING)

    assert run_due_jobs(now=morning) == ["erase-closed-registrations"]
    assert run_due_jobs(now=morning + timedelta(hours=23)) == []  # another clock, same day
    assert run_due_jobs(now=morning + timedelta(hours=24)) == ["erase-closed-registrations"]
    assert ClockRun.objects.filter(job="erase-closed-registrations", finished_at__isnull=False).count() == 2


def test_a_period_claimed_by_one_clock_is_refused_to_another():
    now = timezone.now()

    assert claim("publish-scheduled", 42, now) is not None
    assert claim("publish-scheduled", 42, now) is None


def test_days_start_at_midnight_in_beijing():
    late = datetime(2026, 12, 1, 23, 59, tzinfo=BEIJING)

    assert period_of(late, 86400) == period_of(datetime(2026, 12, 1, 0, 1, tzinfo=BEIJING), 86400)
    assert period_of(late + timedelta(minutes=2), 86400) == period_of(late, 86400) + 1


def test_a_failing_job_is_recorded_and_the_others_still_run(settings, caplog):
    settings.CLOCK_JOBS = [
        ("broken", 60, ["no_such_command"]),
        ("erase-closed-registrations", 60, ["erase_closed_registrations"]),
    ]

    ran = run_due_jobs()

    assert ran == ["broken", "erase-closed-registrations"]
    assert ClockRun.objects.get(job="broken").failed
    assert not ClockRun.objects.get(job="erase-closed-registrations").failed
    assert "Clock job broken failed" in caplog.text
