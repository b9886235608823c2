"""iCalendar feeds of a section's span pages (`portal.dated.SpanPage`): press conferences, CNS events.

One rule for every feed: times are in the site's zone (TIME_ZONE, Beijing time) with its TZID and
VTIMEZONE, which calendar apps convert to the reader's zone while keeping the event's own, and in
which an all-day event is a local date anyway. One window: what is not over yet, soonest first,
topped up with what ended in the last DAYS_BEHIND days. A calendar app re-reads a subscribed
feed every few hours; a size keeps each feed quick to build (icalendar takes about half a
millisecond per event) however many pages the section holds.
"""

from datetime import timedelta
from functools import lru_cache

import icalendar

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

from . import sharing
from .listings import rows_between

DAYS_BEHIND = 90
PRODUCT = "-//Information Office of Shanghai Municipality//{}//EN"


def feed_pages(pages, size, now=None):
    """Up to `size` pages of `pages` (a SpanQuerySet): those not over yet, then the latest ended.

    They come as a calendar reads, the ended ones first.
    """
    now = now or timezone.now()
    coming = list(rows_between(pages.upcoming(now), 0, size))
    room = size - len(coming)
    if not room:
        return coming
    recent = pages.past(now).ended_since(now - timedelta(days=DAYS_BEHIND))
    return list(rows_between(recent, 0, room)) + coming


@lru_cache(maxsize=8)
def vtimezone(tzid):
    """The VTIMEZONE of a time zone: icalendar takes milliseconds to derive one, so once per process."""
    return icalendar.Timezone.from_tzid(tzid)


def _event(request, page, host, stamp):
    event = icalendar.Event()
    event.add("uid", f"{page.calendar_uid}-{page.pk}@{host}")
    event.add("dtstamp", stamp)
    event.add("summary", page.title)
    start, end = timezone.localtime(page.start), timezone.localtime(page.end)
    if page.all_day:
        start, end = start.date(), end.date() + timedelta(days=1)
    event.add("dtstart", start)
    event.add("dtend", end)
    location = page.calendar_location()
    if location:
        event.add("location", location)
    if page.summary:
        event.add("description", page.summary)
    event.add("url", sharing.absolute(request, page.get_url(request)))
    if page.last_published_at:
        event.add("last-modified", page.last_published_at)
    return event


def calendar_response(request, pages, *, product, name, filename):
    """`pages` as an iCalendar file named `filename`; `name` is what calendar apps call it."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT.format(product))
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    host = request.get_host().split(":")[0]
    stamp = timezone.now()
    for page in pages:
        calendar.add_component(_event(request, page, host, stamp))
    for tzid in sorted(calendar.get_missing_tzids()):
        calendar.subcomponents.insert(0, vtimezone(tzid))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
