"""What a page tells search engines and link previews (WeChat, chat apps): its description,
canonical address, Open Graph tags and JSON-LD, in the page's language, every address absolute
and at the configured site (settings.SITE_URL), never at the host a request named."""

import datetime
import json
import re

import pytest
import zxingcpp
from PIL import Image, ImageDraw

from django.utils import timezone, translation

from wagtail_factories import ImageFactory

from agencies.factories import AgencyIndexPageFactory, AgencyPageFactory
from cns.factories import (
    ArticlePageFactory,
    CNSHomePageFactory,
    EventPageFactory,
    GuideIndexPageFactory,
    GuidePageFactory,
)
from portal.factories import StandardPageFactory
from portal.siteaddress import point_default_site
from pressroom.factories import PressConferencePageFactory, PressReleasePageFactory, PressroomPageFactory
from pressroom.models import PressReleaseImage
from tests.kit import soup

SITE = "https://portal.example.gov.cn"
SITE_LINE = {
    "en": "Official information from the city government for residents, visitors and the media, in English and Chinese.",
    "zh-hans": "政府",  # a part of the Chinese line, enough to tell it from the English one
}
SITE_NAME = {"en": "Information Office of Shanghai Municipality", "zh-hans": "上海市人民政府新闻办公室"}
OG_LOCALE = {"en": ("en_US", ["zh_CN"]), "zh-hans": ("zh_CN", ["en_US"])}
BEIJING_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$")
LANGUAGES = ["en", "zh-hans"]


@pytest.fixture
def configured_site(settings, home):
    """The site answers at SITE, as install_site leaves it; requests still come as "testserver"."""
    settings.SITE_URL = SITE
    return point_default_site(home)


@pytest.fixture
def pages(configured_site, home):
    """One page of each type the site has, filled in the way editors fill them in."""
    government = StandardPageFactory(
        parent=home, slug="government", title_en="Government", title_zh_hans="政务", intro_en="", intro_zh_hans=""
    )
    directory = AgencyIndexPageFactory(parent=government)
    pressroom = PressroomPageFactory(parent=home)
    cns = CNSHomePageFactory(parent=home)
    guides = GuideIndexPageFactory(parent=cns)
    start = timezone.make_aware(datetime.datetime(2030, 3, 4, 10, 0))
    return {
        "home": home,
        "standard": StandardPageFactory(
            parent=home, slug="about", title_en="About", title_zh_hans="关于", intro_en="Who we are."
        ),
        "agency_index": directory,
        "agency": AgencyPageFactory(
            parent=directory, slug="office", title_en="Office", title_zh_hans="办公室", summary_en="Runs things."
        ),
        "pressroom": pressroom,
        "release": PressReleasePageFactory(
            parent=pressroom, slug="alliance", title_en="Alliance launched", title_zh_hans="联盟成立"
        ),
        "conference": PressConferencePageFactory(
            parent=pressroom,
            slug="briefing",
            title_en="Briefing",
            title_zh_hans="发布会",
            start=start,
            summary_en="The year ahead.",
            summary_zh_hans="新一年。",
            live_stream_url="https://live.example.gov.cn/briefing",
        ),
        "cns": cns,
        "guide_index": guides,
        "guide": GuidePageFactory(parent=guides, slug="housing", title_en="Register housing", title_zh_hans="住宿登记"),
        "article": ArticlePageFactory(parent=cns, slug="centre", title_en="Centre opens", title_zh_hans="中心开放"),
        "event": EventPageFactory(
            parent=cns, slug="tea", title_en="Tea ceremony", title_zh_hans="茶艺", start=start, summary_en="Tea."
        ),
    }


def head(client, path, status=200):
    return soup(client.get(path), status=status).head


def meta(document, name):
    tag = document.find("meta", attrs={"property": name}) or document.find("meta", attrs={"name": name})
    return tag["content"] if tag else None


def json_ld(document):
    scripts = document.find_all("script", type="application/ld+json")
    assert len(scripts) == 1, scripts
    return json.loads(scripts[0].string)


def addresses(data):
    """Every URL in a JSON-LD document, at any depth."""
    if isinstance(data, dict):
        return [url for value in data.values() for url in addresses(value)]
    if isinstance(data, list):
        return [url for value in data for url in addresses(value)]
    return [data] if isinstance(data, str) and re.match(r"^[a-z]+://", data) else []


def full_url(page, language):
    with translation.override(language):
        return page.get_full_url()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "kind",
    [
        "home",
        "standard",
        "agency_index",
        "agency",
        "pressroom",
        "release",
        "conference",
        "cns",
        "guide_index",
        "guide",
        "article",
        "event",
    ],
)
def test_every_page_type_has_a_description_canonical_address_and_open_graph_tags(client, pages, kind, language):
    page = pages[kind]
    address = full_url(page, language)
    assert address.startswith(f"{SITE}/{language}/")

    document = head(client, address.removeprefix(SITE))

    assert document.find("link", rel="canonical")["href"] == address
    assert meta(document, "og:url") == address
    assert meta(document, "description")
    assert meta(document, "og:description") == meta(document, "description")
    with translation.override(language):
        title = SITE_NAME[language] if kind == "home" else page.specific.seo_title or page.specific.title
    assert meta(document, "og:title") == title
    locale, alternates = OG_LOCALE[language]
    assert meta(document, "og:locale") == locale
    assert [tag["content"] for tag in document.find_all("meta", property="og:locale:alternate")] == alternates
    assert meta(document, "og:type") == ("article" if kind in {"release", "article"} else "website")
    assert meta(document, "og:image") is None  # none of these pages has a lead image


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("kind", "schema_type"),
    [
        ("home", "WebSite"),
        ("agency", "GovernmentOrganization"),
        ("release", "NewsArticle"),
        ("article", "NewsArticle"),
        ("conference", "Event"),
        ("event", "Event"),
        ("guide", "GovernmentService"),
    ],
)
def test_json_ld_says_what_the_page_is_with_absolute_addresses_at_the_configured_site(
    client, pages, kind, schema_type, language
):
    address = full_url(pages[kind], language)

    data = json_ld(head(client, address.removeprefix(SITE)))

    assert data["@type"] == schema_type
    assert data["url"] == address
    foreign = ("https://schema.org", "https://live.example.gov.cn/")  # vocabulary, and the stream's own host
    ours = [url for url in addresses(data) if not url.startswith(foreign)]
    assert ours and all(url.startswith(f"{SITE}/") for url in ours), ours
    assert "localhost" not in json.dumps(data) and "testserver" not in json.dumps(data)


@pytest.mark.parametrize(("language", "headline"), [("en", "Alliance launched"), ("zh-hans", "联盟成立")])
def test_a_release_is_a_news_article_of_the_office_dated_in_beijing_time(client, pages, language, headline):
    release = pages["release"]

    data = json_ld(head(client, full_url(release, language).removeprefix(SITE)))

    assert data["headline"] == headline
    assert data["inLanguage"] == {"en": "en", "zh-hans": "zh-Hans"}[language]
    assert data["description"] == release.lede_en if language == "en" else release.lede_zh_hans
    assert BEIJING_TIME.match(data["datePublished"]) and BEIJING_TIME.match(data["dateModified"])
    assert data["datePublished"].startswith("2024-04-30T")
    assert data["publisher"]["@type"] == "GovernmentOrganization"
    assert data["publisher"]["url"] == f"{SITE}/{language}/"


def test_an_article_names_its_author(client, pages):
    article = pages["article"]
    article.author_en = "Li Wei"
    article.save_revision().publish()

    data = json_ld(head(client, "/en/cns/centre/"))

    assert data["author"] == {"@type": "Person", "name": "Li Wei"}


def test_an_event_gives_its_times_in_beijing_time_and_its_place(client, pages):
    data = json_ld(head(client, "/zh-hans/cns/tea/"))

    assert data["startDate"] == "2030-03-04T10:00:00+08:00"
    assert data["endDate"] == "2030-03-04T12:00:00+08:00"
    assert data["location"] == {"@type": "Place", "name": "社区中心", "address": "社区中心"}
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"


def test_a_press_conference_with_a_live_stream_is_held_in_the_hall_and_online(client, pages):
    data = json_ld(head(client, "/en/press/briefing/"))

    assert data["startDate"] == "2030-03-04T10:00:00+08:00"
    assert data["endDate"] == "2030-03-04T11:00:00+08:00"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["location"] == [
        {"@type": "Place", "name": "Press hall", "address": "Press hall"},
        {"@type": "VirtualLocation", "url": "https://live.example.gov.cn/briefing"},
    ]


def test_a_guide_is_a_government_service_for_its_audience(client, pages):
    data = json_ld(head(client, "/zh-hans/cns/guides/housing/"))

    assert data["name"] == "住宿登记"
    assert data["description"] == "本指南的用途。"
    assert data["audience"]["@type"] == "Audience"
    assert data["serviceType"]


def test_the_description_is_the_search_description_then_the_summary_then_the_sites_line(client, pages):
    standard = pages["standard"]
    assert meta(head(client, "/en/about/"), "description") == "Who we are."

    standard.search_description_en = "What the Office is and does."
    standard.save_revision().publish()
    assert meta(head(client, "/en/about/"), "description") == "What the Office is and does."

    # A page with no text of its own to sum it up gets the site's line.
    assert meta(head(client, "/en/government/"), "description") == SITE_LINE["en"]


def test_the_description_of_a_release_is_its_lede_in_the_readers_language(client, pages):
    assert meta(head(client, "/en/press/alliance/"), "description") == "What happened, in one sentence."
    assert meta(head(client, "/zh-hans/press/alliance/"), "description") == "一句话概要。"


def test_a_long_summary_is_cut_for_previews(client, pages):
    article = pages["article"]
    article.intro_en = "word " * 200
    article.save_revision().publish()

    description = meta(head(client, "/en/cns/centre/"), "description")

    assert 100 < len(description) <= 200 and description.endswith("…")


def test_the_sites_line_is_in_the_readers_language(client, pages):
    """Needs the Chinese catalogue (the footer's line, already translated)."""
    description = meta(head(client, "/zh-hans/government/"), "description")

    assert SITE_LINE["zh-hans"] in description and description != SITE_LINE["en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_article_with_a_photo_shares_it_as_an_absolute_jpeg_with_its_description(client, pages, language):
    article = pages["article"]
    article.image = ImageFactory(file__width=1600, file__height=900)
    article.image_alt_en, article.image_alt_zh_hans = "The opening ceremony", "开幕式"
    article.save_revision().publish()

    document = head(client, f"/{language}/cns/centre/")

    image = meta(document, "og:image")
    assert image.startswith(f"{SITE}/") and image.endswith(".jpg")
    assert (meta(document, "og:image:width"), meta(document, "og:image:height")) == ("1200", "675")
    assert meta(document, "og:image:alt") == {"en": "The opening ceremony", "zh-hans": "开幕式"}[language]
    assert meta(document, "twitter:card") == "summary_large_image"
    assert json_ld(document)["image"] == [image]


def test_a_release_shares_its_first_photo(client, pages):
    release = pages["release"]
    for order, alt in enumerate(["The signing", "The audience"]):
        PressReleaseImage.objects.create(
            page=release, image=ImageFactory(), alt_text_en=alt, credit_en="Staff", sort_order=order
        )

    document = head(client, "/en/press/alliance/")

    assert meta(document, "og:image").startswith(f"{SITE}/")
    assert meta(document, "og:image:alt") == "The signing"


def test_a_route_of_a_page_has_its_own_canonical_address_and_title(client, pages):
    document = head(client, "/en/cns/news/?page=2&utm_source=chat")

    assert document.find("link", rel="canonical")["href"] == f"{SITE}/en/cns/news/?page=2"
    assert meta(document, "og:url") == f"{SITE}/en/cns/news/?page=2"
    assert meta(document, "og:title") == "News | City News Service"
    assert meta(document, "og:description") == "Guides, news and events for foreign residents."


def test_addresses_never_come_from_the_host_a_request_names(client, pages):
    document = head(client, "/en/press/alliance/", status=200)
    forged = soup(client.get("/en/press/alliance/", HTTP_HOST="localhost")).head

    assert document.find("link", rel="canonical")["href"] == f"{SITE}/en/press/alliance/"
    assert forged.find("link", rel="canonical")["href"] == f"{SITE}/en/press/alliance/"
    assert json_ld(forged)["url"] == f"{SITE}/en/press/alliance/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_results_have_a_description_and_no_canonical_address(client, pages, language):
    document = head(client, f"/{language}/search/?q=alliance")

    assert meta(document, "description")
    assert meta(document, "og:title")
    assert meta(document, "og:locale") == OG_LOCALE[language][0]
    assert document.find("link", rel="canonical") is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_page_still_renders_its_head_without_claiming_an_address(client, pages, language):
    document = head(client, f"/{language}/no-such-page/", status=404)

    assert meta(document, "description")
    assert document.find("link", rel="canonical") is None
    assert meta(document, "og:url") is None


# The QR code ---------------------------------------------------------------------------------

SHARED_TYPES = ["release", "conference", "article", "event", "guide"]
CAPTION = {"en": "Scan to share on WeChat", "zh-hans": "微信扫一扫分享"}


def rasterise(svg, scale=6):
    """The QR code's SVG drawn as an image, as a browser would: segno writes each row's dark modules
    as horizontal strokes one module wide (moves M/m, lines h); any other drawing fails the test."""
    _x, _y, width, height = (int(n) for n in svg["viewbox"].split())  # html.parser lowercases names
    image = Image.new("L", (width * scale, height * scale), 255)
    pen = ImageDraw.Draw(image)
    path = svg.find("path", attrs={"stroke": "#000"})["d"]
    x = y = 0.0
    for command, numbers in re.findall(r"([A-Za-z])([^A-Za-z]*)", path):
        values = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", numbers)]
        if command == "M":
            x, y = values
        elif command == "m":
            x, y = x + values[0], y + values[1]
        elif command == "h":
            pen.rectangle([x * scale, (y - 0.5) * scale, (x + values[0]) * scale - 1, (y + 0.5) * scale - 1], fill=0)
            x += values[0]
        else:
            raise AssertionError(f"unexpected path command {command!r}")
    return image


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", SHARED_TYPES)
def test_the_qr_code_decodes_to_the_pages_address_in_the_readers_language(client, pages, kind, language):
    address = full_url(pages[kind], language)

    figure = soup(client.get(address.removeprefix(SITE))).main.select_one("article figure.share-qr")

    svg = figure.svg
    assert svg["role"] == "img" and svg["aria-label"]
    assert [code.text for code in zxingcpp.read_barcodes(rasterise(svg))] == [address]
    assert figure.select_one(".share-qr__address").get_text(strip=True) == address


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_qr_code_is_captioned_in_the_readers_language(client, pages, language):
    """Needs the Chinese catalogue ("微信扫一扫分享")."""
    figure = soup(client.get(f"/{language}/cns/tea/")).select_one("figure.share-qr")

    assert figure.select_one(".share-qr__label").get_text(strip=True) == CAPTION[language]


def test_the_qr_code_is_drawn_on_the_server_with_nothing_from_another_host(client, pages):
    html = client.get("/en/press/alliance/").content.decode()
    figure = soup(client.get("/en/press/alliance/")).select_one("figure.share-qr")

    assert figure.find("img") is None and figure.find("script") is None
    assert not figure.find_all(attrs={"style": True})
    assert "weixin" not in html.lower() and "qq.com" not in html


@pytest.mark.parametrize("kind", ["home", "standard", "agency", "pressroom", "cns", "guide_index"])
def test_other_pages_show_no_qr_code(client, pages, kind):
    assert soup(client.get(full_url(pages[kind], "en").removeprefix(SITE))).select_one(".share-qr") is None


@pytest.mark.parametrize("number", ["1", "0", "-2", "02", "²", "2" * 5000, "x"])
def test_a_page_number_that_is_not_a_later_page_is_left_out_of_the_canonical_address(client, pages, number):
    document = head(client, f"/en/cns/news/?page={number}", status=None)

    assert document.find("link", rel="canonical")["href"] == f"{SITE}/en/cns/news/"


def test_the_title_editors_give_for_search_engines_is_the_title_shared(client, pages):
    standard = pages["standard"]
    standard.seo_title_en = "About the Information Office"
    standard.save_revision().publish()

    assert meta(head(client, "/en/about/"), "og:title") == "About the Information Office"


def test_the_home_page_shares_its_hero_image_without_describing_a_decoration(client, pages):
    home = pages["home"]
    home.hero_image = ImageFactory()
    home.save_revision().publish()

    document = head(client, "/zh-hans/")

    assert meta(document, "og:image").startswith(f"{SITE}/")
    assert meta(document, "og:image:alt") is None


def test_a_photo_whose_file_is_missing_leaves_the_preview_without_an_image(client, pages, empty_cache):
    article = pages["article"]
    article.image = ImageFactory()
    article.image_alt_en = "The opening ceremony"
    article.save_revision().publish()
    article.image.renditions.all().delete()
    article.image.file.storage.delete(article.image.file.name)

    document = head(client, "/en/cns/centre/")

    assert meta(document, "og:image") is None
    assert "image" not in json_ld(document)
