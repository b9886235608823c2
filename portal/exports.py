"""Spreadsheet exports of what visitors typed."""


class SpreadsheetSafeExportMixin:
    """For admin index views: a cell a visitor filled in never runs as a formula in a spreadsheet."""

    formula_prefixes = ("=", "+", "-", "@", "\t", "\r")

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if isinstance(value, str) and value.startswith(self.formula_prefixes):
            return "'" + value
        return value
