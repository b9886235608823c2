# A township's contact fields are the shared contact details' (portal.contact.ContactDetails):
# renamed in place, so the data stays.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cns", "0005_article_topics"),
    ]

    operations = [
        migrations.RenameField(model_name="township", old_name="contact_telephone", new_name="telephone"),
        migrations.RenameField(model_name="township", old_name="contact_email", new_name="email"),
        migrations.RenameField(model_name="township", old_name="contact_url", new_name="website"),
        migrations.AlterField(
            model_name="township",
            name="telephone",
            field=models.CharField(blank=True, max_length=40, verbose_name="telephone"),
        ),
        migrations.AlterField(
            model_name="township",
            name="email",
            field=models.EmailField(blank=True, max_length=254, verbose_name="email"),
        ),
        migrations.AlterField(
            model_name="township",
            name="website",
            field=models.URLField(blank=True, verbose_name="website"),
        ),
    ]
