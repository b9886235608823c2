"""An index of the pages shown in menus, for the site header's main menu.

The header asks on every page for the home page's children that are shown in menus. Without an
index that query reads the whole page table, so every page got slower as the site grew (about
2 ms at 10,000 pages); few pages are shown in menus, so a partial index of their paths answers
it in a few rows at any size. Wagtail owns the table and has no such index; PostgreSQL and
SQLite both support partial indexes.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_staff_groups"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS portal_page_in_menus ON wagtailcore_page (path) WHERE show_in_menus",
            reverse_sql="DROP INDEX IF EXISTS portal_page_in_menus",
        ),
    ]
