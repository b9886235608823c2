"""Pages invented to show how the site works, labelled "Example" wherever a visitor meets them.

The demo content needs pages that the seed documents cannot give (a conference with its recording,
events still to come, step-by-step guides); none of them may pass as an official announcement, so
each is marked `is_example` in its data file and the demo test checks the label wherever it is
listed. A page type adopts
`ExampleMixin` (its field and its panel, `example_panels`) and its templates show the label with
``{% include "includes/example_label.html" with item=page note=True %}`` on the page (the label and a
sentence saying what it means) and ``with item=page`` in every list that shows the page.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel


class ExampleMixin(models.Model):
    is_example = models.BooleanField(
        _("example"),
        default=False,
        help_text=_(
            "Invented to show how the site works: the page and every list that shows it say "
            "“Example”, so that it cannot pass as an official announcement."
        ),
    )

    example_panels = [FieldPanel("is_example")]

    class Meta:
        abstract = True
