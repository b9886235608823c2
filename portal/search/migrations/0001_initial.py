import django.contrib.postgres.search
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

GIN_INDEX = "portal_search_vector_gin"


def create_gin_index(apps, schema_editor):
    # The tsvector is used on PostgreSQL only; SQLite matches by substring and needs no index.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX {GIN_INDEX} ON portal_search_pagesearchentry USING gin (vector)")


def drop_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='PageSearchEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(max_length=12, verbose_name='language')),
                ('title', models.TextField(verbose_name='title')),
                ('body', models.TextField(blank=True, verbose_name='body')),
                ('title_terms', models.TextField(blank=True)),
                ('body_terms', models.TextField(blank=True)),
                ('vector', django.contrib.postgres.search.SearchVectorField(null=True)),
                ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='search_entries', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='page')),
            ],
            options={
                'verbose_name': 'search index entry',
                'verbose_name_plural': 'search index entries',
                'constraints': [models.UniqueConstraint(fields=('page', 'language'), name='portal_search_one_entry_per_language')],
            },
        ),
        migrations.RunPython(create_gin_index, drop_gin_index),
    ]
