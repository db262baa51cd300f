"""What became of the data seed_services_in_home.py made, in whichever tree runs it.

Run with `manage.py shell --no-imports -c`, with the seed's JSON in SEEDED and
the app that should own the service models in SERVICES_APP; the models are
looked up by name so that the same script reads the previous main's tree (home)
and the current one (services). The last line it prints is JSON.
"""

import json
import os

from django.apps import apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from wagtail.models import Page, Revision, WorkflowState
from wagtail_localize.models import TranslationSource

SERVICE_MODELS = ["serviceindexpage", "servicepage", "servicerequest", "serviceformfield"]


def model_and_pk(instance):
    return [instance._meta.label_lower, instance.pk]


seeded = json.loads(os.environ["SEEDED"])
service_page_model = apps.get_model(os.environ["SERVICES_APP"], "ServicePage")
page = service_page_model.objects.get(pk=seeded["page"])
english_page = page.get_translations().get(locale__language_code="en").specific
workflow_state = WorkflowState.objects.get(pk=seeded["workflow_state"])

# PostgreSQL checks deferred foreign keys only inside a transaction; SQLite
# runs its foreign_key_check, which would catch a reference to a renamed table.
with transaction.atomic():
    connection.check_constraints()

print(
    json.dumps(
        {
            "service_pages": {
                service_page.pk: service_page.specific._meta.label_lower
                for service_page in Page.objects.filter(pk__in=seeded["service_pages"])
            },
            "revisions": {
                revision.pk: revision.as_object()._meta.label_lower
                for revision in Revision.objects.filter(pk__in=seeded["revisions"])
            },
            "draft_title": Revision.objects.get(pk=seeded["revision"]).as_object().title,
            "latest_revision": page.latest_revision_id,
            "translation_sources": {
                source.pk: {
                    "source": model_and_pk(source.get_source_instance()),
                    "as_instance": model_and_pk(source.as_instance()),
                }
                for source in TranslationSource.objects.filter(pk__in=seeded["translation_sources"])
            },
            "workflow": {
                "object": model_and_pk(workflow_state.content_object.specific),
                "status": workflow_state.status,
                "page_in_progress": page.workflow_in_progress,
                "task_revision": workflow_state.current_task_state.revision_id,
            },
            "form_fields": sorted(page.form_fields.values_list("clean_name", flat=True)),
            "submissions": {
                submission.pk: submission.form_data for submission in page.get_submissions()
            },
            "english_submissions": list(
                english_page.get_submissions().values_list("pk", flat=True)
            ),
            "group_permissions": sorted(
                f"{app_label}.{codename}"
                for app_label, codename in Group.objects.get(
                    pk=seeded["group"]
                ).permissions.values_list("content_type__app_label", "codename")
            ),
            "content_types": sorted(
                f"{app_label}.{model}"
                for app_label, model in ContentType.objects.filter(
                    model__in=SERVICE_MODELS
                ).values_list("app_label", "model")
            ),
            "tables": sorted(
                table
                for table in connection.introspection.table_names()
                if table.startswith(("home_service", "services_"))
            ),
        }
    )
)
