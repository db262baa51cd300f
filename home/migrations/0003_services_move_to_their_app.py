"""The service pages, their form fields and requests now belong to the services app.

Only the migration state changes here: the tables stay, and services.0001 takes
them over together with their content types.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0002_moderated_snippets'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='serviceindexpage',
                    name='image',
                ),
                migrations.RemoveField(
                    model_name='serviceindexpage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='servicepage',
                    name='image',
                ),
                migrations.RemoveField(
                    model_name='servicepage',
                    name='page_ptr',
                ),
                migrations.RemoveField(
                    model_name='servicepage',
                    name='privacy_page',
                ),
                migrations.RemoveField(
                    model_name='servicerequest',
                    name='page',
                ),
                migrations.DeleteModel(
                    name='ServiceFormField',
                ),
                migrations.DeleteModel(
                    name='ServiceIndexPage',
                ),
                migrations.DeleteModel(
                    name='ServicePage',
                ),
                migrations.DeleteModel(
                    name='ServiceRequest',
                ),
            ],
        ),
    ]
