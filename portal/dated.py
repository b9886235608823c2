"""What the portal reads of a section's page types, and the querysets of dated pages.

The home page and the sitemap list pages of every section without importing any: they read the
`ListedPage` contract below. Sections' dated pages share its two shapes: a page dated by a day
(a press release, an article) and a page that takes place over a span of time (a press
conference, an event).
"""

from django.db.models import Q
from django.utils import timezone

from .statements import placed_instances
from .withdrawal import LanguageQuerySet


class ListedPage:
    """What the portal's own lists read of a page type; a section's page type overrides what applies."""

    # True: the home page lists the newest pages of this type, by `listing_date`.
    listed_on_home = False

    @property
    def listing_date(self):
        """The day lists show the page under and sort it by: by default, when it was first published."""
        return timezone.localdate(self.first_published_at)

    def sitemap_subpaths(self):
        """The routes this page serves that search engines should find, besides the page itself."""
        return []


class DayPage(ListedPage):
    """A page dated by a day of its own (a `date` field), listed on the home page."""

    listed_on_home = True

    @property
    def listing_date(self):
        return self.date


class DayQuerySet(LanguageQuerySet):
    def recent(self):
        """Newest first: by the page's own date, then by when it was first published."""
        return self.order_by("-date", "-first_published_at", "-pk")


class SpanPage(ListedPage):
    """A page that takes place from `start` to `end` (aware datetimes), listed by the day it starts.

    Its section's calendar feed (`portal.calendar`) also reads its `title`, `summary` and `venue`.
    """

    # The stored column the page's end is read from (see SpanQuerySet).
    end_field = "end"
    # Shown as dates only; a type whose pages may last all day stores it in a field of this name.
    all_day = False
    # Begins the page's UID in calendar feeds; calendar apps know an event again by its UID.
    calendar_uid = ""

    @property
    def listing_date(self):
        return timezone.localdate(self.start)

    @property
    def is_past(self):
        return self.end <= timezone.now()

    def calendar_location(self):
        return self.venue


class SpanQuerySet(LanguageQuerySet):
    """Querysets of a `SpanPage` type: what is not over yet, and what is."""

    def _ends(self, lookup, moment):
        return self.filter(**{f"{self.model.end_field}__{lookup}": moment})

    def upcoming(self, now=None):
        """Not over yet (to come, or under way), soonest first."""
        return self._ends("gt", now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        """Over, the latest first."""
        return self._ends("lte", now or timezone.now()).order_by("-start", "-pk")

    def upcoming_and_past(self, count, now=None, key=None):
        """The first `count` of `upcoming()` and of `past()`, as two lists, in one query: a listing
        that shows both pays one query's building and round trip instead of two. With `key`
        (every value this queryset's SQL depends on), its SQL is compiled once and run with the
        moment of each call (`portal.statements`)."""
        now = now or timezone.now()
        if key is None:
            rows = list(self._around(count, now))
        else:
            rows = placed_instances(
                ("upcoming-and-past", count, *key), lambda moment: self._around(count, moment), (now,)
            )
        end_field = self.model.end_field
        upcoming = [row for row in rows if getattr(row, end_field) > now]
        past = [row for row in reversed(rows) if getattr(row, end_field) <= now]
        return upcoming, past

    def _around(self, count, now):
        shown = Q(pk__in=self.upcoming(now).values("pk")[:count]) | Q(pk__in=self.past(now).values("pk")[:count])
        return self.filter(shown).order_by("start", "pk")

    def ended_since(self, moment):
        return self._ends("gte", moment)
