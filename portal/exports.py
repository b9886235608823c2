"""Spreadsheet exports of what visitors typed, as staff read them.

Wagtail's exports write raw values: `approved`, `zh-hans`, `True`, times in UTC with microseconds,
and a CSV without a byte-order mark, which Excel reads as ANSI (Chinese turns to mojibake).
`ReadableExportMixin` writes instead what the admin shows: choice labels, "Yes"/"No", times in
Beijing time to the minute (the zone named in the column's heading), in the exporting user's
language, and a CSV that starts with a UTF-8 BOM.
"""

import datetime

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import translation
from django.utils.translation import gettext as _

from .localtime import MINUTE_FORMAT, site_time

BOM = "\ufeff"
XLSX_TIME_FORMAT = "yyyy-mm-dd hh:mm"


class SpreadsheetSafeExportMixin:
    """For admin index views: a cell a visitor filled in never runs as a formula in a spreadsheet."""

    formula_prefixes = ("=", "+", "-", "@", "\t", "\r")

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if isinstance(value, str) and value.startswith(self.formula_prefixes):
            return "'" + value
        return value


def model_field(model, path):
    """The model field a dotted export path ("registration.status") ends on, or None."""
    *relations, name = path.split(".")
    try:
        for relation in relations:
            model = model._meta.get_field(relation).related_model
        return model._meta.get_field(name)
    except (FieldDoesNotExist, AttributeError):
        return None


def readable_value(item, path):
    """The value at `path` as the admin shows it: a choice's label, Yes/No, a related object's name."""
    *relations, name = path.split(".")
    for relation in relations:
        item = getattr(item, relation, None)
        if item is None:
            return ""
    field = model_field(type(item), name)
    value = getattr(item, name)
    if field is not None and field.choices:
        return getattr(item, f"get_{name}_display")()
    if isinstance(field, models.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(value, models.Manager):
        return "; ".join(str(related) for related in value.all())
    if callable(value):
        value = value()
    return "" if value is None else value


class ReadableExportMixin(SpreadsheetSafeExportMixin):
    """For admin index views: exports with labels, Beijing times and a BOM (see the module).

    A view may export a column that is no field by defining ``export_<name>(item)``
    (the registrations' interview requests, the feedback's notes).
    """

    custom_value_preprocess = {
        datetime.datetime: {
            "csv": lambda value: site_time(value).strftime(MINUTE_FORMAT),
            "xlsx": lambda value: site_time(value).replace(tzinfo=None),
        },
        datetime.date: {"csv": lambda value: value.isoformat(), "xlsx": None},
        list: {"csv": "; ".join, "xlsx": "; ".join},
    }

    def to_row_dict(self, item):
        return {field: self.export_value(item, field) for field in self.list_export}

    def export_value(self, item, field):
        own = getattr(self, f"export_{field.replace('.', '__')}", None)
        return own(item) if own is not None else readable_value(item, field)

    def get_heading(self, queryset, field):
        heading = super().get_heading(queryset, field)
        if isinstance(model_field(queryset.model, field), models.DateTimeField):
            return _("%(time)s (Beijing time)") % {"time": heading}
        return heading

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        # Wagtail's format follows the locale's DATETIME_FORMAT (with a.m./p.m.); staff sort by this one.
        return super().generate_xlsx_row(worksheet, row_dict, date_format=XLSX_TIME_FORMAT)

    def stream_csv(self, queryset):
        # The rows are written while the response streams, after the view (and the admin's
        # switch to the user's language) has returned: the language is read now, in the view,
        # and each row is written in it.
        return _in_language(translation.get_language(), super().stream_csv(queryset))


def _in_language(language, rows):
    yield BOM
    while True:
        with translation.override(language):
            row = next(rows, None)
        if row is None:
            return
        yield row
