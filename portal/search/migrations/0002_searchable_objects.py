"""Entries name their object by content type and id, so models other than pages can be searched."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def fill_objects(apps, schema_editor):
    # Every existing entry is a page's: its object is the page, with the page's own content type.
    Entry = apps.get_model("portal_search", "PageSearchEntry")
    Page = apps.get_model("wagtailcore", "Page")
    Entry.objects.update(
        object_id=models.F("page_id"),
        content_type_id=Subquery(Page.objects.filter(pk=OuterRef("page_id")).values("content_type_id")[:1]),
    )
    if schema_editor.connection.vendor == "postgresql":
        # Check the new foreign keys now, so the table can be altered in the same transaction.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def drop_object_entries(apps, schema_editor):
    # Going back to pages only: entries of other objects have nowhere to go.
    apps.get_model("portal_search", "PageSearchEntry").objects.filter(page__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("portal_search", "0001_initial"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="pagesearchentry",
            name="portal_search_one_entry_per_language",
        ),
        migrations.AddField(
            model_name="pagesearchentry",
            name="content_type",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="contenttypes.contenttype",
                verbose_name="content type",
            ),
        ),
        migrations.AddField(
            model_name="pagesearchentry",
            name="object_id",
            field=models.PositiveBigIntegerField(null=True, verbose_name="object id"),
        ),
        migrations.RunPython(fill_objects, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="pagesearchentry",
            name="content_type",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="contenttypes.contenttype",
                verbose_name="content type",
            ),
        ),
        migrations.AlterField(
            model_name="pagesearchentry",
            name="object_id",
            field=models.PositiveBigIntegerField(verbose_name="object id"),
        ),
        migrations.AlterField(
            model_name="pagesearchentry",
            name="page",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="search_entries",
                to=settings.WAGTAIL_PAGE_MODEL,
                verbose_name="page",
            ),
        ),
        migrations.RunPython(migrations.RunPython.noop, drop_object_entries),
        migrations.AddConstraint(
            model_name="pagesearchentry",
            constraint=models.UniqueConstraint(
                fields=("content_type", "object_id", "language"), name="portal_search_one_entry_per_language"
            ),
        ),
    ]
