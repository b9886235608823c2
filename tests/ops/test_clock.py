"""With the Procfile's processes running, pages go live and expire on time with nobody at the keyboard."""

import uuid
from datetime import timedelta

import pytest
import requests

from django.utils import timezone

from tests.processes import running, wait_for

# The clock runs scheduled publishing every second here (every minute in production).
CLOCK = {"SCHEDULED_PUBLISHING_SECONDS": "1", "CLOCK_TICK_SECONDS": "0.3"}


@pytest.fixture
def processes(demo_site, tmp_path):
    with running(("web", "worker", "clock"), {**demo_site, **CLOCK}, tmp_path) as (web, _worker, clock):
        yield web, clock


def read(web, path):
    response = requests.get(web.url + path, headers={"X-Forwarded-Proto": "https"}, timeout=10)
    return response.status_code, response.text


def standard_page(**fields):
    from portal.models import HomePage, StandardPage

    home = HomePage.objects.get()
    page = StandardPage(slug=f"notice-{uuid.uuid4().hex[:8]}", **fields)
    home.add_child(instance=page)
    return page


def test_a_scheduled_page_goes_live_and_an_expiring_one_goes_by_themselves(processes):
    web, clock = processes
    soon = timezone.now() + timedelta(seconds=3)
    coming = standard_page(
        title_en="Road closures for the marathon", title_zh_hans="马拉松赛期间道路封闭", live=False, go_live_at=soon
    )
    coming.save_revision().publish()  # scheduled: not live until go_live_at
    going = standard_page(
        title_en="Office closed on Friday", title_zh_hans="周五办公室不对外开放", expire_at=soon + timedelta(seconds=2)
    )
    going.save_revision().publish()

    assert read(web, f"/en/{coming.slug}/")[0] == 404
    # Read while live, so that the page cache holds it: expiring must purge it too.
    status, text = read(web, f"/zh-hans/{going.slug}/")
    assert status == 200 and "周五办公室不对外开放" in text

    live = wait_for(lambda: read(web, f"/en/{coming.slug}/")[0] == 200, seconds=20)
    assert live, f"the scheduled page never went live:\n{clock.log_tail()}"
    assert "Road closures for the marathon" in read(web, f"/en/{coming.slug}/")[1]
    status, text = read(web, f"/zh-hans/{coming.slug}/")
    assert status == 200 and "马拉松赛期间道路封闭" in text

    gone = wait_for(
        lambda: read(web, f"/en/{going.slug}/")[0] == 404 and read(web, f"/zh-hans/{going.slug}/")[0] == 404, seconds=20
    )
    assert gone, f"the expired page is still served:\n{clock.log_tail()}"
    assert "Traceback" not in clock.log_text() + web.log_text()
