"""Benchmark how every page type is served, on a scratch database filled to a realistic volume.

A development tool (the `devtools` app: development and test settings install it, production
does not). Run it on a scratch database only, and name that database on the command line so that it
cannot write 10,000 pages into the wrong one:

    createdb -h 127.0.0.1 -U postgres bench_pages
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_pages manage.py migrate --noinput
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_pages \\
        manage.py benchmark_pages --database-name bench_pages --pages 1000 [--gunicorn]

Per page type and language it times whole requests through Django's test client in-process
(middleware, view, template), with the page cache off and on, and counts the queries of each.
With --gunicorn it also serves the same database from gunicorn on 127.0.0.1 and measures
requests per second for the home page, an agency page and a static file.

With --bakerydemo PATH (a clone of wagtail/bakerydemo; nothing of it is kept in this project) it
then prints the side-by-side table of issue 19 (devtools.sidebyside): both sites served by gunicorn
with two sync workers and production settings, worker and database CPU per request of like pages,
the queries of each, the memory of a worker, and cached pages against a static file through nginx
and gunicorn as deployed. It needs PostgreSQL (bakerydemo gets a database of its own beside this one).
"""

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import translation

from wagtail.models import Page

from devtools import pagefill, sidebyside, timing
from portal.demotools import home_page


class Command(BaseCommand):
    help = "Fill a scratch database with pages of every type in both languages and time how they are served."

    def add_arguments(self, parser):
        parser.add_argument(
            "--database-name",
            required=True,
            help="Name of the configured database; must match, as a guard against writing to the wrong one.",
        )
        parser.add_argument("--pages", type=int, default=1000, help="Live pages in all (agencies aside).")
        parser.add_argument("--agencies", type=int, default=300)
        parser.add_argument("--townships", type=int, default=100)
        parser.add_argument("--samples", type=int, default=5, help="Pages of each type requested per round.")
        parser.add_argument("--rounds", type=int, default=10, help="Times each sample page is requested.")
        parser.add_argument("--cache-seconds", type=int, default=300, help="PAGE_CACHE_SECONDS when on.")
        parser.add_argument("--gunicorn", action="store_true", help="Also measure throughput under gunicorn.")
        parser.add_argument("--gunicorn-seconds", type=float, default=10.0, help="Duration of each load run.")
        parser.add_argument("--gunicorn-requests", type=int, default=20_000, help="Most requests per load run.")
        parser.add_argument("--gunicorn-threads", type=int, default=8, help="Client threads (connections).")
        parser.add_argument("--port", type=int, default=0, help="gunicorn port on 127.0.0.1 (0: a free one).")
        parser.add_argument("--bakerydemo", metavar="PATH", help="A clone of wagtail/bakerydemo to compare with.")
        parser.add_argument("--bakerydemo-scratch", metavar="DIR", help="Where its virtualenv goes (default: /tmp).")
        parser.add_argument("--compare-seconds", type=float, default=10.0, help="Load per page in the comparison.")
        parser.add_argument(
            "--skip-in-process", action="store_true", help="Only the comparison, not the table per type."
        )

    def handle(self, *args, **options):
        name = connection.settings_dict["NAME"]
        if options["database_name"] != name:
            raise CommandError(f"The configured database is {name!r}, not {options['database_name']!r}.")

        made, seconds = pagefill.fill(options["pages"], options["agencies"], options["townships"], self.stdout)
        added = ", ".join(f"{model} {count}" for model, count in sorted(made.items())) or "nothing"
        self.stdout.write(f"Filled in {seconds:.1f} s; added: {added}.")

        rows = []
        requests = options["samples"] * options["rounds"]
        for label, count, urls in [] if options["skip_in_process"] else timing.targets(options["samples"]):
            for language in timing.LANGUAGES:
                off = timing.measure(urls(language), requests, 0)
                on = timing.measure(urls(language), requests, options["cache_seconds"])
                if off and on:
                    rows.append((label, count, language, off, on))

        self.stdout.write("")
        self.stdout.write(
            f"Database: {connection.vendor} ({name}); live pages: {Page.objects.live().count()}; "
            f"{pagefill.townships_summary()}"
        )
        if rows:
            self.write_table(rows, options)
        if options["bakerydemo"]:
            self.stdout.write("")
            self.compare_with_bakerydemo(options)
        if options["gunicorn"]:
            self.stdout.write("")
            self.run_gunicorn(options)
        self.stdout.write("")
        self.stdout.write("Load average: " + timing.load_average())

    def write_table(self, rows, options):
        self.stdout.write(
            f"Server time per request in ms (test client, in-process, DEBUG off); {options['samples']} pages "
            f"of each type x {options['rounds']} rounds ({options['samples'] * options['rounds']} requests a row, "
            "a type with fewer pages asking for each more often); queries per request: median (max)."
        )
        header = (
            f"{'page type (or route)':<34} {'pages':>6} {'lang':<7} | {'no cache: median':>16} {'p95':>7} {'queries':>10} "
            f"| {'cached: median':>14} {'p95':>7} {'queries':>8} | {'status':<8}"
        )
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for label, count, language, off, on in rows:
            statuses = off["statuses"] + on["statuses"]
            status = ",".join(f"{code}" for code in sorted(statuses))
            self.stdout.write(
                f"{label:<34} {'' if count is None else count:>6} {language:<7} | {off['median']:>16.1f} {off['p95']:>7.1f} "
                f"{self.queries(off):>10} | {on['median']:>14.2f} {on['p95']:>7.2f} {self.queries(on):>8} "
                f"| {status:<8}"
            )

    def production_environment(self, static_root):
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "STATIC_ROOT": str(static_root),
        }

    def our_pages(self):
        """Our like page of each of bakerydemo's, by role, with its queries (uncached, in-process)."""
        with translation.override("en"):
            pages = {"home": home_page().get_url()}
            for role, app, model in (
                ("listing", "pressroom", "PressroomPage"),
                ("detail", "pressroom", "PressReleasePage"),
                ("agency profile", "agencies", "AgencyPage"),
                ("guide", "cns", "GuidePage"),
            ):
                found = pagefill.find_model(app, model)
                page = found.objects.live().order_by("-path").first() if found else None
                if page is not None:
                    pages[role] = page.get_url()
        pages["search"] = "/en/search/?q=office"
        pages["search (Chinese)"] = "/zh-hans/search/?q=%E6%96%B0%E9%97%BB"
        queries = {role: timing.measure([url], 3, 0)["queries"] for role, url in pages.items()}
        return pages, queries

    def compare_with_bakerydemo(self, options):
        if connection.vendor != "postgresql" or not os.environ.get("DATABASE_URL"):
            raise CommandError("--bakerydemo needs DATABASE_URL on PostgreSQL (bakerydemo gets a database beside it).")
        scratch = sidebyside.scratch_folder(options["bakerydemo_scratch"])
        name = connection.settings_dict["NAME"] + "_bakerydemo"
        url = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + name
        theirs = sidebyside.bakerydemo(
            options["bakerydemo"], scratch, url, name, sidebyside.python_for_bakerydemo(), self.stdout
        )
        static_root = Path(tempfile.mkdtemp(prefix="bench-static-"))
        environment = self.production_environment(static_root)
        subprocess.run(  # noqa: S603
            [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "collectstatic", "--noinput", "-v", "0"],
            env=environment,
            check=True,
        )
        pages, queries = self.our_pages()
        ours = sidebyside.this_site(environment, pages, queries)
        seconds, connections = options["compare_seconds"], options["gunicorn_threads"]
        runs = {}
        # Connections kept 500 s, as bakerydemo's settings keep them (ours: 60): the database CPU is
        # read from the backends found as a page's load starts, and one replaced meanwhile is lost.
        # Uncached is a page the page cache does not answer, as production serves it: its settings
        # (page cache on), every request from a visitor with a cookie (as after opening a form),
        # which the cache never answers (portal.pagecache). bakerydemo gets the same requests.
        uncached = {"PAGE_CACHE_SECONDS": "300", "DB_CONN_MAX_AGE": "500"}
        try:
            for site, extra in ((ours, uncached), (theirs, {})):
                port = sidebyside.free_port()
                with sidebyside.serve(site, port, extra) as served:
                    for role, path in site.pages.items():
                        runs[(site.name, role)] = sidebyside.drive(
                            served, port, path, seconds, connections, site.database, sidebyside.VISITOR_WITH_A_COOKIE
                        )
                    runs[(site.name, "memory")] = sidebyside.memory(served)
                    runs[(site.name, "server memory")] = sidebyside.server_memory(served)
            cached = self.cached_through_front_door(ours, seconds, connections)
        finally:
            shutil.rmtree(static_root, ignore_errors=True)
        self.stdout.write(
            f"This site beside bakerydemo: gunicorn, 2 sync workers each, production settings, PostgreSQL "
            f"{connection.settings_dict['NAME']} and {name}; load: Python client threads, {connections} "
            f"connections, {seconds:g} s a page, on this machine; server ms = worker CPU + database backend CPU "
            "per request (from /proc)."
        )
        self.stdout.write(sidebyside.format_table(self.comparison_rows(ours, theirs, runs, cached)))
        self.stdout.write("Requests per second (noisy on a shared machine):")
        for (site, role), run in sorted(runs.items()):
            if not role.endswith("memory"):
                self.stdout.write(
                    f"  {site:<11} {role:<17} {run.rps:>7.0f} req/s, p95 {run.p95:.1f} ms, {run.other} not 200"
                )

    def comparison_rows(self, ours, theirs, runs, cached):
        def cell(site, role):
            run = runs.get((site.name, role))
            return sidebyside.server_cell(run), (run.server_ms if run else 0)

        rows = []
        for label, role, their_role in (
            ("home page, uncached, server ms/request", "home", "home"),
            ("listing (pressroom / blog index)", "listing", "listing"),
            ("detail (release / blog post)", "detail", "detail"),
            ("agency profile (against a bread page)", "agency profile", "like page"),
            ("guide (against a bread page)", "guide", "like page"),
            ("search (English)", "search", "search"),
            ("search (Chinese; bakerydemo: English)", "search (Chinese)", "search"),
        ):
            (ours_text, ours_ms), (their_text, their_ms) = cell(ours, role), cell(theirs, their_role)
            rows.append((label, ours_text, their_text, sidebyside.ratio(ours_ms, their_ms)))
        our_queries, their_queries = list(ours.queries.values()), list(theirs.queries.values())
        rows.append(
            (
                "queries per page",
                f"{min(our_queries):g} to {max(our_queries):g}",
                f"{min(their_queries):g} to {max(their_queries):g}" if their_queries else "-",
                "",
            )
        )
        our_memory, their_memory = runs[(ours.name, "memory")], runs[(theirs.name, "memory")]
        # What a worker adds is the memory only it has (USS): what the preloaded master shares
        # with every worker (the app, jieba's and pypinyin's dictionaries) is there once for all
        # of them. PSS divides that between the master and the workers; the server's whole is
        # on the next row.
        rows.append(
            (
                "memory of one worker after the runs, its own (USS; PSS with its share of the master's)",
                " / ".join(f"{uss:.0f} MB ({pss:.0f})" for pss, uss in our_memory),
                " / ".join(f"{uss:.0f} MB ({pss:.0f})" for pss, uss in their_memory),
                sidebyside.ratio(max(u for _p, u in our_memory), max(u for _p, u in their_memory)),
            )
        )
        our_server, their_server = runs[(ours.name, "server memory")], runs[(theirs.name, "server memory")]
        rows.append(
            (
                "memory of the whole server, master and 2 workers (PSS summed)",
                f"{our_server:.0f} MB",
                f"{their_server:.0f} MB",
                sidebyside.ratio(our_server, their_server),
            )
        )
        static = cached["static CSS file"]
        for label in ("/en/", "/zh-hans/"):
            run = cached[label]
            rows.append(
                (
                    f"cached `{label}` against a static CSS file, nginx + gunicorn, req/s (worker ms/request)",
                    f"{run.rps:,.0f} ({run.worker_ms:.2f} ms) against {static.rps:,.0f} ({static.worker_ms:.2f} ms)",
                    "",
                    sidebyside.ratio(run.rps, static.rps),
                )
            )
        return rows

    def cached_through_front_door(self, ours, seconds, connections):
        """Cached pages and a static file through nginx (deploy/nginx/portal.conf) and gunicorn."""
        port = sidebyside.free_port()
        results = {}
        with sidebyside.serve(ours, port, {"PAGE_CACHE_SECONDS": "300"}) as served:
            with sidebyside.front_door(port) as front_port:
                css = self.static_url(port, "/en/")
                for label, path in (("/en/", "/en/"), ("/zh-hans/", "/zh-hans/"), ("static CSS file", css)):
                    results[label] = sidebyside.drive(served, front_port, path, seconds, connections)
        return results

    @staticmethod
    def queries(result):
        median = f"{result['queries']:g}"
        return f"{median} ({result['queries_max']})" if result["queries_max"] != result["queries"] else median

    def run_gunicorn(self, options):
        if not os.environ.get("DATABASE_URL"):
            raise CommandError("--gunicorn needs DATABASE_URL, so that gunicorn serves the same database.")
        static_root = Path(tempfile.mkdtemp(prefix="bench-static-"))
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "STATIC_ROOT": str(static_root),
        }
        try:
            subprocess.run(  # noqa: S603
                [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "collectstatic", "--noinput", "-v", "0"],
                env=environment,
                check=True,
            )
            with translation.override("en"):
                home_url = home_page().get_url()
                agency_model = pagefill.find_model("agencies", "AgencyPage")
                agency = agency_model.objects.live().order_by("path").last() if agency_model else None
                agency_url = agency.get_url() if agency else None
            workers = os.environ.get("WEB_CONCURRENCY", os.cpu_count() * 2 + 1)
            self.stdout.write(
                f"gunicorn on 127.0.0.1 (gunicorn.conf.py: {workers} workers x "
                f"{os.environ.get('GUNICORN_THREADS', 2)} threads, production settings, cache backend "
                f"{'Redis' if os.environ.get('REDIS_URL') else 'per-process memory'}); client: Python threads on "
                f"the same machine, {options['gunicorn_threads']} keep-alive connections, "
                f"{options['gunicorn_seconds']:g} s or {options['gunicorn_requests']} requests per URL."
            )
            header = (
                f"{'URL':<18} {'page cache':<10} {'path':<48} {'req/s':>7} {'200s':>7} {'other':>6} "
                f"{'median ms':>9} {'p95 ms':>7}"
            )
            self.stdout.write(header)
            self.stdout.write("-" * len(header))
            for cache_seconds in (options["cache_seconds"], 0):
                port = options["port"] or free_port()
                with self.gunicorn(environment, port, cache_seconds):
                    targets = [("home page (en)", home_url), ("agency page (en)", agency_url)]
                    if cache_seconds:
                        targets.append(("static CSS file", self.static_url(port, home_url)))
                    for label, path in targets:
                        if not path:
                            continue
                        timing.load_test("127.0.0.1", port, path, 1.0, 200, options["gunicorn_threads"])  # warm
                        result = timing.load_test(
                            "127.0.0.1",
                            port,
                            path,
                            options["gunicorn_seconds"],
                            options["gunicorn_requests"],
                            options["gunicorn_threads"],
                        )
                        cache = (
                            "-" if label.startswith("static") else (f"{cache_seconds} s" if cache_seconds else "off")
                        )
                        self.stdout.write(
                            f"{label:<18} {cache:<10} {path[:48]:<48} {result['rps']:>7.0f} {result['ok']:>7} "
                            f"{result['other']:>6} {result['median']:>9.1f} {result['p95']:>7.1f}"
                        )
        finally:
            shutil.rmtree(static_root, ignore_errors=True)

    @contextmanager
    def gunicorn(self, environment, port, cache_seconds):
        """gunicorn on 127.0.0.1:`port`, stopped on leaving the block."""
        log = tempfile.TemporaryFile()
        process = subprocess.Popen(  # noqa: S603
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "-c",
                str(Path(settings.BASE_DIR) / "gunicorn.conf.py"),
                "--bind",
                f"127.0.0.1:{port}",
                "--access-logfile",
                "/dev/null",
                "portal.wsgi",
            ],
            env={**environment, "PAGE_CACHE_SECONDS": str(cache_seconds), "GUNICORN_BIND": f"127.0.0.1:{port}"},
            cwd=settings.BASE_DIR,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        try:
            self.wait_for(port, process, log)
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            log.close()

    @staticmethod
    def wait_for(port, process, log, seconds=30):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if process.poll() is not None:
                log.seek(0)
                raise CommandError("gunicorn stopped: " + log.read().decode(errors="replace")[-2000:])
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        raise CommandError(f"gunicorn did not answer on port {port} within {seconds} s.")

    @staticmethod
    def static_url(port, home_url):
        """The first stylesheet the home page links, as gunicorn serves it (hashed name)."""
        import http.client

        client = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        client.request("GET", home_url, headers={"Host": "127.0.0.1"})
        html = client.getresponse().read().decode()
        client.close()
        match = re.search(r'href="(/static/[^"]+\.css)"', html)
        return match.group(1) if match else None


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
