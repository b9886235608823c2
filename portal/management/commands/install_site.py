from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from portal.demotools import create_home_page, home_page
from portal.siteaddress import point_default_site


class Command(BaseCommand):
    help = (
        "First install on a new database, after `migrate`: a home page in both languages (or the demo "
        "content with --demo) at the address in SITE_URL. Safe to run again: it then only updates the address."
    )

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="load the demo content too")

    def handle(self, *args, demo=False, **options):
        with transaction.atomic():
            home = home_page() or create_home_page(
                title_en="Home",
                title_zh_hans="首页",
                hero_title_en="Information Office of Shanghai Municipality",
                hero_title_zh_hans="上海市人民政府新闻办公室",
            )
            site = point_default_site(home)
        self.stdout.write(f"The site answers at {site.root_url}/ with the home page “{home.title}”.")
        if demo:
            call_command("load_demo_content", stdout=self.stdout)
        if not get_user_model().objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "No administrator yet: create the first one with `python manage.py createsuperuser` "
                "(it asks for a password; there is no default one)."
            )
