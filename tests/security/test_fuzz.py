"""A bounded fuzz of every public form and query parameter, in both languages: no answer is a 5xx.

The demo site is loaded whole (every section), then the test reads what is there instead of
assuming it: every live public page of each type, every route of the routable pages (pressroom,
CNS) and of the URLconf outside the page tree and the admin (search, alerts, page feedback,
Wagtail's sign-in and password forms, the site files), the forms their HTML shows (action, method, field names, the choices of each select) and
the query parameters the views read without a form (`page`, `topic`, `district`, `township`,
`p`, `next`). From that, a fixed `random.Random(SEED)` builds some eight hundred requests: GET and
POST, in English and Chinese, each field in turn given values a browser never sends (empty, 10 000
characters, NUL and other control characters, CR/LF, U+202E, zero-width characters, emoji, lone
surrogates as raw bytes, SQL, HTML and template syntax, path traversal, negative, huge and
non-numeric numbers), repeated and array parameters, forged formset management fields, press
cards that are not what they say, bodies of the wrong content type, missing or wrong CSRF
tokens, methods other than GET and POST, odd Accept-Language, Cookie and Host headers, long paths.
A form that appears on a page later is fuzzed too, from what its page fills in. Header values
stay within what gunicorn passes on (no control characters, at most 8000 bytes): a header it
refuses never reaches the site.

Each request is sent by a client of its own, inside a savepoint rolled back after it, with the
cache emptied before it: it sees the demo site as loaded, whatever came before, so a failure
is reproduced by its one line in the report. The anonymous page cache is on, as in production.

Two properties must hold for every answer:
- its status is below 500 (an exception the test client re-raises counts as a 500);
- it does not contain, unescaped, a script or an element with an event handler that the
  request carried.
Rate limits (every `*_RATE` and `*_RATE_LIMIT` setting) are raised for the test, so that the
forms' own checks answer; a 429 is still fine.
"""

import itertools
import random
import re
import struct
import time
import traceback
import zlib
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import quote, quote_plus

import pytest
from bs4 import BeautifulSoup

from django.conf import settings as django_settings
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import RoutePattern
from django.utils import timezone, translation

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction, get_page_models

from agencies.models import AgencyIndexPage
from cns.models import CNSHomePage, FeedbackTopic, GuideIndexPage, Township
from cns.models.choices import Audience
from cns.models.directory import ArticleTopic
from cns.models.feedback import MESSAGE_MAX_LENGTH, MESSAGE_MIN_LENGTH
from portal.factories import StandardPageFactory
from portal.models import HomePage
from portal.search.query import search_sections
from pressroom.factories import InterviewRequestFactory, JournalistRegistrationFactory
from pressroom.models import JournalistRegistration, PressroomPage
from pressroom.models.registration import hash_token

from .conftest import png_bytes

pytestmark = [
    pytest.mark.django_db,
    # The page cache's key holds the path as sent, and a fuzzed path is longer than memcached's
    # 250 characters; the site's cache is Redis (or local memory), which takes any length.
    pytest.mark.filterwarnings("ignore::django.core.cache.backends.base.CacheKeyWarning"),
]

SEED = 20250611
LANGUAGES = ("en", "zh-hans")

# What must never come back unescaped. The marker is unique, so the site's own scripts cannot match.
SCRIPT = "<script>fuzz(7331)</script>"
IMG = '"><img src=x onerror=fuzz(7331)>'
RAW_MARKUP = ("<script>fuzz(7331)", "<img src=x onerror=fuzz(7331)>")

LONG = "x" * 10_000
TEXT_VALUES = [
    "",
    " ",
    LONG,
    "é" * 10_000,
    "\x00",
    "a\x00b",
    "%00",
    "\x01\x02\x07\x08\x0b\x0c\x1b\x7f",
    "\x85\x9f",
    "\r\n",
    "a\r\nSet-Cookie: fuzz=1\r\nX-Fuzz: 1",
    "\u202egnp.exe",
    "\u200b\u200c\u200d\u2060\ufeff",
    "😀👩🏽‍🚀🇨🇳" * 3,
    "\U0010ffff\ufffe\uffff",
    "\ud800",  # lone surrogates: sent as the bytes UTF-8 would give them (invalid UTF-8)
    "x\udfffy\ud800",
    "' OR '1'='1' --",
    "1; DROP TABLE wagtailcore_page; --",
    "%' UNION SELECT password FROM auth_user --",
    SCRIPT,
    IMG,
    "javascript:fuzz(7331)",
    "{{ request.META }}",
    "{% debug %}{% load log %}",
    "{{7*7}}${7*7}#{7*7}",
    "../../../../etc/passwd",
    "..\\..\\..\\windows\\win.ini",
    "..%2f..%2f..%2fetc%2fpasswd",
    "%s%n%x%d",
    "\\",
    '"',
    "'",
    "*",
    "?",
    "&",
    "=",
    "%",
    "+",
    "李伟",
    "\u3000",
    "ＡＢＣ１２３",
]
NUMBER_VALUES = [
    "",
    "-1",
    "0",
    "1",
    "2",
    "-0",
    "00000001",
    "99999999999999999999999",
    "2147483648",
    "9223372036854775808",
    "-9223372036854775809",
    "1e309",
    "1e3",
    "NaN",
    "inf",
    "-inf",
    "1.5",
    "0x1F",
    "²",
    "١٢",
    "１",
    " 1 ",
    "1\x00",
    "last",
    "abc",
    "9" * 5000,
]

# Formset management forms as a forger sends them (the registration's interview requests).
FORMSET_FORGERIES = [
    {"interviews-TOTAL_FORMS": "1000"},
    {"interviews-TOTAL_FORMS": "1001"},
    {"interviews-TOTAL_FORMS": "100000000000"},
    {"interviews-TOTAL_FORMS": "-1"},
    {"interviews-TOTAL_FORMS": "0"},
    {"interviews-TOTAL_FORMS": ""},
    {"interviews-TOTAL_FORMS": "abc"},
    {"interviews-TOTAL_FORMS": "²"},
    {"interviews-TOTAL_FORMS": "1e3"},
    {"interviews-TOTAL_FORMS": "6"},
    {"interviews-INITIAL_FORMS": "-1"},
    {"interviews-INITIAL_FORMS": "1"},
    {"interviews-INITIAL_FORMS": "3"},
    {"interviews-INITIAL_FORMS": "1000"},
    {"interviews-INITIAL_FORMS": "x"},
    {"interviews-MIN_NUM_FORMS": "0", "interviews-MAX_NUM_FORMS": "1000", "interviews-TOTAL_FORMS": "8"},
    {"interviews-INITIAL_FORMS": "1", "interviews-0-id": "1"},
    {"interviews-INITIAL_FORMS": "1", "interviews-0-id": "-1"},
    {"interviews-INITIAL_FORMS": "1", "interviews-0-id": "99999999999999999999999"},
    {"interviews-INITIAL_FORMS": "1", "interviews-0-id": "abc"},
    {"interviews-INITIAL_FORMS": "1", "interviews-0-id": "\x00"},
    {"interviews-0-registration": "1"},
    {"interviews-7-topic": "Beyond TOTAL_FORMS"},
    {"interviews-__prefix__-topic": "The empty form's prefix"},
    {"interviews--1-topic": "A negative index"},
    None,  # the management form left out altogether
]

ACCEPT_LANGUAGES = [
    "",
    "*",
    "zh",
    "zh-CN",
    "zh-Hans-CN,zh;q=0.9,en;q=0.8",
    "zh-hant-TW",
    "xx-invalid",
    "en;q=abc",
    "en;q=1e999",
    "en;q=-1",
    "de;q=0.9, fr;q=0.8, *;q=0.1",
    ",,,;;;===",
    "a" * 8000,  # the longest header line gunicorn (8190 bytes) and nginx (8k) let through
    "en-" + "x" * 300,
    "zh-hans;q=0.5, en;q=0.5",
    "\u202e\u200b",
]

COOKIES = [
    "sessionid=" + "x" * 5000,
    "sessionid=../../../../etc/passwd",
    "sessionid=%01%02; csrftoken=",
    'csrftoken="\\"; django_language=xx',
    "django_language=zh-hans" + "x" * 300,
    "=; ; ;=;;",
]

HOSTS = ["evil.example", "testserver:99999", "testserver, evil.example", "évil.example", "[::1", "x" * 300, ""]

# Header values gunicorn refuses (400, RFC 9110 section 5.5) before Django sees them: the test client
# would deliver them, so sending them would only find its leniency, never a visitor's 500.
UNDELIVERABLE_IN_HEADERS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")
HEADER_VALUES = [
    value
    for value in TEXT_VALUES
    if not UNDELIVERABLE_IN_HEADERS.search(value) and len(value.encode("utf-8", "surrogatepass")) <= 8000
]


@dataclass
class Probe:
    """One request: enough to send it again by hand."""

    method: str
    path: str  # percent-encoded
    query: list = field(default_factory=list)  # [(name, value)]; str values (lone surrogates allowed) or bytes
    form: list = None  # [(name, value)] of the body, urlencoded or multipart
    files: list = field(default_factory=list)  # [(field name, file name, bytes, content type or None)]
    multipart: bool = False
    body: bytes = None  # a raw body instead of `form`
    content_type: str = None
    headers: dict = field(default_factory=dict)  # WSGI names: HTTP_ACCEPT_LANGUAGE
    csrf: str = None  # None: not enforced; "missing", "wrong", "valid": enforced, token as said
    csrf_form_page: str = None  # where the "valid" token is read from
    baseline: tuple = None  # (name, answers): the valid answers `form` was made from, to report only the changes

    def query_string(self):
        return "&".join(f"{_quoted(name)}={_quoted(value)}" for name, value in self.query)

    def encoded_body(self):
        if self.body is not None:
            return self.body, self.content_type or "application/octet-stream"
        if self.form is None and not self.files:
            return b"", None
        if self.multipart or self.files:
            return _multipart(self.form or [], self.files), f"multipart/form-data; boundary={BOUNDARY}"
        pairs = "&".join(f"{_quoted(name)}={_quoted(value)}" for name, value in self.form)
        return pairs.encode("ascii"), self.content_type or "application/x-www-form-urlencoded"

    def describe(self):
        query = self.query_string()
        if len(query) > 300:  # as the values, which say how long they are
            query = "&".join(f"{_value(name)}={_value(value)}" for name, value in self.query)
        parts = [self.method, _short(self.path, 200) + (f"?{query}" if self.query else "")]
        if self.form is not None:
            parts.append("form=" + _form_summary(self.form, self.baseline))
        if self.files:
            parts.append("files=" + repr([(n, f, f"<{len(c)} bytes {c[:12]!r}>", t) for n, f, c, t in self.files]))
        if self.body is not None:
            parts.append(f"body=<{len(self.body)} bytes {self.body[:40]!r}> content_type={self.content_type!r}")
        if self.headers:
            parts.append("headers={" + ", ".join(f"{k!r}: {_value(v)}" for k, v in self.headers.items()) + "}")
        if self.csrf:
            parts.append(f"csrf={self.csrf} (enforced)")
        return " ".join(parts)

    def carries(self, text):
        """Whether `text` is in what this request sends: path, query, form, file names, headers."""
        values = [self.path, *self.headers.values(), _text(self.body or b"")]
        for pairs in (self.query, self.form or []):
            values += [_text(part) for pair in pairs for part in pair]
        values += [name for _field, name, _content, _type in self.files]
        return any(text in value for value in values)


def _encoded(value):
    return value if isinstance(value, bytes) else str(value).encode("utf-8", "surrogatepass")


def _quoted(value):
    return quote_plus(_encoded(value))


def _wsgi(value):
    return _encoded(value).decode("latin-1")


def _text(value):
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _short(text, limit=120):
    text = str(text)
    return text if len(text) <= limit else f"{text[:limit]}…<{len(text)} chars>"


def _value(value):
    """A value as Python would write it, a long one shortened in a way that says what it was."""
    if len(value) <= 60:
        return repr(value)
    if len(set(value)) == 1:
        return f"{value[0]!r} * {len(value)}"
    return f"{value[:40]!r}…({len(value)} chars)"


def _short_pairs(pairs):
    return "[" + ", ".join(f"({_value(name)}, {_value(value)})" for name, value in pairs) + "]"


def _form_summary(form, baseline):
    """The form as sent; made from valid answers, only what differs from them."""
    if baseline is None:
        return _short_pairs(form)
    name, valid = baseline
    names = [field for field, _value in form]
    changed = [(field, value) for field, value in form if valid.get(field) != value or names.count(field) > 1]
    missing = [field for field in valid if field not in names]
    return f"<valid {name} answers> changed={_short_pairs(changed)} left_out={missing!r}"


BOUNDARY = "FuzzBoundary7331"


def _multipart(form, files):
    lines = []
    for name, value in form:
        lines += [
            f"--{BOUNDARY}".encode(),
            b'Content-Disposition: form-data; name="' + _encoded(name) + b'"',
            b"",
            _encoded(value),
        ]
    for name, filename, content, content_type in files:
        lines += [
            f"--{BOUNDARY}".encode(),
            b'Content-Disposition: form-data; name="' + _encoded(name) + b'"; filename="' + _encoded(filename) + b'"',
        ]
        if content_type is not None:
            lines.append(b"Content-Type: " + _encoded(content_type))
        lines += [b"", content]
    lines += [f"--{BOUNDARY}--".encode(), b""]
    return b"\r\n".join(lines)


# Press cards that are not what they say -------------------------------------------------------


def _png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def _bomb_png_header():
    """A PNG header claiming 100 000 x 100 000 pixels, with one tiny compressed row and no end."""
    header = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))


def credential_files():
    good = png_bytes()
    return [
        ("card.png", good, "image/png"),  # the good one, for a baseline
        ("card.pdf", b"This is plain text, not a PDF.\n", "application/pdf"),
        ("empty.png", b"", "image/png"),
        ("truncated.png", good[: len(good) // 2], "image/png"),
        ("header-only.png", good[:8], "image/png"),
        ("bomb.png", _bomb_png_header(), "image/png"),
        ("garbage.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 4, "application/pdf"),
        ("eof.pdf", b"%PDF-1.4\n%%EOF", "application/pdf"),
        ("truncated.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20, "image/jpeg"),
        ("card.png.exe", good, "application/x-msdownload"),
        ("card.png", good + b"<?php system($_GET['c']); ?>" + SCRIPT.encode(), "image/png"),
        ("card.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;", "image/png"),
        ("card.svg", f'<svg xmlns="http://www.w3.org/2000/svg">{SCRIPT}</svg>'.encode(), "image/svg+xml"),
        ("../../../../etc/passwd.png", good, "image/png"),
        ("..\\..\\card.png", good, "image/png"),
        (SCRIPT + ".png", good, "image/png"),
        ("\u202egnp.exe", good, "image/png"),
        ("card\x00.png", good, "image/png"),
        ("a" * 300 + ".png", good, "image/png"),
        ("", good, "image/png"),
        ("card.png", good, None),
        ("card.png", good, "text/html"),
    ]


# What the site holds, read from the database ------------------------------------------------


def url_in(page, language):
    with translation.override(language):
        return page.get_url()


def in_language(url, language):
    """/en/... as /zh-hans/... (one slug for every language: only the prefix changes)."""
    return re.sub(r"^/(en|zh-hans)/", f"/{language}/", url)


def public_pages():
    """The first live public page of every page type, by tree order (the home page first)."""
    pages = []
    for model in get_page_models():
        if model is Page:
            continue
        page = model.objects.live().public().order_by("path").first()
        if page is not None:
            pages.append(page)
    return sorted(pages, key=lambda page: page.path)


def route_paths(page):
    """Every route of a RoutablePageMixin page, its arguments filled from the database."""
    paths = []
    arguments = {
        "year_archive": [{"year": 2025}],
        "month_archive": [{"year": 2025, "month": 3}],
        "audience": [{"audience": value} for value in Audience.values],
        "township": [{"slug": slug} for slug in Township.objects.order_by("pk").values_list("slug", flat=True)[:2]],
        "register_confirm": [{"token": "not-a-token"}],
    }
    for pattern in page.get_subpage_urls():
        name = pattern.name or pattern.callback.__name__
        for kwargs in arguments.get(name, [{}]):
            try:
                paths.append(page.reverse_subpage(name, kwargs=kwargs or None))
            except Exception as error:  # a route that gained an argument this test does not know
                raise AssertionError(f"the fuzz does not know how to reach the route {name!r} of {page}") from error
    return paths


CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")


def django_routes(language):
    """Every public route of the URLconf outside Wagtail's page tree and the admin, in `language`:
    (its path with arguments of the right shape, or None when it takes none; the route itself)."""
    routes = []

    def walk(patterns, prefix):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
            elif isinstance(pattern.pattern, RoutePattern) and not route.startswith(("/admin/", "/documents/")):
                routes.append(route)

    with translation.override(language):
        walk(get_resolver().url_patterns, "/")
    filled = [CONVERTER.sub(lambda match: "1" if match.group(1) == "int" else "x", route) for route in routes]
    return [(path, route if CONVERTER.search(route) else None) for path, route in zip(filled, routes, strict=True)]


@dataclass
class FormSeen:
    action: str
    method: str
    multipart: bool
    fields: dict  # name -> (kind, [choices])
    page: str  # where it was shown


def forms_in(html, page_path):
    """Every form of a page: where it goes, how, and its fields with their choices."""
    forms = []
    for form in BeautifulSoup(html, "html.parser").find_all("form"):
        fields = {}
        for element in form.find_all(["input", "select", "textarea", "button"]):
            name = element.get("name")
            if not name:
                continue
            if element.name == "select":
                kind, choices = (
                    "select",
                    [option.get("value", option.get_text()) for option in element.find_all("option")],
                )
            elif element.name == "textarea":
                kind, choices = "textarea", []
            else:
                kind, choices = element.get("type", "text").lower(), [element.get("value", "")]
            previous = fields.get(name)
            if previous:
                choices = previous[1] + choices
            fields[name] = (kind, choices)
        forms.append(
            FormSeen(
                action=form.get("action") or page_path,
                method=(form.get("method") or "get").upper(),
                multipart="multipart" in (form.get("enctype") or ""),
                fields=fields,
                page=page_path,
            )
        )
    return forms


# Sending and checking -----------------------------------------------------------------------


def csrf_token_from(client, path):
    response = client.get(path)
    match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', response.content)
    return match.group(1).decode() if match else ""


def send(probe):
    """(status, body, error): the answer, or the exception the client re-raised ("the 500")."""
    cache.clear()  # rate counts and cached pages of earlier probes: none
    client = Client(enforce_csrf_checks=probe.csrf is not None)
    try:
        with transaction.atomic():
            try:
                form = list(probe.form) if probe.form is not None else None
                if probe.csrf == "valid":
                    form = (form or []) + [("csrfmiddlewaretoken", csrf_token_from(client, probe.csrf_form_page))]
                elif probe.csrf == "wrong":
                    client.cookies["csrftoken"] = "a" * 32
                    form = (form or []) + [("csrfmiddlewaretoken", "b" * 32)]
                sent = Probe(**{**probe.__dict__, "form": form})
                body, content_type = sent.encoded_body()
                # WSGI gives header values as the bytes sent, read as Latin-1.
                headers = {name: _wsgi(value) for name, value in probe.headers.items()}
                content_type = _wsgi(content_type) if content_type else content_type
                extra = {"QUERY_STRING": sent.query_string(), **headers}
                response = client.generic(probe.method, probe.path, data=body, content_type=content_type, **extra)
                # (The client closes the response itself, a streaming one once read: closing it again
                # would fire request_finished with the handler that closes the database connection.)
                content = b"".join(response.streaming_content) if response.streaming else response.content
                return response.status_code, content, None
            finally:
                transaction.set_rollback(True)
    except Exception as error:  # the test client re-raises what a view raised: a 500 for the visitor
        return 500, b"", error


def where(error):
    """(the exception's last line, its last frame in the project's own code, else its last frame)."""
    frames = traceback.extract_tb(error.__traceback__)
    own = [frame for frame in frames if "/site-packages/" not in frame.filename and "test_fuzz" not in frame.filename]
    frame = (own or frames)[-1]
    last = traceback.format_exception_only(type(error), error)[-1].strip()
    filename = frame.filename.removeprefix(f"{django_settings.BASE_DIR}/")
    return _short(last, 300), f"{filename}:{frame.lineno} in {frame.name}"


# The requests -------------------------------------------------------------------------------


class Fuzz:
    def __init__(self, rng):
        self.rng = rng
        self.probes = []

    def add(self, probe):
        for value in [*probe.headers.values(), probe.content_type or ""]:
            assert not UNDELIVERABLE_IN_HEADERS.search(value), f"no server would pass this header on: {value!r}"
        self.probes.append(probe)
        return probe

    def headers(self, probability=0.15):
        """Odd headers on some of the requests."""
        headers = {}
        if self.rng.random() < probability:
            headers["HTTP_ACCEPT_LANGUAGE"] = self.rng.choice(ACCEPT_LANGUAGES)
        if self.rng.random() < probability / 3:
            headers["HTTP_COOKIE"] = self.rng.choice(COOKIES)
        if self.rng.random() < probability / 3:
            headers["HTTP_REFERER"] = self.rng.choice(HEADER_VALUES)
        if self.rng.random() < probability / 3:
            headers["HTTP_USER_AGENT"] = self.rng.choice(HEADER_VALUES)
        return headers

    def value(self, name="", kind="text", choices=()):
        rng = self.rng
        numeric = kind == "number" or name in NUMERIC_NAMES or name.endswith(("_id", "-id", "_FORMS"))
        roll = rng.random()
        if choices and roll < 0.3:
            return rng.choice(choices)
        if name in FIELD_VALUES and roll < 0.55:
            return rng.choice(FIELD_VALUES[name])
        if numeric and roll < 0.85:
            return rng.choice(NUMBER_VALUES)
        if roll < 0.95:
            return rng.choice(TEXT_VALUES)
        return rng.choice(NUMBER_VALUES)

    def decorate(self, pairs, names):
        """Repeated parameters, arrays, unknown and odd names, on some of the requests."""
        rng = self.rng
        if pairs and rng.random() < 0.2:
            name, _value = rng.choice(pairs)
            pairs.append((name, self.value(name)))  # ?page=1&page=2
        if names and rng.random() < 0.12:
            pairs.append((rng.choice(names) + "[]", self.value()))  # field[]=
        if names and rng.random() < 0.06:
            pairs.append((rng.choice(names) + "[0][x]", self.value()))
        if rng.random() < 0.12:
            pairs.append(
                (rng.choice(["utm_source", "", "x" * 300, "\x00", "\ud800", SCRIPT, "__proto__"]), self.value())
            )
        if rng.random() < 0.3:
            rng.shuffle(pairs)
        return pairs

    def query(self, params):
        """Query parameters, each left out, typical or odd."""
        pairs = []
        for name, (kind, choices) in params.items():
            roll = self.rng.random()
            if roll < 0.25:
                continue
            if roll < 0.4 and choices:
                pairs.append((name, self.rng.choice(choices)))
            else:
                pairs.append((name, self.value(name, kind, choices)))
        return self.decorate(pairs, list(params))

    def mutated(self, valid, fields, count=None):
        """The valid answers of a form with one to three of its fields given odd values, some left out."""
        rng = self.rng
        answers = dict(valid)
        names = [name for name in fields if name != "csrfmiddlewaretoken"] or list(answers)
        for name in rng.sample(names, min(len(names), count or rng.choice([1, 1, 2, 3]))):
            if rng.random() < 0.15:
                answers.pop(name, None)
            else:
                kind, choices = fields.get(name, ("text", []))
                answers[name] = self.value(name, kind, choices)
        return self.decorate(list(answers.items()), names)


TROUBLE_NUMBERS = ["9" * 5000, "²", "99999999999999999999999"]
NUMERIC_NAMES = {"page", "p", "year", "month", "township", "topic", "agency", "id", "pk"}
REDIRECTS = [
    "//evil.example/",
    "https://evil.example/",
    "/\\evil.example",
    "javascript:fuzz(7331)",
    "/%0d%0aSet-Cookie:x=1",
    "",
]
# Values that probe one field's own checks (on top of the values every field gets).
FIELD_VALUES = {
    "email": [
        "a@b",
        "a@" + "b" * 300 + ".com",
        '"<script>fuzz(7331)</script>"@example.org',
        "a@例え.jp",
        "user@[127.0.0.1]",
        "LI.WEI@EXAMPLE.ORG",
        " li.wei@example.org ",
        "a@b.c\x00",
    ],
    "message": [
        "x" * (MESSAGE_MIN_LENGTH - 1),
        "x" * MESSAGE_MIN_LENGTH,
        "x" * MESSAGE_MAX_LENGTH,
        "x" * (MESSAGE_MAX_LENGTH + 1),
        " " * 50,
        "\u200b" * 50,
        "😀" * MESSAGE_MAX_LENGTH,
    ],
    "phone": ["+", "+" + "9" * 40, "+86 (21) 2311-1111", "+８６ ２１", "tel:+86"],
    "reference": ["PR-ABCD-EFGH-JKMN", "pr-abcd-efgh-jkmn", "PR-" + "A" * 100, "PR-%", "PR-*"],
    "consent": ["on", "off", "0", "false", "False", "1", "yes"],
    "submission_key": ["00000000-0000-0000-0000-000000000000", "not-a-uuid", "{" + "0" * 32 + "}", "0" * 36],
    "next": REDIRECTS,
    "return_url": REDIRECTS,
    "kind": ["department", "DEPARTMENT", "department\x00", "department "],
    "q": ["tea", "上海", "*", '"', "a OR b", "-a", "a AND NOT b", "(((", "a" * 200, "a" * 201],
}


# Fields that take no typed value: the CSRF token (sent as the test says), files, buttons.
UNTYPED_KINDS = ("file", "submit", "button", "image", "reset")


def answers_from_fields(fields):
    """Plausible answers to a form the test does not know, from what its page shows."""
    answers = {}
    for name, (kind, choices) in fields.items():
        if name == "csrfmiddlewaretoken" or kind in UNTYPED_KINDS:
            continue
        if kind == "select":
            answers[name] = next((choice for choice in choices if choice), "")
        elif kind in ("checkbox", "radio", "hidden"):
            answers[name] = choices[0] if choices and choices[0] else "on"
        elif kind == "email":
            answers[name] = "fuzz@example.org"
        else:
            answers[name] = "A plain answer of some length, as people write them."
    return answers


def build_probes(rng, site):
    """Every request the fuzz sends, in its order (the same every run)."""
    fuzz = Fuzz(rng)
    posts = [form for form in site["forms"] if form.method == "POST"]
    post_paths = sorted({form.action for form in posts})
    valid = dict(site["valid"])
    for form in posts:  # a form the test has no answers for yet: what its page fills in, or plain values
        valid.setdefault(_route_key(form.action, site), answers_from_fields(form.fields))

    def answers(key, changes=None, left_out=()):
        """The valid answers of form `key`, with `changes`, without `left_out`: (form, baseline)."""
        merged = {**valid[key], **(changes or {})}
        return [(name, value) for name, value in merged.items() if name not in left_out], (key, valid[key])

    # Every page and route as it is was sent already, to find the forms (site["answered"]). Every
    # other one again with `?page=` (which any page may read, for its list or its canonical
    # address), the odd numbers in turn.
    for number, path in enumerate(site["paths"][::2]):
        fuzz.add(Probe("GET", path, [("page", NUMBER_VALUES[number % len(NUMBER_VALUES)])]))

    # GET forms (the header's search box, the directory's, the guides', the pressroom's filters),
    # with the parameters their views read without a form (`page`, the search's `section`).
    for form in site["forms"]:
        if form.method != "GET":
            continue
        params = {name: spec for name, spec in form.fields.items() if spec[0] not in ("submit", "button")}
        params.update(site["extra_params"].get(_route_key(form.action, site), {}))
        for _ in range(2):
            fuzz.add(Probe("GET", form.action, fuzz.query(params), headers=fuzz.headers()))
    # Routes whose parameters no form shows (news `topic`, townships `district`, feedback `township`,
    # the sitemap's `p`, sign-in `next`), and routes that read none (given some anyway).
    for path, params in site["query_routes"]:
        for _ in range(2):
            fuzz.add(Probe("GET", path, fuzz.query(params), headers=fuzz.headers()))

    # Numbers no int() takes though str.isdigit() says yes (5000 digits, "²"), and numbers beyond any
    # column, in every numeric parameter of every route at once; the languages in turn.
    numeric = []
    for form in site["forms"]:
        if form.method == "GET":
            params = {**form.fields, **site["extra_params"].get(_route_key(form.action, site), {})}
            numeric.append((form.action, [name for name in params if name in NUMERIC_NAMES]))
    numeric += [(path, [name for name in params if name in NUMERIC_NAMES]) for path, params in site["query_routes"]]
    for number, value in enumerate(TROUBLE_NUMBERS):
        for path, names in numeric:
            if names and not path.startswith(f"/{LANGUAGES[(number + 1) % 2]}/"):
                fuzz.add(Probe("GET", path, [(name, value) for name in names]))

    # Markup in every field of every form and in every parameter of the routes at once (a script,
    # and a quote to break out of an attribute), for the check that no answer echoes it unescaped.
    card = [("credential_upload", "card.png", png_bytes(), "image/png")]
    payload = SCRIPT + IMG
    for form in site["forms"]:
        names = [
            name
            for name, (kind, _choices) in form.fields.items()
            if kind not in UNTYPED_KINDS and name != "csrfmiddlewaretoken"
        ]
        if form.method == "GET":
            names += list(site["extra_params"].get(_route_key(form.action, site), {}))
            fuzz.add(Probe("GET", form.action, [(name, payload) for name in dict.fromkeys(names)]))
        else:
            key = _route_key(form.action, site)
            fields, baseline = answers(key, dict.fromkeys(names, payload))
            files = card if key == "register" else []
            fuzz.add(Probe("POST", form.action, form=fields, files=files, multipart=form.multipart, baseline=baseline))
    for path, params in site["query_routes"]:
        fuzz.add(Probe("GET", path, [(name, payload) for name in params]))

    # Numbers and names in the routes' paths.
    for language in LANGUAGES:
        press, cns = in_language(site["press"], language), in_language(site["cns"], language)
        page_param = {"page": ("number", [])}
        for year in ["0", "1899", "1900", "2999", "3000", "99999999999999999999", "02025"]:
            fuzz.add(Probe("GET", f"{press}archive/{year}/", fuzz.query(page_param)))
        for year, month in [
            ("2025", "0"),
            ("2025", "13"),
            ("2025", "02"),
            ("1900", "1"),
            ("2999", "12"),
            ("2025", "99999999999999999999"),
            ("99999999999999999999", "1"),
        ]:
            fuzz.add(Probe("GET", f"{press}archive/{year}/{month}/", fuzz.query(page_param)))
        for slug in ["x", "-", "_", "a" * 300, "%E6%96%B0", "%00", "%ED%A0%80", "..%2F..%2Fetc"]:
            fuzz.add(Probe("GET", f"{cns}for/{slug}/", fuzz.query(page_param)))
            fuzz.add(Probe("GET", f"{cns}townships/{slug}/", fuzz.query(page_param)))
        tokens = [
            "x",
            "a" * 10_000,
            "%00",
            "%ED%A0%80",
            "%E2%80%AE",
            "..%5C..",
            quote(SCRIPT, safe=""),
            site["expired_token"],
            site["token"],
        ]
        for token in tokens:
            fuzz.add(Probe("GET", f"{press}register/confirm/{token}/"))
        for token in [site["token"], site["expired_token"], "y" * 5000, "%00"]:  # the confirm button
            fuzz.add(Probe("POST", f"{press}register/confirm/{token}/", form=[("x", rng.choice(TEXT_VALUES))]))

    # And in the arguments of the site's own Django routes (the links in alert emails, Wagtail's password
    # form), the languages in turn.
    for number, route in enumerate(site["argument_routes"]):
        for value in ROUTE_ARGUMENTS[number % 2 :: 2]:
            path = CONVERTER.sub(
                lambda match, value=value: "99999999999999999999" if match.group(1) == "int" else value, route
            )
            fuzz.add(Probe("GET", path))
        path = CONVERTER.sub(lambda match: "-1" if match.group(1) == "int" else rng.choice(ROUTE_ARGUMENTS), route)
        fuzz.add(Probe("POST", path, form=fuzz.query({"x": ("text", [])})))

    # Every POST form, each field in turn given odd values, from the valid answers.
    for form in posts:
        key = _route_key(form.action, site)
        for _ in range(POST_RUNS.get(key, 4)):
            files = []
            if key == "register" and rng.random() < 0.9:
                files = [("credential_upload", *rng.choice(credential_files()))]
            fuzz.add(
                Probe(
                    "POST",
                    form.action,
                    form=fuzz.mutated(valid[key], form.fields),
                    files=files,
                    multipart=form.multipart,
                    headers=fuzz.headers(),
                    baseline=(key, valid[key]),
                )
            )

    # The registration: every kind of press card and every forged formset (the languages in turn),
    # files where there should be none, several, too large; and a few valid sends.
    good = png_bytes()
    registers = [in_language(site["press"], language) + "register/" for language in LANGUAGES]
    for number, upload in enumerate(credential_files()):
        form, baseline = answers("register")
        fuzz.add(
            Probe("POST", registers[number % 2], form=form, files=[("credential_upload", *upload)], baseline=baseline)
        )
    for number, forgery in enumerate(FORMSET_FORGERIES):
        if forgery is None:
            form, baseline = answers(
                "register", left_out=[name for name in valid["register"] if name.endswith("_FORMS")]
            )
        else:
            form, baseline = answers("register", forgery)
        fuzz.add(Probe("POST", registers[number % 2], form=form, files=card, baseline=baseline))
    for language, register in zip(LANGUAGES, registers, strict=True):
        form, baseline = answers("register")
        odd_files = [
            [],
            [("credential_upload", "a.png", good, "image/png"), ("credential_upload", "b.png", good, "image/png")],
            [("website", "bot.png", good, "image/png"), *card],
            [("credential_upload", "big.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * (5 * 1024 * 1024 + 10), "image/png")],
            [("credential_upload", "huge.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * (7 * 1024 * 1024), "image/png")],
        ]
        fuzz.add(
            Probe(
                "POST", register, form=form + [("credential_upload", "not a file")], baseline=baseline, multipart=True
            )
        )
        for files in odd_files:
            fuzz.add(Probe("POST", register, form=form, files=files, baseline=baseline, multipart=True))
        # Valid sends, each stored (in its own savepoint); the odd ones are valid too.
        for number, changes in enumerate(
            [
                {},
                {"native_name": "😀" * 30, "wechat_id": "李伟_1990"},
                {"submission_key": "00000000-0000-0000-0000-000000000000"},
            ]
        ):
            form, baseline = answers("register", {"email": f"fuzz{number}.{language}@example.org", **changes})
            fuzz.add(Probe("POST", register, form=form, files=card, baseline=baseline))

        # The status lookup of a registration that exists, and its withdraw action.
        status = in_language(site["press"], language) + "status/"
        reference = valid["status"]["reference"]
        for changes in [
            {},
            {"action": "withdraw"},
            {"reference": reference.lower() + "\u200b", "action": "withdraw"},
            {"action": "withdraw\x00"},
            {"action": "WITHDRAW"},
            {"action": LONG},
        ]:
            form, baseline = answers("status", changes)
            fuzz.add(Probe("POST", status, form=form, baseline=baseline))
        form, baseline = answers("status")
        fuzz.add(Probe("POST", status, form=form + [("action", "withdraw"), ("action", "withdraw")], baseline=baseline))

    # Bodies that are not forms, or not the form they claim to be.
    raw_bodies = [
        (b'{"email": "a@example.org", "message": "' + SCRIPT.encode() + b'"}', "application/json"),
        (b"message=hello", "text/plain"),
        (b"--x\r\ngarbage", "multipart/form-data"),
        (b"--zz\r\nContent-Disposition: form-data\r\n\r\n\r\n--zz", "multipart/form-data; boundary=zz"),
        (b'--zz\r\nContent-Disposition: form-data; name="message"\r\n', "multipart/form-data; boundary=zz"),
        (b"--" + b"z" * 5000 + b"\r\n", "multipart/form-data; boundary=" + "z" * 5000),
        (b"email=%ff%fe&message=%ED%A0%80", "application/x-www-form-urlencoded"),
        (b"email=\xff\xfe&message=\xed\xa0\x80", "application/x-www-form-urlencoded"),
        ("message=h\u00e9llo".encode("utf-16"), "application/x-www-form-urlencoded; charset=utf-16"),
        (b"message=hello", "application/x-www-form-urlencoded; charset=bogus-charset"),
        (b"message=hello", "application/x-www-form-urlencoded; charset=\u00ff\u202e"),
        (b"message=hello", "application/x-www-form-urlencoded; charset=" + "x" * 5000),
        (b"&".join(b"f%d=1" % n for n in range(1500)), "application/x-www-form-urlencoded"),
        (b"message=" + b"x" * (3 * 1024 * 1024), "application/x-www-form-urlencoded"),
        (b"\x00" * 1000, "application/octet-stream"),
        (b"a=1&a=2&a[]=3&a[b]=4&%00=5&=6&&&", "application/x-www-form-urlencoded"),
    ]
    for body, content_type in raw_bodies:  # each body to one form at least
        fuzz.add(Probe("POST", rng.choice(post_paths), body=body, content_type=content_type))
    for path in post_paths:
        for body, content_type in rng.sample(raw_bodies, 2):
            fuzz.add(Probe("POST", path, body=body, content_type=content_type))
    many_files = [("credential_upload", f"{n}.png", b"x", "image/png") for n in range(150)]
    for register in registers:
        fuzz.add(Probe("POST", register, form=[], files=many_files))

    # CSRF enforced, as browsers are held to it: the right token (read from the form's page) to each
    # form, and no token or a wrong one, in turn.
    for number, form in enumerate(posts):
        key = _route_key(form.action, site)
        files = card if key == "register" else []
        for mode in (("missing", "wrong")[number % 2], "valid"):
            fields, baseline = answers(key)
            fuzz.add(
                Probe(
                    "POST",
                    form.action,
                    form=fields,
                    files=files,
                    multipart=form.multipart,
                    csrf=mode,
                    csrf_form_page=form.page,
                    baseline=baseline,
                )
            )

    # Other methods on public routes.
    for path in rng.sample(site["paths"], min(len(site["paths"]), 8)) + post_paths:
        for method in rng.sample(["HEAD", "OPTIONS", "PUT", "DELETE", "PATCH", "TRACE", "PROPFIND", "FUZZ"], 2):
            body = b"message=" + SCRIPT.encode() if method in ("PUT", "PATCH") else None
            fuzz.add(Probe(method, path, body=body, content_type="application/x-www-form-urlencoded" if body else None))

    # Headers: the unprefixed root picks a language from Accept-Language; pages read cookies, the host.
    for number, value in enumerate(ACCEPT_LANGUAGES):
        path = rng.choice(["/", "/sitemap.xml", "/robots.txt"] if number % 2 else site["paths"])
        fuzz.add(Probe("GET", path, headers={"HTTP_ACCEPT_LANGUAGE": value}))
    for value in COOKIES:
        fuzz.add(Probe("GET", rng.choice(site["paths"]), headers={"HTTP_COOKIE": value}))
    for value in HOSTS:
        fuzz.add(Probe("GET", rng.choice(site["paths"]), headers={"HTTP_HOST": value}))
        fuzz.add(Probe("POST", rng.choice(post_paths), form=[("x", "1")], headers={"HTTP_HOST": value}))

    # Paths: long, traversing, badly encoded.
    for path in ODD_PATHS:
        fuzz.add(Probe("GET", path, fuzz.query({"q": ("search", []), "page": ("number", [])}), headers=fuzz.headers()))
    return fuzz.probes


# Arguments for routes' <str:...> and <slug:...> (a <str:> takes anything but "/").
ROUTE_ARGUMENTS = ["x", "a" * 5000, "%00", "%ED%A0%80", "%E2%80%AE%E2%80%8B", quote(SCRIPT, safe="")]

ODD_PATHS = [
    "/en/" + "a/" * 3000,
    "/zh-hans/" + "x" * 10_000 + "/",
    "/en/" + "%E6%96%B0%E9%97%BB/" * 50,
    "/en/%00/",
    "/en/a%00b/",
    "/zh-hans/%ED%A0%80/",
    "/en/%FF%FE/",
    "/en/%E2%80%AE/",
    "/en/../../../../etc/passwd",
    "/en/..%2F..%2F..%2Fetc%2Fpasswd",
    "/static/../../portal/settings/base.py",
    "/static/..%2F..%2Fportal%2Fsettings%2Fbase.py",
    "/media/..%2F..%2Fprivate/",
    "/documents/1/..%2F..%2Fportal%2Fsettings%2Fbase.py",
    "/documents/99999999999999999999/x.pdf",
    "/documents/authenticate_with_password/99999999999999999999/",
    "/en/_util/authenticate_with_password/99999999999999999999/1/",
    "/admin/pressroom/credentials/99999999999999999999/",
    "//en//press//",
    "/EN/",
    "/zh-Hans/",
    "/xx/",
    "/en",
    "/zh-hans",
    "/healthz/",
    "/sitemap.xml/",
    "/" + quote(SCRIPT, safe="") + "/",
    "/en/" + quote(SCRIPT, safe="") + "/",
    "/en/search/" + "x" * 5000,
]


# Forms of which the test knows valid answers, by route; how many fuzzed sends each gets (both languages).
POST_RUNS = {
    "register": 6,
    "status": 6,
    "feedback": 8,
    "admin_login": 5,
    "password_reset": 4,
    "util_login": 4,
    "page_password": 4,
}


def _route_key(action, site):
    action = re.sub(r"^/(en|zh-hans)/", "/en/", action.split("?")[0])
    return site["route_keys"].get(action, action)


# The site -----------------------------------------------------------------------------------


@pytest.fixture
def fuzz_settings(settings):
    """Limits high enough that the forms' validation answers (PRESSROOM_REGISTRATION_RATE,
    CNS_FEEDBACK_RATE_LIMIT, ADMIN_LOGIN_ACCOUNT_RATE and every other, those added later too);
    the page cache on, as in production."""
    for name in [name for name in dir(django_settings) if name.isupper()]:
        value = getattr(django_settings, name)
        if name.endswith("_RATE") and isinstance(value, tuple):  # (requests, seconds)
            setattr(settings, name, (1_000_000, value[1]))
        elif name.endswith("_RATE_LIMIT") and isinstance(value, int):
            setattr(settings, name, 1_000_000)
    settings.PAGE_CACHE_SECONDS = 300
    return settings


@pytest.fixture
def fuzz_site(demo_site, db, fuzz_settings):
    """The pages and routes to fuzz, the forms they show, and valid answers to each form."""
    press = PressroomPage.objects.live().get()
    cns = CNSHomePage.objects.live().get()
    directory = AgencyIndexPage.objects.live().first()
    guides = GuideIndexPage.objects.live().first()

    # A confirmed registration to look up and withdraw, an unconfirmed one to confirm, an expired one.
    registration = JournalistRegistrationFactory(email="fuzz.journalist@example.org")
    InterviewRequestFactory(registration=registration)
    unconfirmed = JournalistRegistrationFactory(status="unconfirmed", confirmed_at=None, email="fuzz.new@example.org")
    token = unconfirmed.issue_confirmation_token()
    unconfirmed.save()
    expired = JournalistRegistrationFactory(status="unconfirmed", confirmed_at=None, email="fuzz.old@example.org")
    expired_token = expired.issue_confirmation_token()
    expired.save()
    JournalistRegistration.objects.filter(pk=expired.pk).update(created_at=timezone.now() - timedelta(days=30))
    assert JournalistRegistration.objects.get(pk=expired.pk).confirmation_expired()
    assert JournalistRegistration.objects.get(confirmation_token_hash=hash_token(token)).pk == unconfirmed.pk

    # A page behind a password, for Wagtail's password form.
    pages = public_pages()
    protected = StandardPageFactory(parent=HomePage.objects.get(), slug="fuzz-password", title_en="Behind a password")
    PageViewRestriction.objects.create(page=protected, restriction_type=PageViewRestriction.PASSWORD, password="fuzz")

    paths = []
    for language in LANGUAGES:
        for page in pages:
            url = url_in(page, language)
            paths.append(url)
            if isinstance(page, RoutablePageMixin):
                paths += [url + sub for sub in route_paths(page) if sub]
        paths.append(url_in(protected, language))
        paths += [path for path, route in django_routes(language) if route is None]
    paths += ["/", "/admin/login/", "/admin/password_reset/"]
    paths = list(dict.fromkeys(paths))
    # The Django routes that take arguments (tokens in links sent by email), to try odd ones in.
    argument_routes = sorted({route for language in LANGUAGES for _path, route in django_routes(language) if route})

    # The forms every page shows (read once per page, sorted so the order never depends on the HTML's).
    # These requests are the fuzz's first probes: the test checks their answers with the others'.
    forms, answered = {}, []
    for path in paths:
        probe = Probe("GET", path)
        status, content, error = send(probe)
        answered.append((probe, (status, content, error)))
        if status < 500 and b"<form" in content:
            for form in forms_in(content.decode(), path):
                key = (form.action.split("?")[0], form.method)
                forms.setdefault(key, form)
                forms[key].fields.update({n: s for n, s in form.fields.items() if n not in forms[key].fields})

    route_keys = {
        "/en/search/": "search",
        url_in(directory, "en"): "agencies",
        url_in(press, "en"): "press",
        url_in(guides, "en"): "guides",
        url_in(press, "en") + "register/": "register",
        url_in(press, "en") + "status/": "status",
        url_in(cns, "en") + "feedback/": "feedback",
        "/admin/login/": "admin_login",
        "/admin/password_reset/": "password_reset",
        "/en/_util/login/": "util_login",
    }
    restriction = PageViewRestriction.objects.get(page=protected)
    route_keys[f"/en/_util/authenticate_with_password/{restriction.pk}/{protected.pk}/"] = "page_password"

    topic = FeedbackTopic.objects.filter(active=True).order_by("pk").first()
    township = Township.objects.order_by("pk").first()
    valid = {
        "register": {
            "full_name": "Li Wei",
            "native_name": "李伟",
            "nationality": "Singaporean",
            "working_languages": "English, Chinese",
            "outlet": "Example Broadcasting",
            "outlet_country": "Singapore",
            "position": "Correspondent",
            "press_card_number": "SG-2024-118",
            "email": "li.wei@example.org",
            "phone": "+65 6000 0000",
            "wechat_id": "",
            "consent": "on",
            "website": "",
            "submission_key": "",
            "interviews-TOTAL_FORMS": "3",
            "interviews-INITIAL_FORMS": "0",
            "interviews-MIN_NUM_FORMS": "1",
            "interviews-MAX_NUM_FORMS": "5",
            "interviews-0-topic": "Services for international residents",
            "interviews-0-agencies_wished": "Foreign Affairs Office",
            "interviews-0-preferred_dates": "Any weekday in June",
            "interviews-0-notes": "",
        },
        "status": {"reference": registration.reference, "email": registration.email},
        "feedback": {
            "topic": str(topic.pk),
            "township": str(township.pk),
            "message": "Please add English signs at the bus stops near the community centre.",
            "name": "Ana",
            "email": "ana@example.org",
            "consent": "on",
            "website": "",
            "submission_key": "",
        },
        "admin_login": {"username": "nobody", "password": "not-the-password", "next": "/admin/"},
        "password_reset": {"email": "nobody@example.org"},
        "util_login": {"username": "nobody", "password": "not-the-password", "next": "/en/"},
        "page_password": {"password": "wrong", "return_url": url_in(protected, "en")},
    }

    extra_params = {
        # Read by the views without a form on the page (see the views' request.GET); the search
        # results' section filter shows only once there are results, so its keys come from the code.
        "search": {"page": ("number", ["1", "2"]), "section": ("text", sorted(search_sections()))},
        "agencies": {"page": ("number", [])},
        "press": {"page": ("number", ["1", "2"])},
        "guides": {"page": ("number", ["1", "2"])},
    }
    cns_url = url_in(cns, "en")
    topics = list(ArticleTopic.objects.order_by("pk").values_list("slug", flat=True)[:3])
    district_slugs = sorted({t.district.slug for t in Township.objects.select_related("district")})[:3]
    query_routes = []
    for language in LANGUAGES:
        base = in_language(cns_url, language)
        query_routes += [
            (base + "news/", {"topic": ("text", topics), "page": ("number", ["1", "2"])}),
            (base + "events/", {"page": ("number", ["1", "2"])}),
            (base + "events/past/", {"page": ("number", ["1", "2"])}),
            (base + f"for/{Audience.values[0]}/", {"page": ("number", ["1", "2"])}),
            (base + "townships/", {"district": ("text", district_slugs)}),
            (base + f"townships/{township.slug}/", {"page": ("number", ["1"])}),
            (base + "feedback/", {"township": ("number", [str(township.pk)])}),
            (base + "events/ical/", {"page": ("number", [])}),
            (in_language(url_in(press, "en"), language) + "feed/", {"page": ("number", [])}),
            (in_language(url_in(press, "en"), language) + "calendar/", {"page": ("number", [])}),
            (in_language(url_in(press, "en"), language) + "register/", {"page": ("number", [])}),
            (
                in_language(url_in(press, "en"), language) + "status/",
                {"reference": ("text", []), "email": ("text", [])},
            ),
            (f"/{language}/_util/login/", {"next": ("text", ["/en/", "//evil.example/", "https://evil.example/"])}),
        ]
    query_routes += [
        ("/sitemap.xml", {"p": ("number", ["1", "2"])}),
        ("/admin/login/", {"next": ("text", ["/admin/", "//evil.example/", "javascript:fuzz(7331)"])}),
        ("/robots.txt", {"x": ("text", [])}),
        ("/healthz", {"x": ("text", [])}),
    ]

    # Both languages of each form: the fuzz sends each to the one its page showed, and to the other.
    seen = sorted(forms.values(), key=lambda form: (form.action, form.method))
    both = []
    for form in seen:
        both.append(form)
        if re.match(r"^/(en|zh-hans)/", form.action):
            for language in LANGUAGES:
                other = in_language(form.action, language)
                if other != form.action and (other, form.method) not in forms:
                    both.append(
                        FormSeen(
                            other, form.method, form.multipart, dict(form.fields), in_language(form.page, language)
                        )
                    )
    return {
        "paths": paths,
        "argument_routes": argument_routes,
        "answered": answered,
        "forms": both,
        "press": url_in(press, "en"),
        "cns": cns_url,
        "route_keys": route_keys,
        "valid": valid,
        "query_routes": query_routes,
        "extra_params": extra_params,
        "token": token,
        "expired_token": expired_token,
    }


# The test -----------------------------------------------------------------------------------

# The forms the fuzz must have found on the pages (a renamed field would otherwise go unfuzzed).
EXPECTED_FIELDS = {
    "search": {"q"},
    "agencies": {"q", "kind"},
    "guides": {"category", "audience"},
    "register": {
        "full_name",
        "email",
        "phone",
        "credential_upload",
        "consent",
        "website",
        "submission_key",
        "interviews-TOTAL_FORMS",
        "interviews-INITIAL_FORMS",
        "interviews-0-topic",
    },
    "status": {"reference", "email"},
    "feedback": {"topic", "township", "message", "name", "email", "consent", "website", "submission_key"},
    "admin_login": {"username", "password"},
    "password_reset": {"email"},
    "page_password": {"password", "return_url"},
}


def test_no_request_to_a_public_page_answers_a_server_error(fuzz_site):
    site = fuzz_site
    found = {}
    for form in site["forms"]:
        found.setdefault(_route_key(form.action, site), set()).update(form.fields)
    missing = {key: sorted(names - found.get(key, set())) for key, names in EXPECTED_FIELDS.items()}
    assert not any(missing.values()), f"forms or fields the pages no longer show: {missing}"

    probes = build_probes(random.Random(SEED), site)
    # Bounded: each form and page the site gains adds a few requests; past this, trim POST_RUNS.
    assert 400 <= len(probes) <= 900, f"{len(probes)} requests: more than the fuzz's time allows"

    server_errors, causes, echoes, statuses = [], {}, [], {}
    started = time.monotonic()
    answers = itertools.chain(site["answered"], ((probe, send(probe)) for probe in probes))
    for number, (probe, (status, content, error)) in enumerate(answers):
        statuses[status] = statuses.get(status, 0) + 1
        if status >= 500:
            last, frame = where(error) if error is not None else (repr(content[:200]), "the answer itself")
            server_errors.append(f"#{number} {status} {probe.describe()}\n      -> {last}  [{frame}]")
            cause = f"{type(error).__name__} at {frame}" if error else f"status {status}"  # one line per bug
            causes[cause] = causes.get(cause, 0) + 1
            continue
        text = content.decode("utf-8", "replace").lower()
        echoed = [markup for markup in RAW_MARKUP if markup in text and probe.carries(markup)]
        if echoed:
            echoes.append(f"#{number} {status} {probe.describe()}\n      -> echoes {echoed} unescaped")
    elapsed = time.monotonic() - started

    report = []
    if server_errors:
        report.append(f"{len(server_errors)} of {number + 1} requests answered 5xx (SEED={SEED}):")
        report += server_errors
        report.append("where they failed:")
        report += [f"  {count} x {cause}" for cause, count in sorted(causes.items(), key=lambda item: -item[1])]
    if echoes:
        report.append(f"{len(echoes)} answers echo markup they were sent, unescaped:")
        report += echoes
    summary = f"{number + 1} requests ({len(site['answered'])} of them in the set-up) in {elapsed:.1f}s, statuses {dict(sorted(statuses.items()))}"
    assert not report, "\n".join(report + [summary])
    print(summary)
