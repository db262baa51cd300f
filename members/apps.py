from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self):
        from wagtail.admin.panels import InlinePanel

        from home.registry import (
            OrganisationRelation,
            cacheable_query_params,
            moderated_models,
            organisation_relations,
            search_sources,
            time_boundaries,
        )
        from members.directory import FACETS
        from members.models import GoverningBody, next_term_change
        from members.search import find_members

        # The pillars a member works in: a relation of the organisation that
        # home cannot name, edited in the organisation's form.
        organisation_relations.register(
            OrganisationRelation(
                "member_pillars",
                InlinePanel("member_pillars", heading=_("Areas of work"), label=_("pillar")),
            )
        )
        # Filtered directory pages are pages of their own in the page cache.
        for facet in FACETS:
            cacheable_query_params.register(facet.param)
        # Governing bodies go live through the managers' approval, like people.
        moderated_models.register(GoverningBody)
        # The governance page changes when a term starts or ends.
        time_boundaries.register(next_term_change)
        # The site search finds public members too (search may not import members).
        search_sources.register(find_members)
