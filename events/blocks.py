"""The programme of an event: days, and sessions with times and speakers."""

import datetime

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from home.admin_dates import DateBlock, TimeBlock
from home.blocks import PreviewedStreamBlock, context_locale
from home.localization import localized_objects
from home.models import Person


def session_speakers(sessions, parent_context):
    """Each session's speakers in the page's language, in one query; roles only where translated.

    Without a page (the admin's block preview) the active language is used.
    """
    locale = context_locale(parent_context)
    people = [person for session in sessions for person in session["speakers"] if person]
    if not people:
        return [[] for session in sessions]
    localized = localized_objects(people, locale, fallback=True)
    by_key = {person.translation_key: person for person in localized}
    return [
        [
            {
                "name": by_key[person.translation_key].name,
                "role": by_key[person.translation_key].role
                if by_key[person.translation_key].locale_id == locale.id
                else "",
            }
            for person in session["speakers"]
            if person
        ]
        for session in sessions
    ]


class SessionBlock(blocks.StructBlock):
    start = TimeBlock(required=False, label=_("starts at"))
    end = TimeBlock(required=False, label=_("ends at"))
    title = blocks.CharBlock(label=_("title"))
    description = blocks.TextBlock(required=False, label=_("description"))
    speakers = blocks.ListBlock(SnippetChooserBlock("home.Person"), default=[], label=_("speakers"))

    class Meta:
        icon = "time"
        label = _("Session")
        template = "events/blocks/session_block.html"
        preview_template = "events/blocks/session_block_preview.html"
        description = _("A talk or another part of the day, with its times and speakers.")

    def get_preview_value(self):
        """A session led by the first person of the snippets, when there is one."""
        person = Person.objects.filter(live=True).order_by("pk").first()
        return self.normalize(
            {
                "start": datetime.time(9, 30),
                "end": datetime.time(10, 15),
                "title": "Apertura dei lavori",
                "description": "Il programma della giornata e i suoi obiettivi.",
                "speakers": [person] if person else [],
            }
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["session"] = value
        context["speakers"] = session_speakers([value], parent_context)[0]
        return context


class ProgrammeDayBlock(blocks.StructBlock):
    date = DateBlock(label=_("day"))
    title = blocks.CharBlock(required=False, label=_("title of the day"))
    sessions = blocks.ListBlock(SessionBlock(), label=_("sessions"))

    def get_context(self, value, parent_context=None):
        """Speakers in the page's language, one query for the day."""
        context = super().get_context(value, parent_context=parent_context)
        sessions = list(value["sessions"])
        context["sessions"] = list(
            zip(sessions, session_speakers(sessions, parent_context), strict=True)
        )
        return context

    def get_preview_value(self):
        """One day with one session, as SessionBlock previews it."""
        return self.normalize(
            {
                "date": datetime.date(2018, 10, 10),
                "title": "Prima giornata",
                "sessions": [self.child_blocks["sessions"].child_block.get_preview_value()],
            }
        )

    class Meta:
        icon = "date"
        label = _("Day")
        template = "events/blocks/programme_day_block.html"
        description = _("One day of the programme, with its sessions.")


class ProgrammeBlock(PreviewedStreamBlock):
    day = ProgrammeDayBlock()

    class Meta:
        icon = "list-ul"
        label = _("Programme")
        template = "events/blocks/programme_block.html"
        preview_children = ["day"]
