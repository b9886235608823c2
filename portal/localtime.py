"""Times as the Office's staff read them: in the site's zone (TIME_ZONE, Beijing time), to the
minute, with the zone named, in the admin and in its exports.

Wagtail's inspect view prints a value with `{{ value|localize }}`; the filter formats the
datetime as it comes from the database, in UTC, before the template could convert it to the
current zone. And its exports write the raw value (CSV: `2026-12-01 06:05:12.345678+00:00`;
XLSX: UTC without a zone). Staff views and exports therefore format times here, once.
"""

import datetime

from django.utils import timezone
from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from wagtail.admin.ui.tables import Column

MINUTE_FORMAT = "%Y-%m-%d %H:%M"


def site_time(value):
    """An aware datetime in the site's zone (not the admin user's profile zone), to the minute."""
    return timezone.localtime(value, timezone.get_default_timezone()).replace(second=0, microsecond=0)


def zone_name():
    """The site's zone as staff call it; TIME_ZONE is Asia/Shanghai."""
    return _("Beijing time")


def with_zone(value):
    """'2026-12-01 14:05 (Beijing time)', or '' for no time. Dates pass as they are."""
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime):
        return _("%(time)s (Beijing time)") % {"time": site_time(value).strftime(MINUTE_FORMAT)}
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


class SiteTimeInspectMixin:
    """For Wagtail's InspectView: every datetime field shown in Beijing time, zone named."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, datetime.datetime):
            return with_zone(value)
        return value


def zone_heading(label):
    """A column's heading with the zone named: 'Registered (Beijing time)' (lazy, for class bodies)."""
    return lazy(lambda: _("%(time)s (Beijing time)") % {"time": capfirst(label)}, str)()


class SiteTimeColumn(Column):
    """A listing's column of times: Beijing time to the minute, the zone named in its heading."""

    def __init__(self, name, label, **kwargs):
        kwargs.setdefault("sort_key", name)
        super().__init__(name, label=zone_heading(label), **kwargs)

    def get_value(self, instance):
        value = super().get_value(instance)
        return site_time(value).strftime(MINUTE_FORMAT) if value else ""
