"""When a page was published, and the changes its editors noted since, as GOV.UK shows them.

A page type that shows its dates takes `ChangeHistory` and adds `ChangeHistory.panels` to its
content panels. Its editors add a `PageChangeNote` (a date and a sentence, in every language)
when they publish a change that readers need to know about; fixing a typo needs none.

- "Published" is the day (in Shanghai time) the page was first published.
- "Last updated" is the day of the latest change note: the latest *significant* change. A
  republish without a note does not move it, so a reader can trust that something they may have
  read before has changed. A page without notes shows "Published" only.
- "Full page history" lists the notes, the latest first, and the first publication last.

The notes are one model for every page type: a ParentalKey to `wagtailcore.Page`, which
modelcluster follows on every specific page type (it collects the child relations of a model's
ancestors too), so each type's InlinePanel, its revisions and its previews work with one table.
Only the types with the mixin offer the panel and show the dates.
"""

from dataclasses import dataclass, field
from datetime import date as Date

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from .statements import children


class PageChangeNote(Orderable):
    """A change to a page that readers should know about, noted by the editor who published it."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="change_notes")
    date = models.DateField(
        _("date"), default=timezone.localdate, help_text=_("The day the change was published, in Shanghai time.")
    )
    note = models.CharField(
        _("what changed"),
        max_length=300,
        help_text=_("One sentence for readers, such as “Added the fees for 2027.”"),
    )

    panels = [FieldPanel("date"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("change note")
        verbose_name_plural = _("change notes")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.note}"


@dataclass
class PageDates:
    """What a page says about its dates: `published` and `updated` are days (or None)."""

    published: Date | None
    notes: list = field(default_factory=list)  # PageChangeNote, the latest first

    @property
    def updated(self):
        return self.notes[0].date if self.notes else None


class ChangeHistory:
    """A page type that shows when it was published and the changes noted since."""

    panels = [
        InlinePanel(
            "change_notes",
            heading=_("Change notes"),
            label=_("Change note"),
            help_text=_(
                "When you publish a change readers need to know about, add a note: the page shows it "
                "as its last update and lists it in its history. A small correction needs none."
            ),
        )
    ]

    # A copy is a new page: the original's history is not its own.
    exclude_fields_in_copy = ["change_notes"]

    @cached_property
    def page_dates(self):
        """The page's `PageDates`: one query for its notes (none in a preview, which holds them)."""
        published = timezone.localdate(self.first_published_at) if self.first_published_at else None
        notes = sorted(self._change_notes(), key=lambda note: (note.date, note.sort_order or 0), reverse=True)
        return PageDates(published=published, notes=notes)

    def _change_notes(self):
        # Every page's notes have the same SQL but for the page's id (portal.statements).
        return children(self, "change_notes")
