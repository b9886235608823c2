"""What readers search for: one row per day, language and query, with how often and how many
results it found the last time. Nothing that tells who searched is kept (no address, user,
session, referrer or time of day), and rows go after ``RETENTION_DAYS`` (``prune_search_log``,
run daily by the clock).

A search is recorded by the results view, on the first page of its results in every section,
so browsing further pages or filtering by section does not count it again; results pages with a
query are never served from the page cache (``views``), so none is missed.
"""

from datetime import timedelta

from modelsearch.utils import normalise_query_string

from django.db import connection
from django.db.models import Max, Sum
from django.utils import timezone

from .models import SearchLogEntry

RETENTION_DAYS = 90
MAX_LENGTH = SearchLogEntry._meta.get_field("query").max_length


def normalise(text):
    """The query as recorded and as promotions match it: lower case, single spaces, cut short."""
    return normalise_query_string(text)[:MAX_LENGTH].strip()


def record(text, language, result_count):
    """Count one search for `text` today, in one statement: an upsert, so two servers counting
    the same query at once both count. On PostgreSQL its commit does not wait for the disk
    (``synchronous_commit`` off for that statement alone, 0.2 ms rather than 4 ms on CI): a
    crash may lose the last fraction of a second of counts, never the site's other data."""
    query = normalise(text)
    if not query:
        return
    table = connection.ops.quote_name(SearchLogEntry._meta.db_table)
    relaxed, source = "", "VALUES (%s, %s, %s, 1, %s)"
    if connection.vendor == "postgresql":
        relaxed = "WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true)) "
        source = "SELECT %s, %s, %s, 1, %s FROM relaxed"
    with connection.cursor() as cursor:
        cursor.execute(
            f"{relaxed}INSERT INTO {table} (day, language, query, count, result_count) {source} "  # noqa: S608
            "ON CONFLICT (day, language, query) DO UPDATE "
            f"SET count = {table}.count + 1, result_count = excluded.result_count",
            [timezone.localdate(), language, query, result_count],
        )


def prune(days=RETENTION_DAYS, today=None):
    """Delete the rows older than `days` days; returns how many went."""
    first_kept = (today or timezone.localdate()) - timedelta(days=days - 1)
    deleted, _by_model = SearchLogEntry.objects.filter(day__lt=first_kept).delete()
    return deleted


def frequent_queries(first_day, last_day, language=None, limit=50):
    """The most searched queries of the period: [{language, query, searches, results}], where
    ``results`` is the result count of the query's latest day in the period."""
    rows = _totals(first_day, last_day, language).order_by("-searches", "query")[:limit]
    return _with_latest_results(list(rows), first_day, last_day)


def zero_result_queries(first_day, last_day, language=None, limit=50):
    """The queries of the period that found nothing, with how often they did: [{language, query,
    searches, last_day}] (a query that finds something since, thanks to a synonym or a new page,
    stays listed for the days it did not)."""
    empty = SearchLogEntry.objects.filter(result_count=0)
    return list(_totals(first_day, last_day, language, empty).order_by("-searches", "query")[:limit])


def _totals(first_day, last_day, language, entries=SearchLogEntry.objects):
    entries = entries.between(first_day, last_day)
    if language:
        entries = entries.filter(language=language)
    return entries.values("language", "query").annotate(searches=Sum("count"), last_day=Max("day"))


def _with_latest_results(rows, first_day, last_day):
    """Each row's result count on its latest day, in one query whatever the number of rows."""
    if not rows:
        return rows
    latest = {
        (entry["language"], entry["query"], entry["day"]): entry["result_count"]
        for entry in SearchLogEntry.objects.between(first_day, last_day)
        .filter(query__in={row["query"] for row in rows})
        .values("language", "query", "day", "result_count")
    }
    return [{**row, "results": latest.get((row["language"], row["query"], row["last_day"]), 0)} for row in rows]
