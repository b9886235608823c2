from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation
from django.utils.module_loading import autodiscover_modules

from wagtail.models import Page, ReferenceIndex

from portal.demotools import registered_builders


class Command(BaseCommand):
    help = "Builds the demo site in English and Chinese from the seed documents' facts. Safe to run again."

    def handle(self, *args, **options):
        autodiscover_modules("demo")
        # Field values are given per language (title_en, title_zh_hans); the default
        # language is active so that untranslated accessors resolve to English.
        with translation.override("en"), transaction.atomic():
            for builder in registered_builders():
                builder()
                self.stdout.write(f"  {builder.__module__}.{builder.__name__}")
            self.index_references()
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))

    def index_references(self):
        # The home page tells a story once by following the links between pages in Wagtail's
        # reference index, which the worker otherwise fills after each save: the demo is
        # right as soon as it is loaded, with or without a worker.
        for page in Page.objects.specific().iterator():
            ReferenceIndex.create_or_update_for_object(page)
