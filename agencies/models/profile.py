"""An agency's profile page and the entries editors add to it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from portal.blocks import ContentStreamBlock
from portal.changes import ChangeHistory
from portal.contact import ContactDetails, contact_panels
from portal.preview import LanguagePreviewMixin
from portal.statements import children, prefetch_children
from portal.withdrawal import LanguageQuerySet

from .. import alphabet, hours


class BodyKind(models.TextChoices):
    """The kinds of body in the municipal administration, as the establishing documents name them."""

    DEPARTMENT = "department", _("Department of the municipal government")
    DIRECT = "direct", _("Institution directly under the municipal government")
    SPECIAL = "special", _("Special institution directly under the municipal government")
    ADMINISTERED = "administered", _("Body administered by a municipal department")
    COORDINATION = "coordination", _("Office of a coordinating body")
    PUBLIC_INSTITUTION = "public_institution", _("Public institution directly under the municipal government")
    DISTRICT = "district", _("District government")
    OTHER = "other", _("Other public body")


def _in_language(field, term, language):
    """Rows whose `field` contains `term` as the visitor reads it: their language, else the fallback."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    own = build_localized_fieldname(field, language.replace("-", "_"))
    condition = Q(**{f"{own}__icontains": term})
    if language != default:
        fallback = build_localized_fieldname(field, default)
        missing = Q(**{own: ""}) | Q(**{f"{own}__isnull": True})
        condition |= missing & Q(**{f"{fallback}__icontains": term})
    return condition


class AgencyPageQuerySet(LanguageQuerySet):
    MAX_TERMS = 8  # words of a search that count; the rest would only slow the query down

    def of_kind(self, kind):
        return self.filter(kind=kind) if kind else self

    def matching(self, query, language=None):
        """Agencies whose names or responsibilities contain every word of `query`, in `language`."""
        language = language or get_language()
        matches = self
        for term in query.split()[: self.MAX_TERMS]:
            responsibilities = AgencyResponsibility.objects.filter(_in_language("text", term, language))
            other_names = AgencyOtherName.objects.filter(_in_language("name", term, language))
            matches = matches.filter(
                _in_language("title", term, language)
                | _in_language("short_name", term, language)
                | Exists(responsibilities.filter(page=OuterRef("pk")))
                | Exists(other_names.filter(page=OuterRef("pk")))
            )
        return matches


class AgencyNames:
    """How an agency is named and filed in each language.

    Shared by the profile page and the directory's light entries (`directory.DirectoryEntry`);
    needs `sort_name`, `chinese_sort_name`, `title` (in the active language, falling back to the
    default one) and `title_<language>` for every language.
    """

    def localized(self, field, language):
        """The value of a translated field in `language` exactly, without fallback."""
        return getattr(self, build_localized_fieldname(field, language.replace("-", "_")), "") or ""

    def filing_name(self, language=None):
        """The name the directory files the agency under in `language`.

        English: the sort name, else the English name. Chinese: the Chinese sort name, else the
        Chinese name (filed by pinyin). Another language: its own name. English as the last resort.
        """
        language = language or get_language()
        default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        if language == default:
            candidates = [self.sort_name]
        elif alphabet.uses_pinyin(language):
            candidates = [self.chinese_sort_name, self.localized("title", language)]
        else:
            candidates = [self.localized("title", language)]
        candidates += [self.sort_name, self.localized("title", default), self.title]
        return next(name for name in candidates + [""] if name)

    def filing_key(self, language=None):
        language = language or get_language()
        return alphabet.filing_key(self.filing_name(language), language)

    def names_in_other_languages(self, language=None):
        """[(language code, official name)] for each other language with its own name."""
        language = language or get_language()
        shown = self.title
        names = []
        for code, _name in settings.LANGUAGES:
            name = self.localized("title", code)
            if code != language and name and name != shown:
                names.append((code, name))
        return names


class AgencyPage(LanguagePreviewMixin, AgencyNames, ContactDetails, ChangeHistory, Page):
    """One municipal agency: its names, legal basis, responsibilities and how to reach it."""

    short_name = models.CharField(_("short name"), max_length=120, blank=True)
    sort_name = models.CharField(
        _("sort name"),
        max_length=255,
        blank=True,
        help_text=_(
            "The English name the A-Z directory files this agency under, such as “Economy and "
            "Informatization, Commission of”. Leave empty to use the English official name."
        ),
    )
    chinese_sort_name = models.CharField(
        _("Chinese sort name"),
        max_length=255,
        blank=True,
        help_text=_(
            "The Chinese name the directory files this agency under by its pinyin, such as “合作交流办公室” "
            "without the city's name in front; or its pinyin, such as “changning qu”, where the directory "
            "reads a character wrong. Leave empty to use the Chinese official name."
        ),
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences on what the agency does, shown in the directory.")
    )
    kind = models.CharField(_("kind of body"), max_length=32, choices=BodyKind.choices, default=BodyKind.DEPARTMENT)
    parent_authority = models.ForeignKey(
        "agencies.AgencyPage",
        verbose_name=_("parent authority"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The agency this one answers to, when it has a profile here."),
    )
    parent_authority_name = models.CharField(
        _("parent authority (name)"),
        max_length=255,
        blank=True,
        help_text=_("The authority this agency answers to, when it has no profile here."),
    )
    established = models.DateField(
        _("established"), null=True, blank=True, help_text=_("Only the month and year are shown.")
    )
    establishing_document = models.CharField(
        _("establishing document"),
        max_length=400,
        blank=True,
        help_text=_("The title of the document that set the agency up."),
    )
    establishing_document_number = models.CharField(
        _("document number"),
        max_length=80,
        blank=True,
        help_text=_("Its official reference, such as “TZ [2014] No. 20”."),
    )

    body = StreamField(
        ContentStreamBlock(),
        verbose_name=_("more about the agency"),
        blank=True,
        help_text=_("Optional: history, the director's address, services, links."),
    )

    objects = PageManager.from_queryset(AgencyPageQuerySet)()

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("short_name"),
                FieldPanel("sort_name"),
                FieldPanel("chinese_sort_name"),
                InlinePanel("other_names", heading=_("Other names and signboards"), label=_("Other name")),
                FieldPanel("summary"),
            ],
            heading=_("Names"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                PageChooserPanel("parent_authority", "agencies.AgencyPage"),
                FieldPanel("parent_authority_name"),
                FieldPanel("established"),
                FieldPanel("establishing_document"),
                FieldPanel("establishing_document_number"),
            ],
            heading=_("Status and legal basis"),
        ),
        InlinePanel(
            "responsibilities",
            heading=_("Main responsibilities"),
            label=_("Responsibility"),
            help_text=_("Drag the entries to change their order; they are numbered as shown."),
        ),
        MultiFieldPanel(
            [
                *contact_panels("address", "telephone", "website", "email"),
                InlinePanel(
                    "office_hours",
                    heading=_("Office hours"),
                    label=_("Opening period"),
                    help_text=_("One row per opening period; add a second row with the same days for the afternoon."),
                ),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("body"),
        *ChangeHistory.panels,
    ]

    search_fields = Page.search_fields + [
        index.SearchField("short_name"),
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.RelatedFields("other_names", [index.SearchField("name")]),
        index.RelatedFields("responsibilities", [index.SearchField("text")]),
    ]

    parent_page_types = ["agencies.AgencyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("agency profile")
        verbose_name_plural = _("agency profiles")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read once for the page and the note on what is not translated (portal.i18n), which reuses them.
        prefetch_children(self, "other_names")
        prefetch_children(self, "responsibilities")
        context["other_names"] = self.other_names_list
        context["responsibilities"] = children(self, "responsibilities")
        context["office_hours"] = self.office_hours_lines()
        return context

    # The page's template and its JSON-LD both show these: read once per page.
    @cached_property
    def other_names_list(self):
        return list(self.other_names.all())

    @cached_property
    def office_hours_periods(self):
        return children(self, "office_hours")

    def office_hours_lines(self):
        return hours.describe_html(self.office_hours_periods)

    @property
    def parent_authority_display(self):
        """(name, url or None) of the authority the agency answers to, or None."""
        parent = self.parent_authority
        if parent is not None and parent.live:
            return parent.title, parent.url
        if self.parent_authority_name:
            return self.parent_authority_name, None
        return None

    def structured_data(self, request=None):
        """schema.org GovernmentOrganization for the page's JSON-LD, in the active language."""
        alternate = [self.short_name] if self.short_name else []
        alternate += [other.name for other in self.other_names_list]
        alternate += [name for _code, name in self.names_in_other_languages()]
        data = {
            "@context": "https://schema.org",
            "@type": "GovernmentOrganization",
            "name": self.title,
            "url": self.get_full_url(request),
        }
        if alternate:
            data["alternateName"] = list(dict.fromkeys(alternate))
        if self.address:
            data["address"] = {"@type": "PostalAddress", "streetAddress": self.address}
        if self.telephone:
            data["telephone"] = self.telephone
        if self.email:
            data["email"] = self.email
        if self.website:
            data["sameAs"] = self.website
        if self.established:
            data["foundingDate"] = self.established.strftime("%Y-%m")
        parent = self.parent_authority_display
        if parent:
            data["parentOrganization"] = {"@type": "GovernmentOrganization", "name": parent[0]}
        periods = self.office_hours_periods
        if periods and self.telephone:
            data["contactPoint"] = {
                "@type": "ContactPoint",
                "telephone": self.telephone,
                "hoursAvailable": [period.structured_data() for period in periods],
            }
        return data


class AgencyOtherName(Orderable):
    """A name the agency also operates under, or a signboard it hangs."""

    class Relation(models.TextChoices):
        OPERATES_AS = "operates_as", _("Also operates as")
        SIGNBOARD = "signboard", _("Also hangs the signboard of")
        TEMPORARY_SIGNBOARD = "temporary_signboard", _("Temporarily also operates as")
        FORMER = "former", _("Formerly")

    page = ParentalKey(AgencyPage, on_delete=models.CASCADE, related_name="other_names")
    relation = models.CharField(_("relation"), max_length=32, choices=Relation.choices, default=Relation.OPERATES_AS)
    name = models.CharField(_("name"), max_length=255)

    panels = [FieldPanel("relation"), FieldPanel("name")]

    class Meta(Orderable.Meta):
        verbose_name = _("other name")
        verbose_name_plural = _("other names")

    def __str__(self):
        return self.name


class AgencyResponsibility(Orderable):
    """One of the agency's main responsibilities; the page numbers them in editor order."""

    page = ParentalKey(AgencyPage, on_delete=models.CASCADE, related_name="responsibilities")
    text = models.TextField(_("responsibility"))

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibilities")

    def __str__(self):
        return self.text[:80]


class AgencyOfficeHours(Orderable):
    """One opening period: a day or a run of days, and one time range on them."""

    page = ParentalKey(AgencyPage, on_delete=models.CASCADE, related_name="office_hours")
    first_day = models.PositiveSmallIntegerField(
        _("first day"), choices=hours.Weekday.choices, default=hours.Weekday.MONDAY
    )
    last_day = models.PositiveSmallIntegerField(
        _("last day"),
        choices=hours.Weekday.choices,
        null=True,
        blank=True,
        help_text=_("Leave empty for a single day."),
    )
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    panels = [
        FieldRowPanel([FieldPanel("first_day"), FieldPanel("last_day")]),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("opening period")
        verbose_name_plural = _("office hours")

    def __str__(self):
        return " ".join(hours.describe([self]))

    def clean(self):
        errors = {}
        if self.last_day and self.last_day < self.first_day:
            errors["last_day"] = _("The last day must come after the first day (Monday to Sunday).")
        if self.opens and self.closes and self.closes <= self.opens:
            errors["closes"] = _("The closing time must be later than the opening time.")
        if errors:
            raise ValidationError(errors)

    def structured_data(self):
        last = self.last_day or self.first_day
        return {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [hours.SCHEMA_DAYS[day] for day in range(self.first_day, last + 1)],
            "opens": self.opens.strftime("%H:%M"),
            "closes": self.closes.strftime("%H:%M"),
        }
