"""Dates and times in the admin as the staff write them: gg/mm/aaaa and hh:mm.

Wagtail's date picker replaces what it cannot read with today's date when the
field loses focus; these widgets leave the text as typed, so that the form
refuses it with a message on the field instead. The formats are fixed rather
than taken from the admin language: an English-speaking editor of this site
also writes 15/01/2025, and 01/02/2025 must never be read as 2 January.
"""

from django import forms
from django.db import models
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput, AdminTimeInput

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S"]
DATETIME_INPUT_FORMATS = [
    f"{day} {time}" for day in DATE_INPUT_FORMATS for time in TIME_INPUT_FORMATS
]


class KeepTypedTextMixin:
    """The picker keeps what the user typed, readable or not."""

    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}


class DateInput(KeepTypedTextMixin, AdminDateInput):
    pass


class TimeInput(KeepTypedTextMixin, AdminTimeInput):
    pass


class DateTimeInput(KeepTypedTextMixin, AdminDateTimeInput):
    pass


class DateBlock(blocks.DateBlock):
    """A day in a StreamField, typed gg/mm/aaaa."""

    @cached_property
    def field(self):
        options = {"input_formats": DATE_INPUT_FORMATS, **self.field_options}
        return forms.DateField(widget=DateInput(format=self.format), **options)


class TimeBlock(blocks.TimeBlock):
    """A time in a StreamField, typed hh:mm."""

    @cached_property
    def field(self):
        options = {"input_formats": TIME_INPUT_FORMATS, **self.field_options}
        return forms.TimeField(widget=TimeInput(format=self.format), **options)


def register_admin_date_fields():
    """Every date, time and date-time field of the admin's model forms uses the widgets above."""
    for db_field, widget, input_formats in (
        (models.DateField, DateInput, DATE_INPUT_FORMATS),
        (models.TimeField, TimeInput, TIME_INPUT_FORMATS),
        (models.DateTimeField, DateTimeInput, DATETIME_INPUT_FORMATS),
    ):
        register_form_field_override(
            db_field, override={"widget": widget, "input_formats": input_formats}
        )
