"""How people reach a place: its address, telephone, email and website, with their admin panels and links.

Telephone numbers are stored in international form (+862123111111), so that a `tel:` link works
from abroad, and shown as people in Shanghai write them (021-2311 1111); short service numbers
(12345) stay as they are, as they are only dialled within China.
"""

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType, shortnumberinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

CONTACT_FIELDS = ("address", "telephone", "email", "website")
REGION = "CN"
LOCAL_AREA_CODE = "021"  # an eight-digit number without an area code is a Shanghai one


def _parsed(text):
    """The number `text` is, or None for a short service number or no number at all."""
    digits = "".join(ch for ch in text if ch.isdigit())
    local = len(digits) == 8 and not text.lstrip().startswith(("+", "0"))
    for candidate in (text, LOCAL_AREA_CODE + digits) if local else (text,):
        try:
            number = phonenumbers.parse(candidate, REGION)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return number
    return None


def _short_number(text):
    digits = "".join(ch for ch in text if ch.isdigit())
    try:
        number = phonenumbers.parse(digits, REGION)
    except phonenumbers.NumberParseException:
        return ""
    return digits if shortnumberinfo.is_valid_short_number_for_region(number, REGION) else ""


def normalized_telephone(text):
    """`text` as stored: international form, or a short service number; ValidationError otherwise."""
    text = text.strip()
    if not text:
        return ""
    number = _parsed(text)
    if number is not None:
        return phonenumbers.format_number(number, PhoneNumberFormat.E164)
    short = _short_number(text)
    if short:
        return short
    raise ValidationError(
        _("Enter a telephone number such as 021-2311 1111, +86 21 2311 1111 or 12345."), code="telephone"
    )


def telephone_display(stored):
    """How a reader sees a stored number: 021-2311 1111, 139 1234 5678, +65 6000 0000, 12345."""
    number = _parsed(stored) if stored else None
    if number is None:
        return stored
    if number.country_code != phonenumbers.country_code_for_region(REGION):
        return phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    if phonenumbers.number_type(number) == PhoneNumberType.FIXED_LINE:
        return national.replace(" ", "-", 1)  # the area code, then the number
    return national


def tel_uri(stored):
    """The `tel:` link of a stored number: +86... from anywhere, a short number within China."""
    number = _parsed(stored) if stored else None
    if number is None:
        return "tel:" + "".join(ch for ch in stored if ch.isdigit() or ch == "+")
    return "tel:" + phonenumbers.format_number(number, PhoneNumberFormat.E164)


class TelephoneMixin:
    """A model with a `telephone` field: stored normalised when its form is saved, shown and linked."""

    def clean(self):
        super().clean()
        try:
            self.telephone = normalized_telephone(self.telephone or "")
        except ValidationError as error:
            raise ValidationError({"telephone": error.messages}) from error

    @property
    def telephone_display(self):
        return telephone_display(self.telephone)

    @property
    def telephone_uri(self):
        return tel_uri(self.telephone)


def contact_panels(*fields):
    """Admin panels of the contact fields named (all of them by default), in their usual order."""
    return [FieldPanel(name) for name in fields or CONTACT_FIELDS]


class ContactDetails(TelephoneMixin, models.Model):
    """The contact fields; a model without one of them sets it to None (Django drops it)."""

    address = models.CharField(_("address"), max_length=300, blank=True)
    telephone = models.CharField(_("telephone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        abstract = True

    @property
    def has_contact(self):
        return any(getattr(self, name) for name in CONTACT_FIELDS)  # a dropped field reads None
