from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
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
    sees it (Chinese split into words by jieba). On PostgreSQL ``vector`` is their tsvector,
    title weighted A and body D, behind a GIN index; SQLite leaves it empty.
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
