"""The CNS routes: plain Django views served under the CNS home page (see CNSHomePage's routes)."""

from datetime import timedelta
from functools import lru_cache
from itertools import groupby

from icalendar import Calendar, Event, Timezone

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal.i18n import fallback_language
from portal.listings import ListingPaginator, coming_then_recent, rows_between
from portal.querystring import id_param, slug_param
from portal.ratelimit import RateLimit, client_address

from .forms import FeedbackForm, GuideFilterForm
from .models import (
    AUDIENCE_DESCRIPTIONS,
    EVERYONE,
    ArticleTopic,
    Audience,
    GuideCategory,
    GuideIndexPage,
    GuidePage,
    ServicePlatform,
    Township,
)


def _render(request, cns, template, context, trail=(), status=200):
    """A route's page under the CNS home page: `page` is CNS, `trail` the steps after it."""
    context = {"page": cns, "self": cns, "breadcrumb_trail": list(trail), **context}
    return TemplateResponse(request, template, context, status=status)


def _url(cns, name, *args):
    return cns.url + cns.reverse_subpage(name, args=args)


def audience_entrances(cns):
    return [
        {
            "audience": audience,
            "label": audience.label,
            "description": AUDIENCE_DESCRIPTIONS[audience],
            "url": _url(cns, "audience", audience.value),
        }
        for audience in Audience
    ]


def cns_home(request, cns):
    now = timezone.now()
    context = {
        "entrances": audience_entrances(cns),
        "guide_index": cns.guide_index(),
        "articles": rows_between(cns.articles().defer_streamfields(), 0, 3),
        "events": rows_between(cns.events().upcoming(now).select_related("township").defer_streamfields(), 0, 3),
        "township_count": Township.objects.count(),
    }
    return _render(request, cns, "cns/cns_home_page.html", context)


def _platform_ids(guides):
    """Service platforms the guides' steps point to, read from the raw stream (no query per guide)."""
    ids = []
    for guide in guides:
        for step in guide.steps.raw_data:
            platform = ((step.get("value") or {}).get("where_to_go") or {}).get("platform")
            if platform and platform not in ids:
                ids.append(platform)
    return ids


def audience_entrance(request, cns, audience):
    try:
        audience = Audience(audience)
    except ValueError:
        raise Http404 from None
    guides = GuidePage.objects.live().public().descendant_of(cns).for_audience(audience.value)
    guides = ListingPaginator(
        guides.order_by("category", "title", "pk").defer("notes"), GuideIndexPage.guides_per_page
    ).get_page(request.GET.get("page"))
    platforms = ServicePlatform.objects.filter(pk__in=_platform_ids(guides))  # those of the guides shown
    articles = rows_between(cns.articles().filter(audience__in=[audience.value, EVERYONE]).defer_streamfields(), 0, 5)
    guide_index = cns.guide_index()
    context = {
        "audience": audience,
        "description": AUDIENCE_DESCRIPTIONS[audience],
        "guides": guides,
        "platforms": platforms,
        "articles": articles,
        "guide_index": guide_index,
    }
    return _render(request, cns, "cns/audience.html", context, [(audience.label, "")])


def guide_filters(request, index):
    """Context of the guide index: its guides, narrowed by the category and audience asked for."""
    form = GuideFilterForm(request.GET or None)
    guides = GuidePage.objects.live().public().child_of(index)
    category = audience = ""
    if form.is_bound and form.is_valid():
        category = form.cleaned_data["category"]
        audience = form.cleaned_data["audience"]
        if category:
            guides = guides.in_category(category)
        if audience:
            guides = guides.for_audience(audience)
    elif form.is_bound:
        form = GuideFilterForm()
    guides = guides.order_by("category", "title", "pk").defer_streamfields()
    return {
        "filter_form": form,
        "guides": ListingPaginator(guides, index.guides_per_page).get_page(request.GET.get("page")),
        "selected_category": GuideCategory(category).label if category else "",
        "selected_audience": Audience(audience).label if audience else "",
        "filtered": bool(category or audience),
    }


def service_directory(request, cns):
    context = {"platforms": ServicePlatform.objects.all()}
    return _render(request, cns, "cns/service_directory.html", context, [(_("Government service platforms"), "")])


def news_list(request, cns):
    """CNS news, newest first; `?topic=slug` keeps those filed under one topic."""
    articles = cns.articles()
    topic = None
    trail = [(_("News"), "")]
    if "topic" in request.GET:
        topic = get_object_or_404(ArticleTopic, slug=slug_param(request.GET, "topic"))
        articles = articles.filter(topics=topic)
        trail = [(_("News"), _url(cns, "news")), (topic.name, "", fallback_language(topic, "name"))]
    articles = ListingPaginator(articles.defer_streamfields(), cns.news_per_page).get_page(request.GET.get("page"))
    return _render(request, cns, "cns/news_list.html", {"articles": articles, "topic": topic}, trail)


def event_list(request, cns, past):
    now = timezone.now()
    events = cns.events().select_related("township").defer_streamfields()
    events = events.past(now) if past else events.upcoming(now)
    events = ListingPaginator(events, cns.events_per_page).get_page(request.GET.get("page"))
    if past:
        trail = [(_("Events"), _url(cns, "events")), (_("Past events"), "")]
    else:
        trail = [(_("Events"), "")]
    context = {"events": events, "past": past, "feed_url": _url(cns, "events_feed")}
    return _render(request, cns, "cns/event_list.html", context, trail)


FEED_SIZE = 50
FEED_DAYS_BEHIND = 30


def feed_events(cns, now=None):
    """The events of the iCalendar feed: what is coming up, and what ended lately, FEED_SIZE at most.

    A calendar app re-reads a subscribed feed every few hours and needs what is coming up, so the
    feed holds the events not over yet, soonest first, and fills up to FEED_SIZE (50) with those
    that ended in the last FEED_DAYS_BEHIND (30) days, newest first. Later events join it as the
    earlier ones end, and it stays quick to build however many events the site holds (icalendar
    takes about half a millisecond per event); the events pages list every event.
    """
    now = now or timezone.now()
    events = cns.events().select_related("township").defer_streamfields()
    recent = events.past(now).filter(end__gte=now - timedelta(days=FEED_DAYS_BEHIND))
    return coming_then_recent(events.upcoming(now), recent, FEED_SIZE)


@lru_cache(maxsize=8)
def vtimezone(tzid):
    """The VTIMEZONE of a time zone: icalendar takes milliseconds to derive one, so once per process."""
    return Timezone.from_tzid(tzid)


def events_feed(request, cns):
    """The events of `feed_events` as iCalendar, in the visitor's language."""
    events = feed_events(cns)
    calendar = Calendar()
    calendar.add("prodid", "-//Information Office of Shanghai Municipality//CNS events//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("City News Service events"))
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    host = request.get_host().split(":")[0]
    stamp = timezone.now()
    for event_page in events:
        event = Event()
        event.add("uid", f"cns-event-{event_page.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("summary", event_page.title)
        if event_page.all_day:
            start = timezone.localtime(event_page.start).date()
            end = timezone.localtime(event_page.end).date() + timedelta(days=1)
            event.add("dtstart", start)
            event.add("dtend", end)
        else:
            event.add("dtstart", timezone.localtime(event_page.start))
            event.add("dtend", timezone.localtime(event_page.end))
        location = ", ".join(
            part for part in [event_page.venue, event_page.township and event_page.township.name] if part
        )
        if location:
            event.add("location", location)
        if event_page.summary:
            event.add("description", event_page.summary)
        event.add("url", request.build_absolute_uri(event_page.get_url(request)))
        calendar.add_component(event)
    for tzid in sorted(calendar.get_missing_tzids()):
        calendar.subcomponents.insert(0, vtimezone(tzid))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="cns-events-{get_language()}.ics"'
    return response


def township_list(request, cns):
    townships = list(Township.objects.for_listing())
    districts = [
        {"district": district, "townships": list(members)}
        for district, members in groupby(townships, key=lambda township: township.district)
    ]
    for group in districts:
        group["count"] = len(group["townships"])
    selected = request.GET.get("district", "")
    matching = [group for group in districts if group["district"].slug == selected]
    shown = matching or districts  # an unknown district shows everything rather than an empty page
    if not matching:
        selected = ""
    per_township = [
        township.foreign_residents_estimate for township in townships if township.foreign_residents_estimate
    ]
    context = {
        "districts": districts,
        "shown": shown,
        "selected_district": selected,
        "township_total": len(townships),
        "alliance_estimate": cns.alliance_estimate or (sum(per_township) if per_township else None),
        "townships_url": _url(cns, "townships"),
    }
    return _render(request, cns, "cns/township_list.html", context, [(_("Alliance townships"), "")])


def township_detail(request, cns, slug):
    township = get_object_or_404(Township.objects.select_related("district"), slug=slug)
    now = timezone.now()
    events = cns.events().filter(township=township).defer_streamfields()
    context = {
        "township": township,
        "upcoming_events": ListingPaginator(events.upcoming(now), cns.events_per_page).get_page(
            request.GET.get("page")
        ),
        "past_events": rows_between(events.past(now), 0, 5),
        "feedback_url": _url(cns, "feedback") + f"?township={township.pk}",
    }
    trail = [
        (_("Alliance townships"), _url(cns, "townships")),
        (township.name, "", fallback_language(township, "name")),
    ]
    return _render(request, cns, "cns/township_detail.html", context, trail)


def _over_rate_limit(request):
    """Counts this submission against the client's address in the shared cache."""
    limit = RateLimit("cns-feedback", settings.CNS_FEEDBACK_RATE_LIMIT, settings.CNS_FEEDBACK_RATE_WINDOW)
    return limit.hit(client_address(request)) > limit.limit


def feedback_form(request, cns):
    status = 200
    rate_limited = False
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        if form.is_bot():
            return redirect(_url(cns, "feedback_thanks"))
        if form.is_valid():
            if form.already_stored():
                return redirect(_url(cns, "feedback_thanks"))
            if _over_rate_limit(request):
                rate_limited = True
                status = 429
            else:
                form.save_once(language=get_language() or "")
                return redirect(_url(cns, "feedback_thanks"))
        else:
            status = 400
    else:
        initial = {}
        township = id_param(request.GET, "township")
        if township and Township.objects.filter(pk=township).exists():
            initial["township"] = township
        form = FeedbackForm(initial=initial)
    context = {"form": form, "rate_limited": rate_limited}
    return _render(request, cns, "cns/feedback_form.html", context, [(_("Your voice matters"), "")], status=status)


def feedback_thanks(request, cns):
    trail = [(_("Your voice matters"), _url(cns, "feedback")), (_("Thank you"), "")]
    return _render(request, cns, "cns/feedback_thanks.html", {}, trail)
