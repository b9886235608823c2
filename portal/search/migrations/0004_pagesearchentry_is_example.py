from django.db import migrations, models


def mark_examples(apps, schema_editor):
    """Entries already in the index learn which of their objects are examples (portal.examples):
    a results page reads the label from the entry now."""
    Entry = apps.get_model("portal_search", "PageSearchEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in apps.get_models():
        if not any(field.name == "is_example" for field in model._meta.get_fields()):
            continue
        examples = list(model._default_manager.filter(is_example=True).values_list("pk", flat=True))
        if not examples:
            continue
        content_type = ContentType.objects.filter(
            app_label=model._meta.app_label, model=model._meta.model_name
        ).first()
        if content_type is not None:
            Entry.objects.filter(content_type=content_type, object_id__in=examples).update(is_example=True)


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0003_synonyms_and_query_log"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="pagesearchentry",
            name="is_example",
            field=models.BooleanField(default=False),
        ),
        migrations.RunPython(mark_examples, migrations.RunPython.noop),
    ]
