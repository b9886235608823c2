"""Townships, districts and service platforms are shown on cached pages: a change refreshes them."""

from django.db.models.signals import post_delete, post_save

from portal.pagecache import start_new_generation

from .models import District, ServicePlatform, Township


def _refresh_cached_pages(sender, **kwargs):
    start_new_generation()


for model in (District, ServicePlatform, Township):
    post_save.connect(_refresh_cached_pages, sender=model, dispatch_uid=f"cns-pagecache-save-{model.__name__}")
    post_delete.connect(_refresh_cached_pages, sender=model, dispatch_uid=f"cns-pagecache-delete-{model.__name__}")
