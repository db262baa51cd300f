"""The service models, taken over from the home app with their tables and content types.

Their state is created over the existing tables, which are then renamed; moving
the content types' app label keeps pages' specific types, revisions, translation sources, workflow
states and group permissions pointing at the same rows.
"""

import django.core.serializers.json
import django.db.models.deletion
import modelcluster.fields
import uuid
import wagtail.contrib.forms.models
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

MODELS = ["serviceindexpage", "servicepage", "servicerequest", "serviceformfield"]


def move_content_types(from_label, to_label):
    def move(apps, schema_editor):
        content_types = apps.get_model("contenttypes", "ContentType")
        content_types.objects.filter(app_label=from_label, model__in=MODELS).update(
            app_label=to_label
        )

    return move


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('home', '0003_services_move_to_their_app'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ServiceIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('summary', models.TextField(blank=True, help_text='One or two sentences shown on cards and in search engines when the page has no search description.', max_length=300, verbose_name='summary')),
                        ('image_alt', models.CharField(blank=True, help_text="Leave empty to use the image's own description. Translators translate it with the page.", max_length=255, verbose_name='image alt text')),
                        ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('figure', 6), ('quote', 9), ('video', 12), ('document', 15), ('call_to_action', 19), ('organisations', 22)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'text', 'max_length': 120}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Section heading'), ('h3', 'Subheading')], 'label': 'level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('home.blocks.ParagraphBlock', (), {}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'caption', 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'quote'}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'attribution', 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('quote', 7), ('attribution', 8)]], {}), 10: ('wagtail.blocks.URLBlock', (), {'help_text': 'The address of a YouTube or Vimeo video.', 'label': 'video address'}), 11: ('wagtail.blocks.CharBlock', (), {'help_text': 'What the video is about; read out by screen readers.', 'label': 'title'}), 12: ('wagtail.blocks.StructBlock', [[('url', 10), ('title', 11), ('caption', 5)]], {}), 13: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'document'}), 14: ('wagtail.blocks.CharBlock', (), {'help_text': 'What visitors read, e.g. “The 2018 operating plan”.', 'label': 'link text'}), 15: ('wagtail.blocks.StructBlock', [[('document', 13), ('label', 14)]], {}), 16: ('wagtail.blocks.CharBlock', (), {'label': 'button text', 'max_length': 80}), 17: ('wagtail.blocks.PageChooserBlock', (), {'label': 'page', 'required': False}), 18: ('wagtail.blocks.URLBlock', (), {'label': 'or external address', 'required': False}), 19: ('wagtail.blocks.StructBlock', [[('text', 16), ('page', 17), ('url', 18)]], {}), 20: ('wagtail.blocks.CharBlock', (), {'label': 'heading', 'required': False}), 21: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('member', 'Member'), ('partner', 'Partner'), ('network', 'Network'), ('institution', 'Institution')], 'label': 'kind'}), 22: ('wagtail.blocks.StructBlock', [[('heading', 20), ('kind', 21)]], {})}, verbose_name='body')),
                        ('image', models.ForeignKey(blank=True, help_text='Shown at the top of the page and on its card.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='home.customimage', verbose_name='image')),
                    ],
                    options={
                        'verbose_name': 'services index',
                        'verbose_name_plural': 'services indexes',
                        'db_table': 'home_serviceindexpage',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='ServicePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('summary', models.TextField(blank=True, help_text='One or two sentences shown on cards and in search engines when the page has no search description.', max_length=300, verbose_name='summary')),
                        ('image_alt', models.CharField(blank=True, help_text="Leave empty to use the image's own description. Translators translate it with the page.", max_length=255, verbose_name='image alt text')),
                        ('to_address', models.CharField(blank=True, help_text='Optional - form submissions will be emailed to these addresses. Separate multiple addresses by comma.', max_length=255, validators=[wagtail.contrib.forms.models.validate_to_address], verbose_name='to address')),
                        ('from_address', models.EmailField(blank=True, max_length=255, verbose_name='from address')),
                        ('subject', models.CharField(blank=True, max_length=255, verbose_name='subject')),
                        ('audience', wagtail.fields.RichTextField(blank=True, verbose_name='who can use it')),
                        ('how_it_works', wagtail.fields.RichTextField(blank=True, verbose_name='how it works')),
                        ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('figure', 6), ('quote', 9), ('video', 12), ('document', 15), ('call_to_action', 19), ('organisations', 22)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'text', 'max_length': 120}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Section heading'), ('h3', 'Subheading')], 'label': 'level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('home.blocks.ParagraphBlock', (), {}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'caption', 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'quote'}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'attribution', 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('quote', 7), ('attribution', 8)]], {}), 10: ('wagtail.blocks.URLBlock', (), {'help_text': 'The address of a YouTube or Vimeo video.', 'label': 'video address'}), 11: ('wagtail.blocks.CharBlock', (), {'help_text': 'What the video is about; read out by screen readers.', 'label': 'title'}), 12: ('wagtail.blocks.StructBlock', [[('url', 10), ('title', 11), ('caption', 5)]], {}), 13: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'document'}), 14: ('wagtail.blocks.CharBlock', (), {'help_text': 'What visitors read, e.g. “The 2018 operating plan”.', 'label': 'link text'}), 15: ('wagtail.blocks.StructBlock', [[('document', 13), ('label', 14)]], {}), 16: ('wagtail.blocks.CharBlock', (), {'label': 'button text', 'max_length': 80}), 17: ('wagtail.blocks.PageChooserBlock', (), {'label': 'page', 'required': False}), 18: ('wagtail.blocks.URLBlock', (), {'label': 'or external address', 'required': False}), 19: ('wagtail.blocks.StructBlock', [[('text', 16), ('page', 17), ('url', 18)]], {}), 20: ('wagtail.blocks.CharBlock', (), {'label': 'heading', 'required': False}), 21: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('member', 'Member'), ('partner', 'Partner'), ('network', 'Network'), ('institution', 'Institution')], 'label': 'kind'}), 22: ('wagtail.blocks.StructBlock', [[('heading', 20), ('kind', 21)]], {})}, verbose_name='more about the service')),
                        ('form_intro', wagtail.fields.RichTextField(blank=True, help_text='Shown above the request form.', verbose_name='form introduction')),
                        ('thank_you_text', wagtail.fields.RichTextField(blank=True, help_text='Shown once a request has been sent.', verbose_name='thank-you message')),
                        ('image', models.ForeignKey(blank=True, help_text='Shown at the top of the page and on its card.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='home.customimage', verbose_name='image')),
                        ('privacy_page', models.ForeignKey(blank=True, help_text='The page the consent checkbox links to.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='privacy notice')),
                    ],
                    options={
                        'verbose_name': 'service',
                        'verbose_name_plural': 'services',
                        'db_table': 'home_servicepage',
                    },
                    bases=(wagtail.contrib.forms.models.FormMixin, 'wagtailcore.page', models.Model),
                ),
                migrations.CreateModel(
                    name='ServiceRequest',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('form_data', models.JSONField(encoder=django.core.serializers.json.DjangoJSONEncoder)),
                        ('submit_time', models.DateTimeField(auto_now_add=True, verbose_name='submit time')),
                        ('language', models.CharField(max_length=10, verbose_name='language')),
                        ('consent_given_at', models.DateTimeField(verbose_name='consent given at')),
                        ('consent_text', models.TextField(verbose_name='consent wording')),
                        ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to=settings.WAGTAIL_PAGE_MODEL)),
                    ],
                    options={
                        'verbose_name': 'service request',
                        'verbose_name_plural': 'service requests',
                        'db_table': 'home_servicerequest',
                    },
                ),
                migrations.CreateModel(
                    name='ServiceFormField',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('clean_name', models.CharField(blank=True, default='', help_text='Safe name of the form field, the label converted to ascii_snake_case', max_length=255, verbose_name='name')),
                        ('label', models.CharField(help_text='The label of the form field', max_length=255, verbose_name='label')),
                        ('field_type', models.CharField(choices=[('singleline', 'Single line text'), ('multiline', 'Multi-line text'), ('email', 'Email'), ('number', 'Number'), ('url', 'URL'), ('checkbox', 'Checkbox'), ('checkboxes', 'Checkboxes'), ('dropdown', 'Drop down'), ('multiselect', 'Multiple select'), ('radio', 'Radio buttons'), ('date', 'Date'), ('datetime', 'Date/time'), ('hidden', 'Hidden field')], max_length=16, verbose_name='field type')),
                        ('required', models.BooleanField(default=True, verbose_name='required')),
                        ('choices', models.TextField(blank=True, help_text='Comma or new line separated list of choices. Only applicable in checkboxes, radio and dropdown.', verbose_name='choices')),
                        ('default_value', models.TextField(blank=True, help_text='Default value. Comma or new line separated values supported for checkboxes.', verbose_name='default value')),
                        ('help_text', models.CharField(blank=True, max_length=255, verbose_name='help text')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                        ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='form_fields', to='services.servicepage')),
                    ],
                    options={
                        'verbose_name': 'form field',
                        'verbose_name_plural': 'form fields',
                        'db_table': 'home_serviceformfield',
                        'ordering': ['sort_order'],
                        'abstract': False,
                        'unique_together': {('translation_key', 'locale')},
                    },
                ),
            ],
        ),
        migrations.RunPython(
            move_content_types("home", "services"),
            move_content_types("services", "home"),
        ),
        migrations.AlterModelTable(name="serviceindexpage", table=None),
        migrations.AlterModelTable(name="servicepage", table=None),
        migrations.AlterModelTable(name="servicerequest", table=None),
        migrations.AlterModelTable(name="serviceformfield", table=None),
    ]
