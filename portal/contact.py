"""How people reach a place: its address, telephone, email and website, with their admin panels and links."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

CONTACT_FIELDS = ("address", "telephone", "email", "website")


def tel_uri(number):
    """The `tel:` link of a telephone number as people write it ("+86 21 2311-1111")."""
    return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")


def contact_panels(*fields):
    """Admin panels of the contact fields named (all of them by default), in their usual order."""
    return [FieldPanel(name) for name in fields or CONTACT_FIELDS]


class ContactDetails(models.Model):
    """The contact fields; a model without one of them sets it to None (Django drops it)."""

    address = models.CharField(_("address"), max_length=300, blank=True)
    telephone = models.CharField(_("telephone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        abstract = True

    @property
    def telephone_uri(self):
        return tel_uri(self.telephone)

    @property
    def has_contact(self):
        return any(getattr(self, name) for name in CONTACT_FIELDS)  # a dropped field reads None
