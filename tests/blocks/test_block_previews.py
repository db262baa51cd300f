"""The admin's block previews: every block of the body and of the programme renders one."""

from django.core.files.base import ContentFile
from django.test import TestCase
from django.urls import reverse
from django.utils.functional import Promise
from wagtail.documents.models import Document

from events.models import EventPage
from home.models import StandardPage
from tests.admin import superuser
from tests.factories import ImageFactory, PersonFactory
from tests.markup import HtmlAssertions


def body_block():
    return StandardPage._meta.get_field("body").stream_block


def programme_block():
    return EventPage._meta.get_field("programme").stream_block


def day_block():
    return programme_block().child_blocks["day"]


def session_block():
    return day_block().child_blocks["sessions"].child_block


def previewed_blocks():
    """Each block of the body and of the programme, the streams themselves included."""
    return [
        body_block(),
        *body_block().child_blocks.values(),
        programme_block(),
        day_block(),
        session_block(),
    ]


class BlockDefinitionTests(TestCase):
    def test_every_block_has_an_icon_a_template_a_translated_label_and_a_preview(self):
        for block in previewed_blocks():
            with self.subTest(block=type(block).__name__):
                self.assertNotEqual(block.meta.icon, "placeholder")
                self.assertTrue(block.meta.template)
                self.assertIsInstance(block.meta.label, Promise)
                self.assertTrue(block.is_previewable)


class BlockPreviewTests(HtmlAssertions, TestCase):
    def setUp(self):
        self.client.force_login(superuser())

    def preview(self, block):
        url = reverse("wagtailadmin_block_preview")
        response = self.client.get(url, {"id": block.definition_prefix})
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_every_block_previews_with_an_empty_library(self):
        for block in previewed_blocks():
            with self.subTest(block=type(block).__name__):
                html = self.preview(block)
                self.assertIn("css/site.css", html)

    def test_figure_previews_the_newest_image(self):
        ImageFactory(description="Un laboratorio")
        ImageFactory(description="Una ricercatrice al microscopio")
        self.assertHtmlContains(
            self.preview(body_block().child_blocks["figure"]),
            present=["<picture>", 'alt="Una ricercatrice al microscopio"'],
        )

    def test_document_previews_the_newest_document(self):
        Document.objects.create(title="Piano", file=ContentFile(b"%PDF-1.4", name="piano.pdf"))
        self.assertHtmlContains(
            self.preview(body_block().child_blocks["document"]),
            present=['class="document-link"', "(PDF"],
        )

    def test_programme_previews_a_session_with_a_speaker(self):
        PersonFactory(name="Maria Rossi", role="Ricercatrice")
        for block in (programme_block(), day_block(), session_block()):
            with self.subTest(block=type(block).__name__):
                self.assertHtmlContains(
                    self.preview(block),
                    present=[
                        '<p class="session__title">Apertura dei lavori</p>',
                        '<span class="speaker__name">Maria Rossi</span>',
                    ],
                )

    def test_session_previews_inside_a_list(self):
        html = self.preview(session_block())
        self.assertRegex(html, r'<ol class="sessions">\s*<li class="session">')
