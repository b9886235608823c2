import re

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class PageSearchEntryQuerySet(models.QuerySet):
    def for_language(self, language):
        return self.filter(language=language)

    def for_object(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk)


class PageSearchEntry(models.Model):
    """One searchable object's text in one language: a live page, or another indexed model.

    The object is ``content_type`` + ``object_id`` (a page's own, specific content type). Pages
    also fill ``page``, so an entry goes with its page and results keep to the visible pages;
    other models (an alliance township, say) leave it empty and are removed by the search
    backend when the object is deleted.

    ``title`` and ``body`` hold the plain text a visitor reads (for snippets and, on SQLite,
    for matching); ``title_terms`` and ``body_terms`` the same text as the language's analyser
    sees it (Chinese split into words by jieba). ``kind`` and ``kind_terms`` name what the
    object is, in that language ("press conference", 新闻发布会), for objects that are one of
    many of a kind, so that readers who type the kind find them. On PostgreSQL ``vector`` is
    their tsvector, title weighted A, kind C and body D, behind a GIN index; SQLite leaves it empty.
    """

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("content type")
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    object = GenericForeignKey("content_type", "object_id")
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="search_entries",
        verbose_name=_("page"),
    )
    language = models.CharField(_("language"), max_length=12)
    title = models.TextField(_("title"))
    body = models.TextField(_("body"), blank=True)
    title_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    kind = models.CharField(max_length=100, blank=True, default="")
    kind_terms = models.CharField(max_length=200, blank=True, default="")
    # The "Example" label of a result (portal.examples), kept here so that a results page reads
    # its pages' addresses only, not every result's specific row.
    is_example = models.BooleanField(default=False)
    vector = SearchVectorField(null=True)

    objects = PageSearchEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "language"], name="portal_search_one_entry_per_language"
            )
        ]

    def __str__(self):
        return f"{self.language}: {self.title}"


def language_choices():
    return settings.LANGUAGES


TERM_SEPARATORS = re.compile(r"[\n,，、;；]+")


class Synonym(models.Model):
    """Terms that readers of one language use for the same thing (乡镇, 街镇): a query holding
    any of them finds what each of them finds. Kept by editors as a snippet."""

    language = models.CharField(_("language"), max_length=12, choices=language_choices)
    terms = models.TextField(
        _("equivalent terms"),
        help_text=_("Two or more words or phrases, one a line (or separated by commas), that mean the same."),
    )

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["language", "terms"]

    def __str__(self):
        return " ⇄ ".join(self.term_list())

    def term_list(self):
        """The group's terms, each with its spaces tidied, lower-cased, once."""
        terms = (" ".join(term.split()).lower() for term in TERM_SEPARATORS.split(self.terms or ""))
        return list(dict.fromkeys(term for term in terms if term))

    def clean(self):
        if len(self.term_list()) < 2:
            raise ValidationError({"terms": _("Enter at least two different terms.")})
        self.terms = "\n".join(self.term_list())


class SearchLogQuerySet(models.QuerySet):
    def between(self, first_day, last_day):
        return self.filter(day__gte=first_day, day__lte=last_day)


class SearchLogEntry(models.Model):
    """How often a query was searched for on one day in one language, and how many results it
    found the last time. Nothing about who searched: no address, user, session or time of day."""

    day = models.DateField(_("day"))
    language = models.CharField(_("language"), max_length=12)
    query = models.CharField(_("query"), max_length=100)
    count = models.PositiveIntegerField(_("searches"), default=1)
    result_count = models.PositiveIntegerField(_("results"), default=0)

    objects = SearchLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("search log entry")
        verbose_name_plural = _("search log")
        constraints = [
            models.UniqueConstraint(fields=["day", "language", "query"], name="portal_search_one_query_a_day")
        ]

    def __str__(self):
        return f"{self.day} {self.language}: {self.query}"
