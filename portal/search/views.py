from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode
from django.utils.translation import get_language, get_language_info, override
from django.utils.translation import gettext as _

from wagtail.models import Page

from ..serving import find_site
from ..visibility import public
from .analysis import highlight, snippet
from .forms import SearchForm
from .indexing import is_searchable, section_label
from .query import (
    other_language_counts,
    promotions,
    search_pages,
    search_sections,
    section_counts,
    visible_pages,
)
from .querylog import record

RESULTS_PER_PAGE = 10


def search(request):
    language = get_language()
    site = find_site(request)
    home = site.root_page if site else None
    form = SearchForm(request.GET)
    context = {
        "form": form,
        "query": "",
        "breadcrumb_trail": ([(home.title, home.url)] if home else []) + [(_("Search"), reverse("search"))],
        "main_sections": _main_sections(home),
    }
    if not form.is_valid():
        return render(request, "search/search_results.html", context, status=400)

    text = form.cleaned_data["q"].strip()
    context["query"] = text
    if not text:
        return render(request, "search/search_results.html", context)

    pages = visible_pages(site)
    outcome = search_pages(text, language, pages)
    sections = search_sections()
    found_sections, all_count = section_counts(outcome.entries, sections)
    total = all_count
    section = sections.get(form.cleaned_data["section"])
    entries = outcome.entries
    if section is not None:
        entries = entries.filter(content_type_id=section.content_type_id)
        total = next((item.count for item in found_sections if item.key == section.key), 0)

    paginator = Paginator(entries, RESULTS_PER_PAGE)
    paginator.count = total  # known from the section counts: saves a COUNT query
    results_page = paginator.get_page(form.cleaned_data["page"] or 1)
    context.update(
        {
            "outcome": outcome,
            "sections": found_sections,
            "all_count": all_count,
            "section": section,
            "results_page": results_page,
            "results": _results(request, results_page.object_list, outcome, language),
            "total": paginator.count,
            "promotions": promotions(text, language, pages) if results_page.number == 1 else [],
        }
    )
    if paginator.count == 0:
        context["elsewhere"] = [
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "count": count,
                "url": _search_url_in(request, code, text),
            }
            for code, _name, count in other_language_counts(text, language, pages, settings.LANGUAGES)
        ]
    if not form.cleaned_data["page"] and not form.cleaned_data["section"]:
        record(text, language, all_count)  # once a search: not again for its further pages or sections
    response = render(request, "search/search_results.html", context)
    # Never from the page cache, which would serve it without counting it (see querylog).
    patch_cache_control(response, private=True)
    return response


def _results(request, entries, outcome, language):
    entries = list(entries.defer("vector", "title_terms", "body_terms"))
    objects = _objects(entries)
    pattern = outcome.parsed.highlight_pattern()
    results = []
    for entry in entries:
        obj = objects.get((entry.content_type_id, entry.object_id))
        url = _object_url(obj, request) if obj is not None else None
        if not url:
            continue
        results.append(
            {
                "page": obj,
                "url": url,
                "title": highlight(entry.title, pattern),
                "snippet": snippet(entry.body, pattern, language),
                "section": section_label(ContentType.objects.get_for_id(entry.content_type_id).model_class()),
                "is_example": entry.is_example,
            }
        )
    return results


def _objects(entries):
    """The page or object of each entry, {(content type id, object id): object}, with one query
    for the pages and one per other model. Pages are read as Page, not as their specific types:
    a result shows the entry's own title, text and kind, and needs of its page only the address."""
    objects = {}
    page_ids = [entry.page_id for entry in entries if entry.page_id]
    if page_ids:
        for page in Page.objects.filter(pk__in=page_ids):
            objects[(page.content_type_id, page.pk)] = page
    others = {}
    for entry in entries:
        if not entry.page_id:
            others.setdefault(entry.content_type_id, []).append(entry.object_id)
    for content_type_id, ids in others.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or not is_searchable(model):
            continue
        for obj in model._default_manager.filter(pk__in=ids):
            objects[(content_type_id, obj.pk)] = obj
    return objects


def _object_url(obj, request):
    """The object's address in the active language: a page's, or the model's own URL method."""
    if isinstance(obj, Page) or callable(getattr(obj, "get_url", None)):
        return obj.get_url(request=request)
    return obj.get_absolute_url()


def _main_sections(home):
    if home is None:
        return []
    return list(public(Page.objects.child_of(home).live()).in_menu())


def _search_url_in(request, language, text):
    with override(language):
        return f"{reverse('search')}?{urlencode({'q': text})}"
