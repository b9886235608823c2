"""Wagtail search backend "site": keeps the per-language index current.

Registered in WAGTAILSEARCH_BACKENDS, so Wagtail's own signal handlers call it whenever a page is
saved (published, unpublished, edited live) or deleted, or any other indexed model is saved or
deleted, and ``manage.py update_index`` rebuilds it. It keeps pages and the indexed models that
have a page of their own on the site (see :func:`portal.search.indexing.searchable_models`);
other indexed objects (images, documents) are left to the default backend. Searching goes
through :mod:`portal.search.query`, which knows the visitor's language.
"""

from modelsearch.backends.base import BaseIndex, BaseSearchBackend

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page

from .indexing import index_objects, index_pages, is_searchable, remove_objects, remove_pages, searchable_models
from .models import PageSearchEntry


class PageIndex(BaseIndex):
    def get_key(self):
        return "pages"

    def add_items(self, model, items):
        if issubclass(model, Page):
            items = list(items)
            live = [item for item in items if item.live]
            remove_pages(item.pk for item in items if not item.live)
            index_pages(live)
        elif is_searchable(model):
            index_objects(model, list(items))

    def delete_item(self, item):
        if isinstance(item, Page):
            remove_pages([item.pk])
        elif is_searchable(type(item)):
            remove_objects(type(item), [item.pk])

    def reset(self):
        PageSearchEntry.objects.all().delete()


class PageIndexRebuilder:
    """``update_index``: drop entries of pages that are gone or unpublished and of objects that
    are gone or no longer searchable, then re-add the rest."""

    def __init__(self, index):
        self.index = index

    def start(self):
        PageSearchEntry.objects.filter(page__isnull=False).exclude(page__live=True).delete()
        kept = []
        for model in searchable_models():
            content_type = ContentType.objects.get_for_model(model)
            kept.append(content_type.pk)
            PageSearchEntry.objects.filter(page__isnull=True, content_type=content_type).exclude(
                object_id__in=model._default_manager.values("pk")
            ).delete()
        PageSearchEntry.objects.filter(page__isnull=True).exclude(content_type__in=kept).delete()
        return self.index

    def finish(self):
        pass


class SearchBackend(BaseSearchBackend):
    index_class = PageIndex
    rebuilder_class = PageIndexRebuilder

    def search(self, *args, **kwargs):
        raise NotImplementedError("Search through portal.search.query.search_pages().")

    autocomplete = search
