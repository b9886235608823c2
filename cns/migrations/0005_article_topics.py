"""Articles are filed under topics named in both languages, instead of free-text tags.

A tag had one name, so a Chinese page showed it in English. Each tag in use becomes a topic
with that name as its English one (the Chinese is left for editors, and the English shows,
marked as English, until then). Who may keep the list is declared in cns/roles.py (an
editorial list) and applied after every migrate.
"""

import modelcluster.fields
from django.db import migrations, models


def tags_to_topics(apps, schema_editor):
    ArticlePageTag = apps.get_model("cns", "ArticlePageTag")
    ArticleTopic = apps.get_model("cns", "ArticleTopic")
    Filing = apps.get_model("cns", "ArticlePage").topics.through
    topics = {}
    for tagged in ArticlePageTag.objects.select_related("tag").order_by("pk"):
        tag = tagged.tag
        if tag.pk not in topics:
            topics[tag.pk], _ = ArticleTopic.objects.get_or_create(
                slug=tag.slug[:80], defaults={"name": tag.name[:80], "name_en": tag.name[:80]}
            )
        Filing.objects.get_or_create(articlepage_id=tagged.content_object_id, articletopic=topics[tag.pk])


class Migration(migrations.Migration):
    dependencies = [
        ("cns", "0004_listing_indexes"),
        ("cns", "0002_staff_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="ArticleTopic",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=80, verbose_name="name")),
                ("name_en", models.CharField(max_length=80, null=True, verbose_name="name")),
                ("name_zh_hans", models.CharField(max_length=80, null=True, verbose_name="name")),
                ("slug", models.SlugField(max_length=80, unique=True, verbose_name="slug")),
            ],
            options={
                "verbose_name": "article topic",
                "verbose_name_plural": "article topics",
                "ordering": ["slug"],
            },
        ),
        migrations.AddField(
            model_name="articlepage",
            name="topics",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True, related_name="articles", to="cns.articletopic", verbose_name="topics"
            ),
        ),
        migrations.RunPython(tags_to_topics, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="articlepage",
            name="tags",
        ),
        migrations.DeleteModel(
            name="ArticlePageTag",
        ),
    ]
