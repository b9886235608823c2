"""Feedback assigned to a handler, and internal notes with their author and time.

The single staff note each message had becomes its first internal note (without an author:
nobody recorded who wrote it), dated when the message was last updated.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def staff_notes_to_notes(apps, schema_editor):
    Feedback = apps.get_model("cns", "Feedback")
    FeedbackNote = apps.get_model("cns", "FeedbackNote")
    FeedbackNote.objects.bulk_create(
        FeedbackNote(feedback_id=pk, text=note, created_at=updated_at)
        for pk, note, updated_at in Feedback.objects.exclude(staff_note="").values_list(
            "pk", "staff_note", "updated_at"
        )
    )


def notes_to_staff_notes(apps, schema_editor):
    Feedback = apps.get_model("cns", "Feedback")
    FeedbackNote = apps.get_model("cns", "FeedbackNote")
    texts = {}
    for feedback_id, text in FeedbackNote.objects.order_by("created_at", "pk").values_list("feedback_id", "text"):
        texts.setdefault(feedback_id, []).append(text)
    for feedback_id, parts in texts.items():
        Feedback.objects.filter(pk=feedback_id).update(staff_note="\n\n".join(parts))


class Migration(migrations.Migration):
    dependencies = [
        ("cns", "0007_examples_and_platform_groups"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="feedback",
            name="assigned_to",
            field=models.ForeignKey(
                blank=True,
                help_text="The feedback handler who answers this message.",
                limit_choices_to={"groups__name": "CNS feedback handlers", "is_active": True},
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="assigned to",
            ),
        ),
        migrations.AlterField(
            model_name="feedback",
            name="language",
            field=models.CharField(
                blank=True,
                choices=[("en", "English"), ("zh-hans", "Simplified Chinese")],
                max_length=10,
                verbose_name="language",
            ),
        ),
        migrations.CreateModel(
            name="FeedbackNote",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="written at")),
                ("text", models.TextField(max_length=2000, verbose_name="note")),
                (
                    "author",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="written by",
                    ),
                ),
                (
                    "feedback",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="notes",
                        to="cns.feedback",
                        verbose_name="resident feedback",
                    ),
                ),
            ],
            options={
                "verbose_name": "internal note",
                "verbose_name_plural": "internal notes",
                "ordering": ["created_at", "pk"],
            },
        ),
        migrations.RunPython(staff_notes_to_notes, notes_to_staff_notes),
        migrations.RemoveField(model_name="feedback", name="staff_note"),
    ]
