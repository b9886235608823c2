"""The pressroom's feeds: an Atom feed of releases in the page's language, an iCalendar of conferences."""

from datetime import UTC, datetime, time, timedelta

import icalendar

from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.listings import coming_then_recent, rows_between

from .models.pages import display_time_zone

FEED_SIZE = 30
CALENDAR_SIZE = 50
CALENDAR_DAYS_BEHIND = 90


def release_feed(request, page):
    feed = Atom1Feed(
        title=_("Press releases: %(site)s") % {"site": page.title},
        link=request.build_absolute_uri(page.url),
        description=page.intro,
        language=get_language(),
        feed_url=request.build_absolute_uri(request.path),
        feed_guid=request.build_absolute_uri(request.path),
    )
    for release in rows_between(page.releases().defer_streamfields(), 0, FEED_SIZE):
        url = request.build_absolute_uri(release.get_url(request))
        published = timezone.make_aware(datetime.combine(release.date, time(9, 0)), display_time_zone())
        feed.add_item(
            title=release.title,
            link=url,
            description=release.lede,
            unique_id=url,
            pubdate=published,
            updateddate=release.last_published_at or published,
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response


def calendar_conferences(page, now=None):
    """The conferences of the iCalendar feed: those to come, and the latest held, CALENDAR_SIZE at most.

    A calendar app re-reads a subscribed feed every few hours; journalists need the conferences to
    come and, for their archived video and transcript, the recent ones. So the feed holds the
    conferences not over yet, soonest first, and fills up to CALENDAR_SIZE (50) with those held in
    the last CALENDAR_DAYS_BEHIND (90) days, newest first: it stays quick to build (icalendar takes
    about half a millisecond per event) however many conferences the pressroom holds.
    """
    now = now or timezone.now()
    conferences = page.conferences().defer("transcript")
    recent = conferences.past(now).filter(start__gte=now - timedelta(days=CALENDAR_DAYS_BEHIND))
    return coming_then_recent(conferences.upcoming(now), recent, CALENDAR_SIZE)


def conference_calendar(request, page):
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Information Office of Shanghai Municipality//Pressroom//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _("Press conferences: %(site)s") % {"site": page.title})
    calendar.add("x-wr-timezone", "Asia/Shanghai")
    host = request.get_host().split(":")[0]
    stamp = timezone.now()
    for conference in calendar_conferences(page):
        event = icalendar.Event()
        event.add("uid", f"press-conference-{conference.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", conference.start.astimezone(UTC))
        event.add("dtend", conference.end.astimezone(UTC))
        event.add("summary", conference.title)
        if conference.venue:
            event.add("location", conference.venue)
        if conference.summary:
            event.add("description", conference.summary)
        event.add("url", request.build_absolute_uri(conference.get_url(request)))
        if conference.last_published_at:
            event.add("last-modified", conference.last_published_at)
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="press-conferences.ics"'
    return response
