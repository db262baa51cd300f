"""The admin's list of a service's requests, exported without cells a spreadsheet would run."""

from wagtail.contrib.forms.views import SubmissionsListView

from operations.exports import SafeSpreadsheetExportMixin


class RequestSubmissionsListView(SafeSpreadsheetExportMixin, SubmissionsListView):
    """Requests as Wagtail lists them; visitors' text neutralised in CSV and XLSX exports."""
