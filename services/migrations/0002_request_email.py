from django.db import migrations, models


def fill_emails(apps, schema_editor):
    """Earlier requests get the address of their form's first e-mail field, lower-cased."""
    ServiceRequest = apps.get_model("services", "ServiceRequest")
    ServiceFormField = apps.get_model("services", "ServiceFormField")
    email_keys = {}
    for field in ServiceFormField.objects.filter(field_type="email").order_by("sort_order"):
        email_keys.setdefault(field.page_id, field.clean_name)
    for request in ServiceRequest.objects.filter(page_id__in=email_keys):
        value = request.form_data.get(email_keys[request.page_id])
        if isinstance(value, str) and value.strip():
            request.email = value.strip().lower()
            request.save(update_fields=["email"])


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0001_services_from_home"),
    ]

    operations = [
        migrations.AddField(
            model_name="servicerequest",
            name="email",
            field=models.EmailField(blank=True, db_index=True, max_length=254, verbose_name="e-mail"),
        ),
        migrations.RunPython(fill_emails, migrations.RunPython.noop),
    ]
