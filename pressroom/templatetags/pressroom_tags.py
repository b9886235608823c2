from datetime import datetime

from django import template
from django.utils import timezone

from pressroom.models.pages import display_time_zone

register = template.Library()


@register.filter
def display_time(value):
    """An aware datetime in the pressroom's display time zone (Beijing time), not converted again."""
    if not value:
        return value
    local = timezone.localtime(value, display_time_zone())
    result = _FixedDatetime(
        local.year, local.month, local.day, local.hour, local.minute, local.second, local.microsecond, local.tzinfo
    )
    result.convert_to_local_time = False
    return result


class _FixedDatetime(datetime):
    """A datetime the template engine leaves in its own zone (what Django's |timezone filter does)."""


@register.simple_tag
def field_widget(field):
    """The widget, pointing screen readers at its help text and its errors."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    if field.errors:
        described_by.append(f"{field.auto_id}_errors")
    attrs = {}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)
