"""Data of every kind that points at the service models, made with the previous main's code.

Run with `manage.py shell --no-imports -c` in a tree where the service models
still live in the home app, after the demo site is built. The last line it
prints is JSON: what it made, and what the check script should find again.
"""

import json

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import TranslationSource

from home.models import ServiceIndexPage, ServicePage, ServiceRequest

admin = get_user_model().objects.get(username="admin")
page = ServicePage.objects.get(
    locale=Locale.objects.get(language_code="it"), slug="sportello-europa"
)
form_data = {field.clean_name: f"Valore di {field.label}" for field in page.form_fields.all()}
request = ServiceRequest.objects.create(
    page=page,
    form_data=form_data,
    language="it",
    consent_given_at=timezone.now(),
    consent_text="Ho letto l'informativa sulla privacy.",
)

page.title = "Sportello Europa – bozza da approvare"
revision = page.save_revision(user=admin)
workflow_state = page.get_workflow().start(page, admin)

group = Group.objects.create(name="Lettori delle richieste di servizio")
group.permissions.set(
    Permission.objects.filter(
        content_type__app_label="home",
        codename__in=["view_servicerequest", "change_servicepage"],
    )
)

service_pages = dict(
    Page.objects.type(ServiceIndexPage, ServicePage).values_list("pk", "content_type__model")
)
revisions = Revision.objects.filter(
    base_content_type=page.get_base_content_type(),
    object_id__in=[str(pk) for pk in service_pages],
)
translation_sources = TranslationSource.objects.filter(
    specific_content_type__app_label="home",
    specific_content_type__model__in=["serviceindexpage", "servicepage"],
)
print(
    json.dumps(
        {
            "page": page.pk,
            "draft_title": page.title,
            "revision": revision.pk,
            "workflow_state": workflow_state.pk,
            "request": request.pk,
            "form_data": form_data,
            "group": group.pk,
            "group_permissions": sorted(
                f"{app_label}.{codename}"
                for app_label, codename in group.permissions.values_list(
                    "content_type__app_label", "codename"
                )
            ),
            "service_pages": service_pages,
            "revisions": {revision.pk: revision.content_type.model for revision in revisions},
            "translation_sources": {
                source.pk: [source.specific_content_type.model, source.get_source_instance().pk]
                for source in translation_sources
            },
        }
    )
)
