"""Publishing re-indexes the page once its inline children are saved too.

Wagtail's own signal handler (through the "site" backend) indexes a page on every save, but a
page's inline objects (an agency's responsibilities, say) are written after the page row itself,
so a page is indexed again when ``page_published`` says the whole revision is in place.
"""

from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from .indexing import index_pages, remove_pages


@receiver(page_published, dispatch_uid="portal-search-published")
def reindex_published_page(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.pk).specific().first()
    if page is not None and page.live:
        index_pages([page])


@receiver(page_unpublished, dispatch_uid="portal-search-unpublished")
def forget_unpublished_page(sender, instance, **kwargs):
    remove_pages([instance.pk])
