"""The vocabularies CNS sorts its content by: who a page is for and what a guide is about."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Audience(models.TextChoices):
    RESIDENTS = "residents", _("Residents")
    WORK = "work", _("Employees and employers")
    VISITORS = "visitors", _("Visitors")


# What each audience entrance of the CNS home page promises.
AUDIENCE_DESCRIPTIONS = {
    Audience.RESIDENTS: _("Settling in and living in the city: registration, housing, schools and daily life."),
    Audience.WORK: _("Working in the city or hiring from abroad: work permits, residence and business services."),
    Audience.VISITORS: _("A short stay: entry, getting around, paying and what to see and do."),
}

# A guide may speak to everyone; filtering by an audience includes such guides.
EVERYONE = "everyone"
GUIDE_AUDIENCE_CHOICES = [(EVERYONE, _("Everyone"))] + list(Audience.choices)


class GuideCategory(models.TextChoices):
    VISAS = "visas", _("Visas and residence")
    WORK_PERMITS = "work-permits", _("Work permits")
    ACCOMMODATION = "accommodation", _("Accommodation registration")
    HEALTH = "health", _("Health and entry checks")
    CUSTOMS = "customs", _("Arriving and customs")
    HOUSING = "housing", _("Housing")
    EDUCATION = "education", _("Education")
    TRANSPORT = "transport", _("Transport")
    DAILY_LIFE = "daily-life", _("Payments and daily life")


class EventKind(models.TextChoices):
    CULTURAL = "cultural", _("Cultural event")
    FAMILY = "family", _("Family activity")
    BUSINESS_FORUM = "business-forum", _("Business forum")
    SEMINAR = "seminar", _("Seminar")
    ROUNDTABLE = "roundtable", _("Roundtable")


class PlatformGroup(models.TextChoices):
    """What an entry of the services page is; the values sort in the order the page lists them."""

    PLATFORM = "platform", _("Government affairs platforms named by CNS")
    SERVICE = "service", _("Services through these platforms")
    STANDBY = "standby", _("Commercial services on standby")


class TownshipKind(models.TextChoices):
    SUBDISTRICT = "subdistrict", _("Subdistrict")
    TOWN = "town", _("Town")
