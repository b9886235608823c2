"""Publishing re-indexes the page once its inline children are saved too.

Wagtail's own signal handler (through the "site" backend) indexes a page on every save, but a
page's inline objects (an agency's responsibilities, say) are written after the page row itself,
so a page is indexed again when ``page_published`` says the whole revision is in place.

A snippet whose text is searched with the pages or objects that point to it (a topic's name, a
district's, through their ``RelatedFields``) re-indexes them when it changes.
"""

from modelsearch.index import RelatedFields

from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished
from wagtail.snippets.models import get_snippet_models

from .indexing import index_objects, index_pages, is_searchable, remove_pages

REINDEX_BATCH = 500


@receiver(page_published, dispatch_uid="portal-search-published")
def reindex_published_page(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.pk).specific().first()
    if page is not None and page.live:
        index_pages([page])


@receiver(page_unpublished, dispatch_uid="portal-search-unpublished")
def forget_unpublished_page(sender, instance, **kwargs):
    remove_pages([instance.pk])


@receiver(post_save, dispatch_uid="portal-search-snippet-saved")
def reindex_what_is_searched_with_snippet(sender, instance, created, **kwargs):
    if created or sender not in get_snippet_models():
        return  # a new snippet is on nothing yet
    for relation in sender._meta.related_objects:
        if not _searched_through(relation):
            continue
        model = relation.related_model
        related = getattr(instance, relation.get_accessor_name()).order_by("pk")
        if issubclass(model, Page):
            related = related.live().specific()
        for start in range(0, related.count(), REINDEX_BATCH):
            index_objects(model, list(related[start : start + REINDEX_BATCH]))


def _searched_through(relation):
    """Whether the relation's model is in the site search and searches the related object's fields."""
    model = relation.related_model
    return is_searchable(model) and any(
        isinstance(field, RelatedFields) and field.field_name == relation.field.name
        for field in model.get_search_fields()
    )
