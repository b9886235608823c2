from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation
from django.utils.module_loading import autodiscover_modules

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
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
