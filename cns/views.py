"""The CNS routes: plain Django views served under the CNS home page (see CNSHomePage's routes)."""

from itertools import groupby

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal import calendar
from portal.i18n import fallback_language
from portal.listings import ListingPaginator, rows_between
from portal.querystring import id_param, slug_param
from portal.routes import over_rate, render, route_url

from .forms import FeedbackForm
from .models.choices import AUDIENCE_DESCRIPTIONS, EVERYONE, Audience
from .models.directory import ArticleTopic, ServicePlatform, Township


def audience_entrances(cns):
    return [
        {
            "audience": audience,
            "label": audience.label,
            "description": AUDIENCE_DESCRIPTIONS[audience],
            "url": route_url(cns, "audience", audience.value),
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
    return render(request, cns, "cns/cns_home_page.html", context)


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
    guides = cns.guides().for_audience(audience.value).in_index_order().defer("notes")
    guides = ListingPaginator(guides, cns.guides_per_page).get_page(request.GET.get("page"))
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
    return render(request, cns, "cns/audience.html", context, trail=[(audience.label, "")])


def service_directory(request, cns):
    context = {"platforms": ServicePlatform.objects.all()}
    return render(request, cns, "cns/service_directory.html", context, trail=[(_("Government service platforms"), "")])


def news_list(request, cns):
    """CNS news, newest first; `?topic=slug` keeps those filed under one topic."""
    articles = cns.articles()
    topic = None
    trail = [(_("News"), "")]
    if "topic" in request.GET:
        topic = get_object_or_404(ArticleTopic, slug=slug_param(request.GET, "topic"))
        articles = articles.filter(topics=topic)
        trail = [(_("News"), route_url(cns, "news")), (topic.name, "", fallback_language(topic, "name"))]
    articles = ListingPaginator(articles.defer_streamfields(), cns.news_per_page).get_page(request.GET.get("page"))
    return render(request, cns, "cns/news_list.html", {"articles": articles, "topic": topic}, trail=trail)


def event_list(request, cns, past):
    now = timezone.now()
    events = cns.events().select_related("township").defer_streamfields()
    events = events.past(now) if past else events.upcoming(now)
    events = ListingPaginator(events, cns.events_per_page).get_page(request.GET.get("page"))
    if past:
        trail = [(_("Events"), route_url(cns, "events")), (_("Past events"), "")]
    else:
        trail = [(_("Events"), "")]
    context = {"events": events, "past": past, "feed_url": route_url(cns, "events_feed")}
    return render(request, cns, "cns/event_list.html", context, trail=trail)


FEED_SIZE = 50


def events_feed(request, cns):
    """The events not over yet and those that ended lately as iCalendar (`portal.calendar`), in the
    visitor's language; the events pages list every event."""
    events = calendar.feed_pages(cns.events().select_related("township").defer_streamfields(), FEED_SIZE)
    return calendar.calendar_response(
        request,
        events,
        product="CNS events",
        name=_("City News Service events"),
        filename=f"cns-events-{get_language()}.ics",
    )


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
        "townships_url": route_url(cns, "townships"),
    }
    return render(request, cns, "cns/township_list.html", context, trail=[(_("Alliance townships"), "")])


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
        "feedback_url": route_url(cns, "feedback") + f"?township={township.pk}",
    }
    trail = [
        (_("Alliance townships"), route_url(cns, "townships")),
        (township.name, "", fallback_language(township, "name")),
    ]
    return render(request, cns, "cns/township_detail.html", context, trail=trail)


def feedback_form(request, cns):
    status = 200
    rate_limited = False
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        if form.is_bot():
            return redirect(route_url(cns, "feedback_thanks"))
        if form.is_valid():
            if form.already_stored():
                return redirect(route_url(cns, "feedback_thanks"))
            if over_rate(
                request, "cns-feedback", (settings.CNS_FEEDBACK_RATE_LIMIT, settings.CNS_FEEDBACK_RATE_WINDOW)
            ):
                rate_limited = True
                status = 429
            else:
                form.save_once(language=get_language() or "")
                return redirect(route_url(cns, "feedback_thanks"))
        else:
            status = 400
    else:
        initial = {}
        township = id_param(request.GET, "township")
        if township and Township.objects.filter(pk=township).exists():
            initial["township"] = township
        form = FeedbackForm(initial=initial)
    context = {"form": form, "rate_limited": rate_limited}
    return render(request, cns, "cns/feedback_form.html", context, trail=[(_("Your voice matters"), "")], status=status)


def feedback_thanks(request, cns):
    trail = [(_("Your voice matters"), route_url(cns, "feedback")), (_("Thank you"), "")]
    return render(request, cns, "cns/feedback_thanks.html", {}, trail=trail)
