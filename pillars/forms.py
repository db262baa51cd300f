"""Choosing a page's pillars from the short list of pillars, not through the page chooser."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Locale

from pillars.models import PillarPage


class PillarChoiceForm(WagtailAdminPageForm):
    """The page form of news items and events: their pillars are ticked, stored as pillar links.

    Pillar links are synchronised from the Italian source, so the choices are
    the pillars of the source language whichever page is edited.
    """

    pillars = forms.ModelMultipleChoiceField(
        queryset=PillarPage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Pillars"),
        help_text=_("The areas of work this page belongs to; its pillar pages will list it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["pillars"]
        field.queryset = PillarPage.objects.filter(locale=Locale.get_default()).order_by("path")
        field.initial = [link.pillar_id for link in self.instance.pillar_links.all()]

    def save(self, commit=True):
        link_model = self.instance.pillar_links.model
        self.instance.pillar_links = [
            link_model(pillar=pillar, sort_order=order)
            for order, pillar in enumerate(self.cleaned_data["pillars"])
        ]
        return super().save(commit=commit)
