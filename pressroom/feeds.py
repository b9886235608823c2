"""The pressroom's feeds: an Atom feed of releases in the page's language, an iCalendar of conferences."""

from datetime import datetime, time

from django.utils import timezone
from django.utils.translation import gettext as _

from portal import calendar, feeds
from portal.listings import rows_between
from portal.routes import route_url

CALENDAR_SIZE = 50


def release_feed(request, page):
    releases = rows_between(page.releases().defer_streamfields(), 0, feeds.FEED_SIZE)
    return feeds.atom_response(
        request,
        title=_("Press releases: %(site)s") % {"site": page.title},
        link=page.url,
        feed_path=route_url(page, "feed"),
        description=page.intro,
        entries=[_entry(release) for release in releases],
    )


def _entry(release):
    published = timezone.make_aware(datetime.combine(release.date, time(9, 0)))  # 9 a.m., Beijing time
    return feeds.Entry(release, release.lede, published, release.last_published_at or published)


def conference_calendar(request, page):
    """The conferences to come and, for their video and transcript, the latest held (`portal.calendar`)."""
    conferences = calendar.feed_pages(page.conferences().defer("transcript"), CALENDAR_SIZE)
    return calendar.calendar_response(
        request,
        conferences,
        product="Pressroom",
        name=_("Press conferences: %(site)s") % {"site": page.title},
        filename="press-conferences.ics",
    )
