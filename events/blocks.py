"""The programme of an event: days, and sessions with times and speakers."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from home.localization import localized_objects


class SessionBlock(blocks.StructBlock):
    start = blocks.TimeBlock(required=False, label=_("starts at"))
    end = blocks.TimeBlock(required=False, label=_("ends at"))
    title = blocks.CharBlock(label=_("title"))
    description = blocks.TextBlock(required=False, label=_("description"))
    speakers = blocks.ListBlock(SnippetChooserBlock("home.Person"), default=[], label=_("speakers"))

    class Meta:
        icon = "time"
        label = _("Session")


class ProgrammeDayBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("day"))
    title = blocks.CharBlock(required=False, label=_("title of the day"))
    sessions = blocks.ListBlock(SessionBlock(), label=_("sessions"))

    def get_context(self, value, parent_context=None):
        """Speakers in the page's language, one query for the day; roles only where translated."""
        context = super().get_context(value, parent_context=parent_context)
        page = (parent_context or {}).get("page")
        sessions = value["sessions"]
        people = [person for session in sessions for person in session["speakers"] if person]
        if page is None or not people:
            context["sessions"] = [(session, []) for session in value["sessions"]]
            return context
        localized = localized_objects(people, page.locale, fallback=True)
        by_key = {person.translation_key: person for person in localized}
        context["sessions"] = [
            (
                session,
                [
                    {
                        "name": by_key[person.translation_key].name,
                        "role": by_key[person.translation_key].role
                        if by_key[person.translation_key].locale_id == page.locale_id
                        else "",
                    }
                    for person in session["speakers"]
                    if person
                ],
            )
            for session in value["sessions"]
        ]
        return context

    class Meta:
        icon = "date"
        label = _("Day")
        template = "events/blocks/programme_day_block.html"
        description = _("One day of the programme, with its sessions.")


class ProgrammeBlock(blocks.StreamBlock):
    day = ProgrammeDayBlock()

    class Meta:
        label = _("Programme")
