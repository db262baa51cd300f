"""Month names as a long date needs them: "9 luglio 2018", "9 July 2018".

Django's Italian catalogue capitalises the months ("Luglio"); Italian writes
them in lower case inside a date. These entries carry the site's own Italian
for the "E" date format, and `long_date` in site_tags uses it.
"""

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
