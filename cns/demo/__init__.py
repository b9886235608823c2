"""Demo content of City News Service, from seeds 003 and 004: the section page, the service directory
and the alliance townships, guides, news and events. What the seeds lack (the guides, the events to
come) is labelled "Example" (portal.examples). The text is in the TOML files beside this module.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from wagtail.models import Page

from portal.demotools import (
    demo_builder,
    ensure_by_slug,
    ensure_featured_link,
    ensure_page,
    field_values,
    home_page,
    read_data,
    without,
)
from portal.models import HomeFeaturedLink

from ..models import (
    ArticlePage,
    ArticleTopic,
    CNSHomePage,
    District,
    EventPage,
    FeedbackTopic,
    GuideIndexPage,
    GuidePage,
    GuideRelatedGuide,
    ServicePlatform,
    Township,
)


@demo_builder(order=30)
def build_cns():
    home = home_page()
    platforms, townships = build_directory()
    section, link = without(read_data(__file__, "cns")["cns"], "featured_link")
    cns = ensure_page(home, CNSHomePage, **field_values(CNSHomePage, section))
    _build_guides(cns, read_data(__file__, "guides"), platforms)
    _build_news(cns, read_data(__file__, "news"))
    _build_events(cns, read_data(__file__, "events")["events"], townships)
    ensure_featured_link(home, cns, **field_values(HomeFeaturedLink, link))


def build_directory():
    """The service platforms, districts, townships and feedback topics; platforms and townships by slug."""
    data = read_data(__file__, "directory")
    platforms = ensure_by_slug(ServicePlatform, data["platforms"], ordered=True)
    districts = ensure_by_slug(District, data["districts"], ordered=True)
    rows = [{**township, "district": districts[township["district"]]} for township in data["townships"]]
    townships = ensure_by_slug(Township, rows, ordered=True)
    for order, topic in enumerate(data["feedback_topics"]):
        values = field_values(FeedbackTopic, topic)
        FeedbackTopic.objects.get_or_create(name_en=values.pop("name_en"), defaults={**values, "sort_order": order})
    return platforms, townships


def _build_guides(cns, data, platforms):
    index = ensure_page(cns, GuideIndexPage, **field_values(GuideIndexPage, data["index"]))
    guides, related = {}, {}
    for guide in data["guides"]:
        guide, others = without(guide, "related")
        page = ensure_page(index, GuidePage, **field_values(GuidePage, guide, refs=platforms))
        guides[page.slug], related[page.slug] = page, others or []
    for slug, others in related.items():
        if others and not guides[slug].related_guides.exists():
            for order, other in enumerate(others):
                GuideRelatedGuide.objects.create(page=guides[slug], guide=guides[other], sort_order=order)


def _build_news(cns, data):
    topics = ensure_by_slug(ArticleTopic, data["topics"])
    # An article's link to the press release it retells names the release by slug; the pressroom's
    # builder has run by now, and its pages are found as pages, so CNS imports nothing of it.
    pages = {page.slug: page for page in Page.objects.live().filter(depth__gt=2)}
    for article in data["articles"]:
        article, topic_slugs = without(article, "topics")
        if ArticlePage.objects.child_of(cns).filter(slug=article["slug"]).exists():
            continue  # built on an earlier run: leave the editors' choices alone
        page = ensure_page(cns, ArticlePage, **field_values(ArticlePage, article, refs=pages))
        page.topics.set([topics[slug] for slug in topic_slugs])
        page.save_revision().publish()
        _published_on(page, page.date)


def _build_events(cns, events, townships):
    for event in events:
        event, township, days, starts, ends = without(event, "township", "days_from_today", "start_time", "end_time")
        if days is not None:  # an example event, dated from the day the demo is loaded
            day = timezone.localdate() + timedelta(days=days)
            event.update(start=datetime.combine(day, starts), end=datetime.combine(day, ends))
        exists = EventPage.objects.child_of(cns).filter(slug=event["slug"]).exists()
        page = ensure_page(cns, EventPage, township=townships.get(township), **field_values(EventPage, event))
        if not exists and page.is_past:
            _published_on(page, timezone.localtime(page.start).date())


def _published_on(page, day):
    """Date a retold past item as first published on its own day, so "Latest" lists read true."""
    moment = timezone.make_aware(datetime.combine(day, time(9, 0)))
    type(page).objects.filter(pk=page.pk).update(first_published_at=moment)
