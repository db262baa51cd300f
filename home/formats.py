"""Month names as a long date needs them: "9 luglio 2018", "9 July 2018".

Django's Italian catalogue capitalises the months ("Luglio"); Italian writes
them in lower case inside a date. These entries carry the site's own Italian
for the "E" date format, and `long_date` in site_tags uses it.
"""

from django.utils import dateformat
from django.utils.translation import pgettext_lazy

MONTHS_IN_DATES = [
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]

LONG_DATE_FORMAT = "j E Y"

TIME_FORMAT = "G:i"


def _long(day):
    return dateformat.format(day, LONG_DATE_FORMAT)


def _day_month(day):
    return dateformat.format(day, "j E")


def date_range(start_date, end_date=None, start_time=None, end_time=None):
    """A date span as people write it, in the active language.

    "10–12 ottobre 2018", "30 settembre – 2 ottobre 2018", "10 ottobre 2018, 9:30–13:00",
    "10 ottobre 2018, 9:30 – 12 ottobre 2018, 13:00".
    """
    end_date = end_date or start_date
    if start_time:
        start = f"{_long(start_date)}, {dateformat.time_format(start_time, TIME_FORMAT)}"
        if not end_time:
            return start
        end_clock = dateformat.time_format(end_time, TIME_FORMAT)
        if end_date == start_date:
            return f"{start}–{end_clock}"
        return f"{start} – {_long(end_date)}, {end_clock}"
    if end_date == start_date:
        return _long(start_date)
    if (start_date.year, start_date.month) == (end_date.year, end_date.month):
        return f"{start_date.day}–{_long(end_date)}"
    if start_date.year == end_date.year:
        return f"{_day_month(start_date)} – {_long(end_date)}"
    return f"{_long(start_date)} – {_long(end_date)}"
