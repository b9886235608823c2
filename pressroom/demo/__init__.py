"""Demo content of the pressroom: releases on two events of the seed documents, two example
conferences (`conferences`), and the Q&A for resident journalists. The text is in the TOML files
beside this module.
"""

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
    JournalistFAQItem,
    JournalistFAQPage,
    PressReleaseAgency,
    PressReleasePage,
    PressroomPage,
    PressTopic,
)
from .conferences import build_conferences


@demo_builder(order=20)
def build_pressroom():
    home = home_page()
    if home is None:
        return
    data = read_data(__file__, "pressroom")
    section, link = without(data["pressroom"], "featured_link")
    pressroom = ensure_page(home, PressroomPage, **field_values(PressroomPage, section))
    topics = ensure_by_slug(PressTopic, data["topics"])

    for release in read_data(__file__, "releases")["releases"]:
        _build_release(pressroom, release, topics)
    build_conferences(pressroom)

    questions, items = without(read_data(__file__, "questions")["questions"], "items")
    faq = ensure_page(pressroom, JournalistFAQPage, **field_values(JournalistFAQPage, questions))
    if not faq.faq_items.exists():
        for order, item in enumerate(items):
            JournalistFAQItem.objects.create(page=faq, sort_order=order, **field_values(JournalistFAQItem, item))
        faq.save_revision().publish()

    ensure_featured_link(home, pressroom, **field_values(HomeFeaturedLink, link))


def _build_release(pressroom, release, topics):
    release, topic_slugs, agency_slugs = without(release, "topics", "agencies")
    if PressReleasePage.objects.child_of(pressroom).filter(slug=release["slug"]).exists():
        return  # built on an earlier run: leave the editors' choices alone
    page = ensure_page(pressroom, PressReleasePage, **field_values(PressReleasePage, release))
    page.topics.add(*(topics[slug] for slug in topic_slugs or ()))
    # Agency profiles, when the agencies demo has built them (the pressroom does not import agencies).
    profiles = Page.objects.filter(content_type__app_label="agencies", content_type__model="agencypage")
    for order, slug in enumerate(agency_slugs or ()):
        profile = profiles.filter(slug=slug).first()
        if profile is not None:
            PressReleaseAgency.objects.create(page=page, agency=profile, sort_order=order)
    page.save_revision().publish()
