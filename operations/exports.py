"""Spreadsheet exports that a spreadsheet cannot run: cells that would start a formula are quoted.

A visitor can type `=HYPERLINK(…)` or `@SUM(…)` into a public form; opened from a
CSV or XLSX export, such a cell would run as a formula on a manager's computer.
Text starting with = + - @, a tab or a carriage return is prefixed with an
apostrophe, which spreadsheets show as plain text.
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """`value`, with an apostrophe in front when it is text a spreadsheet would run."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


class SafeSpreadsheetExportMixin(SpreadsheetExportMixin):
    """Wagtail's CSV and XLSX export, every text cell neutralised."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))
