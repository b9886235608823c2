"""The pressroom's feeds: an Atom feed of releases in the page's language, an iCalendar of conferences."""

from datetime import datetime, time

from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal import calendar
from portal.listings import rows_between

FEED_SIZE = 30
CALENDAR_SIZE = 50


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
        published = timezone.make_aware(datetime.combine(release.date, time(9, 0)))  # 9 a.m., Beijing time
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
