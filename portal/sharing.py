"""What a page shares: the title, description, image, address and language that link previews
(WeChat, chat apps, Open Graph readers) and search engines read of it, its address as a QR code,
and the schema.org JSON-LD of the section's page types.

Every address is absolute and comes from the Wagtail Site that serves the request, which answers
for settings.SITE_URL (`portal.siteaddress`): never from the request's Host header.

What a page type offers, read without importing any section:
- a description: `search_description`, else the first of DESCRIPTION_FIELDS the page fills in,
  else the site's own line;
- a lead image: `lead_image()`, (image, text alternative) or None, from what the page's own
  template reads anyway (so that no query is added; its JPEG rendition is looked up once, then
  comes from Wagtail's rendition cache);
- JSON-LD: `structured_data(request)`, built with the helpers at the end of this module.
"""

import re
from datetime import datetime, time
from functools import lru_cache
from urllib.parse import urljoin

import segno

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

from wagtail.images.models import SourceImageIOError
from wagtail.models import Site

from .dated import DayPage
from .i18n import html_lang
from .siteaddress import site_host_and_port
from .withdrawal import hidden_languages

# The fields, besides `search_description`, that sum a page up, in the order they are tried.
DESCRIPTION_FIELDS = ("summary", "intro", "lede", "hero_intro")
DESCRIPTION_LENGTH = 200  # characters: what previews show before they cut
# Open Graph names a language with its country; a language missing here is given as Django's locale.
OG_LOCALES = {"en": "en_US", "zh-hans": "zh_CN"}
# JPEG, as every preview reader accepts it (not all read WebP); the original's shape kept.
IMAGE_SPEC = "max-1200x1200|format-jpeg"
SCHEMA = "https://schema.org"
# A list's page after the first, in plain ASCII digits ("²" and "02" are not page numbers).
PAGE_NUMBER = re.compile(r"[2-9]|[1-9][0-9]{1,8}")


def site_name():
    return _("Information Office of Shanghai Municipality")


def site_root(request=None):
    """The configured site's root URL ("https://host"), without a trailing slash."""
    site = Site.find_for_request(request)
    if site is None or (site.hostname, site.port) == site_host_and_port():
        # SITE_URL also says the scheme, which a Site on a port other than 443 cannot.
        return settings.SITE_URL.rstrip("/")
    return site.root_url


def absolute(request, path):
    return urljoin(site_root(request) + "/", path)


def og_locale(code):
    return OG_LOCALES.get(code, to_locale(code))


def describe(page):
    """The page's description for search results and previews, never empty."""
    candidates = [getattr(page, "search_description", "")] + [getattr(page, name, "") for name in DESCRIPTION_FIELDS]
    text = next((" ".join(str(value).split()) for value in candidates if value and str(value).strip()), "")
    text = text or _(
        "Official information from the city government for residents, visitors and the media, in English and Chinese."
    )
    return Truncator(text).chars(DESCRIPTION_LENGTH)


def lead_image(request, page):
    """{"url", "width", "height", "alt"} of the page's lead image as previews get it, or None."""
    lead = page.lead_image() if hasattr(page, "lead_image") else None
    if not lead or lead[0] is None:
        return None
    image, alt = lead
    try:
        rendition = image.get_rendition(IMAGE_SPEC)
    except SourceImageIOError:  # the original's file is missing: the page itself shows a placeholder
        return None
    return {"url": absolute(request, rendition.url), "width": rendition.width, "height": rendition.height, "alt": alt}


def _canonical_path(request):
    """The request's path, with the number of a list's page after the first (its own page to search
    engines); whatever else the query string holds is left out."""
    number = request.GET.get("page", "")
    return f"{request.path}?page={number}" if PAGE_NUMBER.fullmatch(number) else request.path


def page_sharing(request, page, trail=()):
    """What the <head> tells about the page shown: `page` may be None (search, error pages), and a
    route of a page (a CNS news list) is named by its last breadcrumb step (`trail`)."""
    language = get_language()
    title = site_name()
    if page is not None:
        # The home page is the site itself: its title ("Home") says nothing in a preview.
        title = page.seo_title or (site_name() if page.depth == 2 else page.title)
        if trail:
            title = f"{trail[-1][0]} | {page.title}"
    return {
        "site_name": site_name(),
        "title": title,
        "description": describe(page),
        "url": absolute(request, _canonical_path(request)) if page is not None and request is not None else "",
        "type": "article" if isinstance(page, DayPage) else "website",
        "locale": og_locale(language),
        # Not a language the page is withdrawn in (portal.withdrawal): that address is a notice.
        "alternate_locales": [
            og_locale(code)
            for code, _name in settings.LANGUAGES
            if code != language and code not in hidden_languages(page)
        ],
        "image": lead_image(request, page) if page is not None else None,
    }


def address_qr(address):
    """`address` as an inline SVG QR code, named for screen readers in the active language."""
    return _qr_svg(address, _("QR code of this page's address"))


@lru_cache(maxsize=512)
def _qr_svg(address, label):
    """An inline SVG of `address` as a QR code: dark modules on a white quiet zone, sized by CSS."""
    code = segno.make(address, error="m")
    markup = code.svg_inline(
        scale=1, border=4, dark="#000", light="#fff", omitsize=True, svgclass="share-qr__code", lineclass=None
    )
    opening = format_html('<svg role="img" aria-label="{}" ', label)
    return mark_safe(markup.replace("<svg ", opening, 1))  # noqa: S308 (segno's markup; the label is escaped)


# JSON-LD ------------------------------------------------------------------------------------


def moment(value):
    """An aware datetime as ISO 8601 in Beijing time (the site's TIME_ZONE), to the second."""
    return timezone.localtime(value).replace(microsecond=0).isoformat()


def day_published(page):
    """When a page dated by a day came out: its first publication if that fell on its date, else the
    start of its date."""
    published = page.first_published_at
    if published is not None and timezone.localdate(published) == page.date:
        return published
    return timezone.make_aware(datetime.combine(page.date, time.min))


def office(request):
    """The Information Office, as publisher and organizer."""
    return {
        "@type": "GovernmentOrganization",
        "name": site_name(),
        "url": absolute(request, reverse("wagtail_serve", args=[""])),
    }


def page_thing(kind, page, request, description=""):
    """The properties every page's JSON-LD starts with: what it is, its name, address and language."""
    data = {"@context": SCHEMA, "@type": kind, "name": page.title, "url": page.get_full_url(request)}
    data["inLanguage"] = html_lang(get_language())
    if description:
        data["description"] = description
    return data


def news_article(page, request, description="", author=""):
    """schema.org NewsArticle of a page dated by a day (`date`), by `author` or else by the Office."""
    data = page_thing("NewsArticle", page, request, description)
    published = day_published(page)
    data.update(
        headline=page.title,
        mainEntityOfPage=data["url"],
        datePublished=moment(published),
        dateModified=moment(max(published, page.last_published_at or published)),
        publisher=office(request),
        author={"@type": "Person", "name": author} if author else office(request),
    )
    image = lead_image(request, page)
    if image:
        data["image"] = [image["url"]]
    return data


def event(page, request, description="", online=""):
    """schema.org Event of a page that takes place over a span (`portal.dated.SpanPage`), at its
    `calendar_location()` and, when given, `online` (a live stream)."""
    data = page_thing("Event", page, request, description)
    data.update(startDate=moment(page.start), endDate=moment(page.end), organizer=office(request))
    data["eventStatus"] = f"{SCHEMA}/EventScheduled"
    place = page.calendar_location()
    locations = [{"@type": "Place", "name": place, "address": place}] if place else []
    locations += [{"@type": "VirtualLocation", "url": online}] if online else []
    if locations:
        modes = {(True, False): "Offline", (False, True): "Online", (True, True): "Mixed"}
        data["eventAttendanceMode"] = f"{SCHEMA}/{modes[bool(place), bool(online)]}EventAttendanceMode"
        data["location"] = locations[0] if len(locations) == 1 else locations
    return data


def government_service(page, request, description, service_type, audience):
    """schema.org GovernmentService of a guide to one of the city's services, for one audience."""
    data = page_thing("GovernmentService", page, request, description)
    data.update(serviceType=str(service_type), audience={"@type": "Audience", "audienceType": str(audience)})
    return data
