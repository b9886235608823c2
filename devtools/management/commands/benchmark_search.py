"""Benchmark the site search: bulk-create pages in both languages, index them, time queries.

A development tool (the `devtools` app: development and test settings install it, production
does not). Run it on a scratch database only, and name that database on the command line so that it
cannot write 10,000 pages into the wrong one:

    createdb -h 127.0.0.1 -U postgres bench_search
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_search manage.py migrate --noinput
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_search \\
        manage.py benchmark_search --database-name bench_search --pages 10000

It times the whole results view (query parsing, matching, ranking, counting, section counts,
the first ten results with their highlighted snippets, rendering), not only the SQL.
"""

import random
import statistics
import time
import uuid
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import RequestFactory
from django.utils import timezone, translation

from wagtail.models import Locale, Page, Site

from devtools.timing import load_average, percentile
from portal.models import StandardPage
from portal.search.analysis import highlight, snippet
from portal.search.indexing import index_pages
from portal.search.models import PageSearchEntry
from portal.search.query import search_pages, search_sections, section_counts, visible_pages
from portal.search.views import search as search_view

TOPICS = [
    ("visa", "签证"),
    ("work permit", "工作许可"),
    ("residence permit", "居留许可"),
    ("housing registration", "住房登记"),
    ("ferry", "轮渡"),
    ("health check", "体检"),
    ("museum", "博物馆"),
    ("driving licence", "驾驶证"),
    ("school enrolment", "入学"),
    ("tax refund", "退税"),
    ("metro", "地铁"),
    ("hospital", "医院"),
    ("library", "图书馆"),
    ("marriage registration", "婚姻登记"),
    ("business licence", "营业执照"),
    ("social insurance", "社会保险"),
    ("press conference", "新闻发布会"),
    ("informatization", "信息化"),
    ("public transport", "公共交通"),
    ("volunteer service", "志愿服务"),
]
SENTENCES_EN = [
    "Foreigners who need a {t} should apply at the service centre before the deadline.",
    "Registering for a {t} usually takes five working days.",
    "The {t} counter is open from Monday to Friday, and closed on public holidays.",
    "Bring your passport and a recent photo when you ask about the {t}.",
    "Residents can check the progress of their {t} online.",
    "The district office answers questions about the {t} by telephone.",
    "New rules for the {t} took effect at the start of the year.",
    "A translator may help you with the {t} forms.",
]
SENTENCES_ZH = [
    "需要办理{t}的外国人应在截止日期前到服务中心申请。",
    "{t}的登记手续一般需要五个工作日。",
    "{t}窗口周一至周五开放，法定节假日休息。",
    "咨询{t}时请携带护照和近期照片。",
    "市民可以在网上查询{t}的办理进度。",
    "各区办事处通过电话解答有关{t}的问题。",
    "有关{t}的新规定自年初起施行。",
    "填写{t}表格时可以请翻译协助。",
]
QUERIES = {
    "en": [
        "visa",
        "work permit",
        "registering",
        "housing registration",
        "ferry counter",
        "health check",
        "museum opening",
        "driving licence online",
        "informatization",
        "tax refund passport",
    ],
    "zh-hans": [
        "签证",
        "工作许可",
        "外国人 工作许可",
        "住房登记",
        "轮渡",
        "体检 护照",
        "博物馆",
        "驾驶证 网上",
        "信息化",
        "退税",
    ],
}


class Command(BaseCommand):
    help = "Create pages in both languages on a scratch database, index them and time searches."

    def add_arguments(self, parser):
        parser.add_argument(
            "--database-name",
            required=True,
            help="Name of the configured database; must match, as a guard against writing to the wrong one.",
        )
        parser.add_argument("--pages", type=int, default=10_000)
        parser.add_argument("--rounds", type=int, default=10, help="Times each query is run.")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, **options):
        name = connection.settings_dict["NAME"]
        if options["database_name"] != name:
            raise CommandError(f"The configured database is {name!r}, not {options['database_name']!r}.")
        random.seed(options["seed"])
        site = Site.objects.get(is_default_site=True)

        started = time.perf_counter()
        container, ids = self.create_pages(site.root_page, options["pages"])
        created = time.perf_counter() - started
        self.stdout.write(f"Created {len(ids)} pages in {created:.1f} s (bulk insert).")

        started = time.perf_counter()
        for chunk_start in range(0, len(ids), 500):
            chunk = ids[chunk_start : chunk_start + 500]
            index_pages(list(StandardPage.objects.filter(pk__in=chunk)))
        indexing = time.perf_counter() - started
        entries = PageSearchEntry.objects.filter(page__path__startswith=container.path).count()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # as autovacuum would after a bulk load

        rows = [self.time_queries(language, queries, options["rounds"]) for language, queries in QUERIES.items()]

        self.stdout.write("")
        self.stdout.write(f"Database: {connection.vendor} ({name}); pages: {len(ids)}; index entries: {entries}")
        self.stdout.write(
            f"Indexing: {indexing:.1f} s for {len(ids)} pages ({len(ids) / indexing:.0f} pages/s, both languages)"
        )
        self.stdout.write("")
        header = (
            f"{'language':<9} {'queries':>7} {'runs':>5} {'search median':>14} {'search p95':>11} "
            f"{'page median':>12} {'page p95':>9} {'avg matches':>12}"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for row in rows:
            self.stdout.write(
                f"{row['language']:<9} {row['queries']:>7} {row['runs']:>5} {row['core'][0]:>11.1f} ms "
                f"{row['core'][1]:>8.1f} ms {row['full'][0]:>9.1f} ms {row['full'][1]:>6.1f} ms {row['hits']:>12.0f}"
            )
        self.stdout.write("")
        self.stdout.write("search: matching, ranking, section counts, ten results with highlighted snippets;")
        self.stdout.write("page: the whole results view, template included. Load average: " + load_average())

    def create_pages(self, parent, count):
        """`count` StandardPages under a new container page, written with bulk inserts."""
        suffix = uuid.uuid4().hex[:8]
        container = StandardPage(
            slug=f"search-benchmark-{suffix}", title_en="Search benchmark", title_zh_hans="搜索基准"
        )
        parent.add_child(instance=container)
        container.save_revision().publish()
        container.refresh_from_db()

        locale = Locale.get_default()
        content_type = ContentType.objects.get_for_model(StandardPage).pk
        now = timezone.now()
        pages, details = [], []
        for number in range(1, count + 1):
            topic_en, topic_zh = random.choice(TOPICS)
            english_only = number % 10 == 0  # one page in ten has no Chinese yet
            title_en = f"{topic_en.capitalize()}: notice {number}"
            title_zh = "" if english_only else f"{topic_zh}须知（{number}）"
            body_en, body_zh = self.body(topic_en, topic_zh)
            slug = f"notice-{number}"
            pages.append(
                Page(
                    path=Page._get_path(container.path, container.depth + 1, number),
                    depth=container.depth + 1,
                    numchild=0,
                    title=title_en,
                    title_en=title_en,
                    title_zh_hans=title_zh or None,
                    draft_title=title_en,
                    slug=slug,
                    url_path=f"{container.url_path}{slug}/",
                    content_type_id=content_type,
                    locale=locale,
                    live=True,
                    first_published_at=now - timedelta(minutes=number),
                    last_published_at=now - timedelta(minutes=number),
                )
            )
            details.append(("", "", "", body_en, body_en, [] if english_only else body_zh))
        with transaction.atomic():
            created = Page.objects.bulk_create(pages, batch_size=1000)
            self.insert_details(created, details)
            Page.objects.filter(pk=container.pk).update(numchild=count)
        return container, [page.pk for page in created]

    def body(self, topic_en, topic_zh):
        blocks_en, blocks_zh = [], []
        for _ in range(random.randint(3, 6)):
            index = random.randrange(len(SENTENCES_EN))
            other_en, other_zh = random.choice(TOPICS)
            use_en, use_zh = (topic_en, topic_zh) if random.random() < 0.6 else (other_en, other_zh)
            blocks_en.append(SENTENCES_EN[index].format(t=use_en))
            blocks_zh.append(SENTENCES_ZH[index].format(t=use_zh))
        return (
            [{"type": "paragraph", "value": f"<p>{' '.join(blocks_en)}</p>"}],
            [{"type": "paragraph", "value": f"<p>{''.join(blocks_zh)}</p>"}],
        )

    def insert_details(self, pages, details):
        names = ("intro", "intro_en", "intro_zh_hans", "body", "body_en", "body_zh_hans")
        fields = [StandardPage._meta.get_field(name) for name in names]
        columns = ", ".join(["page_ptr_id"] + [field.column for field in fields])
        placeholders = ", ".join(["%s"] * (len(fields) + 1))
        rows = []
        for page, values in zip(pages, details, strict=True):
            row = [page.pk]
            for field, value in zip(fields, values, strict=True):
                if field.name.startswith("body"):
                    value = field.to_python(value)
                row.append(field.get_db_prep_save(value, connection))
            rows.append(row)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {StandardPage._meta.db_table} ({columns}) VALUES ({placeholders})",  # noqa: S608
                rows,
            )

    def time_queries(self, language, queries, rounds):
        """Per query: the search itself (match, rank, section counts, first ten results with
        highlighted snippets) and the whole results page (view and template)."""
        factory = RequestFactory()
        core, full, hits = [], [], []
        with translation.override(language):
            for text in queries:
                self.search_core(text, language)  # warm up
                search_view(factory.get(f"/{language}/search/", {"q": text}, HTTP_HOST="localhost"))
            for _ in range(rounds):
                for text in queries:
                    started = time.perf_counter()
                    self.search_core(text, language)
                    core.append((time.perf_counter() - started) * 1000)
                    request = factory.get(f"/{language}/search/", {"q": text}, HTTP_HOST="localhost")
                    started = time.perf_counter()
                    response = search_view(request)
                    full.append((time.perf_counter() - started) * 1000)
                    assert response.status_code == 200
            for text in queries:
                hits.append(search_pages(text, language, visible_pages()).entries.count())
        return {
            "language": language,
            "queries": len(queries),
            "runs": len(core),
            "core": (statistics.median(core), percentile(core, 95)),
            "full": (statistics.median(full), percentile(full, 95)),
            "hits": statistics.mean(hits),
        }

    def search_core(self, text, language):
        outcome = search_pages(text, language, visible_pages())
        section_counts(outcome.entries, search_sections())
        pattern = outcome.parsed.highlight_pattern()
        entries = outcome.entries.defer("vector", "title_terms", "body_terms")[:10]
        return [(highlight(entry.title, pattern), snippet(entry.body, pattern, language)) for entry in entries]
