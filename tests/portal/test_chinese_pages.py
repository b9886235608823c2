"""Every Chinese page of the demo site's sitemap, read as a Chinese reader reads it: no half-width
punctuation beside Chinese characters, no Latin-script text outside an element marked lang="en"
(tests/portal/chinese_text.py says what is allowed), and the glossary's names for organisations
and terms (docs/glossary.toml)."""

import io
import re
import xml.etree.ElementTree as ET

import pytest

from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings

from tests.kit import parse
from tests.portal.chinese_text import chinese_texts, half_width_punctuation, problems, stray_latin
from tests.portal.glossary import load_glossary

# The mark makes pytest-django create the test database, which the module's fixture fills once.
pytestmark = pytest.mark.django_db

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(scope="module")
def chinese_pages(django_db_setup, django_db_blocker, tmp_path_factory):
    """{path: parsed page} for every Chinese address of the demo site's sitemap, read once per module
    inside a transaction rolled back at its end."""
    media = tmp_path_factory.mktemp("media")
    with (
        override_settings(MEDIA_ROOT=media / "public", PRIVATE_MEDIA_ROOT=media / "private"),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        call_command("load_demo_content", verbosity=0, stdout=io.StringIO())
        caches["default"].clear()
        client = Client()
        sitemap = ET.fromstring(client.get("/sitemap.xml").content)
        paths = [
            re.sub(r"^https?://[^/]+", "", url.find("s:loc", SITEMAP_NS).text)
            for url in sitemap.findall("s:url", SITEMAP_NS)
        ]
        pages = {}
        for path in paths:
            if path.startswith("/zh-hans/"):
                response = client.get(path)
                assert response.status_code == 200, (path, response.status_code)
                pages[path] = parse(response.content)
        caches["default"].clear()
        yield pages
        transaction.set_rollback(True)


def findings(pages, check):
    return {path: found for path, page in pages.items() if (found := check(page))}


def test_the_sitemap_lists_every_kind_of_chinese_page(chinese_pages):
    paths = set(chinese_pages)
    assert len(paths) > 40
    assert "/zh-hans/" in paths
    for part in ("/cns/", "/townships/", "/agencies/"):
        assert any(part in path for path in paths), part
    assert all(page.html["lang"] == "zh-Hans" for page in chinese_pages.values())


def test_chinese_pages_have_no_half_width_punctuation_beside_chinese(chinese_pages):
    def check(page):
        return [snippet for _where, text in chinese_texts(page) for snippet in half_width_punctuation(text)]

    assert findings(chinese_pages, check) == {}


def test_chinese_pages_have_no_latin_text_outside_an_element_marked_as_english(chinese_pages):
    def check(page):
        return [f"{where}: {text.strip()[:80]}" for where, text in chinese_texts(page) if stray_latin(text)]

    assert findings(chinese_pages, check) == {}


def test_chinese_pages_use_the_glossary_names(chinese_pages):
    glossary = load_glossary()

    def check(page):
        return [
            f"{where}: {wrong} -> {right}"
            for where, text in chinese_texts(page)
            for wrong, right in glossary.misnamed(text)
        ]

    assert findings(chinese_pages, check) == {}


# The rules themselves, on small pages, so that the checks above cannot pass by reading nothing.
PAGE = '<!DOCTYPE html><html lang="zh-Hans"><head><title>{title}</title></head><body>{body}</body></html>'


def page(body, title="首页"):
    return parse(PAGE.format(title=title, body=body))


@pytest.mark.parametrize(
    "body",
    [
        "<p>电话: 021-2311 1111</p>",
        "<p>浦东新区 (4)</p>",
        "<p>姓名(必填)</p>",
        "<p>请注意,本页已更新</p>",
        "<p>您是?</p>",
    ],
)
def test_half_width_punctuation_beside_chinese_is_found(body):
    assert problems(page(body))


@pytest.mark.parametrize(
    "body",
    [
        "<p>作者 City News Service</p>",
        '<p lang="zh-Hans">“Your Voice Matters”圆桌会</p>',
        '<p><img src="x.png" alt="Photo of the Bund"></p>',
        '<div lang="en"><p lang="zh-Hans">Menu</p></div>',
    ],
)
def test_latin_text_in_chinese_is_found(body):
    assert problems(page(body))


@pytest.mark.parametrize(
    "body",
    [
        '<p>作者：<span lang="en">City News Service</span></p>',
        '<div lang="en"><h1>Foreign Talents in Shanghai</h1><p>Telephone: 021 (2311)</p></div>',
        "<p>电话：021-2311 1111，网址：https://www.example.org/about，邮箱：office@example.org</p>",
        "<p>记者证扫描件：PDF格式，不超过5 MB。登记编号例如PR-ABCD-EFGH-JKMN。</p>",
        '<nav><a href="#letter-a">A</a> <a href="/en/" lang="en">English</a></nav>',
        "<p>沪ICP备00000000号（北京时间，UTC+8）</p>",
        "<script>var a = '电话: (1)';</script>",
    ],
)
def test_what_a_chinese_page_may_hold_is_not_reported(body):
    assert problems(page(body)) == []


def test_the_description_a_search_engine_shows_is_read_too():
    shared = parse(
        '<html lang="zh-Hans"><head><title>首页</title><meta name="description" content="CNS简介(试行)">'
        '<meta property="og:title" content="City News Service"></head><body><p>首页</p></body></html>'
    )

    found = "\n".join(problems(shared))
    assert "half-width punctuation in <meta description>" in found
    assert "Latin text without lang=en in <meta description>: 'CNS'" in found
    assert "Latin text without lang=en in <meta og:title>: 'City News Service'" in found
