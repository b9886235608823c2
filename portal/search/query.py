"""Searching the per-language index: matching, ranking, sections, promotions."""

from dataclasses import dataclass
from functools import reduce
from operator import and_, or_

from modelsearch.utils import normalise_query_string

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, Value, When

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, get_page_models

from ..visibility import public
from ..withdrawal import shown_in
from .analysis import Group, is_segmented, parse_query, tsquery
from .indexing import searchable_models, section_label
from .models import PageSearchEntry
from .synonyms import synonyms_for


@dataclass
class Section:
    key: str  # "app_label.model", as used in the ?section= parameter
    label: str
    content_type_id: int
    count: int = 0


def section_key(content_type):
    return f"{content_type.app_label}.{content_type.model}"


def search_sections():
    """Every page type and other searchable model a visitor can meet, keyed for the section
    filter (asked of Wagtail and the app registry)."""
    models = [model for model in get_page_models() if model is not Page] + searchable_models()
    content_types = ContentType.objects.get_for_models(*models)
    return {
        section_key(content_type): Section(
            key=section_key(content_type),
            label=section_label(model),
            content_type_id=content_type.pk,
        )
        for model, content_type in content_types.items()
    }


def visible_pages(site=None):
    pages = public(Page.objects.live())
    if site is not None:
        pages = pages.descendant_of(site.root_page, inclusive=True)
    return pages


def match_entries(parsed, language, pages, operator="and"):
    """Index entries of `language` matching the query, best first: of the visible `pages`, and of
    the other searchable objects (which have no publishing state of their own). A page withdrawn
    in `language` (`portal.withdrawal`) is not found in it."""
    pages = shown_in(pages, language)
    entries = PageSearchEntry.objects.filter(Q(page__in=pages.values("pk")) | Q(page__isnull=True), language=language)
    if connection.vendor == "postgresql":
        query = SearchQuery(tsquery(parsed, operator), search_type="raw", config="simple")
        return (
            entries.filter(vector=query)
            .annotate(rank=SearchRank(F("vector"), query))
            .order_by("-rank", "-object_id", "-pk")
        )
    # SQLite, for the quick local run: every word as a substring of the title, kind or body.
    conditions = [_contains(term) for term in parsed.terms]
    combined = conditions[0]
    for condition in conditions[1:]:
        combined = combined & condition if operator == "and" else combined | condition
    # Rank: two points for each word in the title, one for each word in the kind or the body.
    rank = Value(0)
    for lexeme in _lexemes(parsed.terms):
        for field, points in (("title", 2), ("kind", 1), ("body", 1)):
            rank = rank + Case(
                When(**{f"{field}__icontains": lexeme}, then=Value(points)),
                default=Value(0),
                output_field=IntegerField(),
            )
    return entries.filter(combined).annotate(rank=rank).order_by("-rank", "-object_id", "-pk")


def _contains(term):
    if isinstance(term, Group):
        alternatives = [reduce(and_, (_contains(part) for part in alternative)) for alternative in term.alternatives]
        return reduce(or_, alternatives)
    return Q(title__icontains=term.lexeme) | Q(kind__icontains=term.lexeme) | Q(body__icontains=term.lexeme)


def _lexemes(terms):
    for term in terms:
        if isinstance(term, Group):
            for alternative in term.alternatives:
                yield from _lexemes(alternative)
        else:
            yield term.lexeme


@dataclass
class SearchOutcome:
    parsed: object
    entries: object  # queryset of PageSearchEntry, best first
    relaxed: bool  # no page held every word, so pages holding any of them are shown


def search_pages(text, language, pages):
    """Pages and other objects (through their index entries) in `language` that match `text`.

    Every word must match; when no page has them all, pages with any of them are returned and
    ``relaxed`` says so.
    """
    parsed = parse_query(text, language, synonyms_for(language))
    if not parsed:
        return SearchOutcome(parsed=parsed, entries=PageSearchEntry.objects.none(), relaxed=False)
    entries = match_entries(parsed, language, pages)
    relaxed = False
    if len(parsed.terms) > 1 and not entries.exists():
        entries = match_entries(parsed, language, pages, operator="or")
        relaxed = True
    return SearchOutcome(parsed=parsed, entries=entries, relaxed=relaxed)


def section_counts(entries, sections):
    """Results per section, in one query: (sections holding results sorted by label, total)."""
    by_type = {section.content_type_id: section for section in sections.values()}
    found, total = [], 0
    rows = entries.order_by().values("content_type").annotate(count=Count("pk"))
    for row in rows:
        total += row["count"]
        section = by_type.get(row["content_type"])
        if section is not None:
            found.append(Section(section.key, section.label, section.content_type_id, row["count"]))
    return sorted(found, key=lambda section: str(section.label)), total


def other_language_counts(text, language, pages, languages):
    """How many results the same words find in each other language (for an empty result)."""
    counts = []
    for code, name in languages:
        if code == language:
            continue
        outcome = search_pages(text, code, pages)
        count = outcome.entries.count() if outcome.parsed and not outcome.relaxed else 0
        if count:
            counts.append((code, name, count))
    return counts


def promotions(text, language, pages):
    """Editors' picks for this query, live pages shown in the visitor's language.

    A pick is made for a query string, and a query is written in one language, so picks are
    per language by nature. Their description is shown only when it is in the visitor's script
    (Chinese characters for Chinese, none for the others).
    """
    query_string = normalise_query_string(text)
    if not query_string:
        return []
    picks = (
        SearchPromotion.objects.filter(query__query_string=query_string).select_related("page").order_by("sort_order")
    )
    visible = set(
        shown_in(pages, language)
        .filter(pk__in=[pick.page_id for pick in picks if pick.page_id])
        .values_list("pk", flat=True)
    )
    shown = []
    for pick in picks:
        if pick.page_id and pick.page_id not in visible:
            continue
        description = pick.description if _written_in(pick.description, language) else ""
        shown.append({"pick": pick, "page": pick.page, "description": description})
    return shown


def _written_in(text, language):
    has_chinese = any("\u4e00" <= character <= "\u9fff" for character in text or "")
    return has_chinese == is_segmented(language)
