"""Pages without an image of their own share a social card made for them, one per language."""

import re
from io import BytesIO, StringIO

from django.core.files.storage import default_storage
from django.core.management import call_command
from PIL import Image

from home import social_cards
from news.models import NewsPage
from tests.factories import ImageFactory
from tests.sites import BilingualSiteTestCase

OG_IMAGE = re.compile(r'<meta property="og:image" content="http://testserver/media/([^"]+)">')


class SocialCardTests(BilingualSiteTestCase):
    def og_image(self, url):
        """The storage name of the card that `url` announces as og:image."""
        html = self.page_html(url)
        found = OG_IMAGE.findall(html)
        self.assertEqual(len(found), 1, html)
        self.assertIn('<meta property="og:image:width" content="1200">', html)
        self.assertIn('<meta property="og:image:height" content="630">', html)
        self.assertIn('<meta name="twitter:image" content="http://testserver/media/', html)
        return found[0]

    def assertCard(self, name):  # noqa: N802
        self.assertTrue(name.startswith("social-cards/"), name)
        with default_storage.open(name) as file:
            image = Image.open(BytesIO(file.read()))
            self.assertEqual((image.format, image.size), ("PNG", (1200, 630)))

    def test_a_published_page_without_an_image_gets_a_card_per_language(self):
        page = self.tree.add(NewsPage, title="Una notizia senza immagine", image=None)
        english = self.tree.english_of(page)
        with self.captureOnCommitCallbacks(execute=True):
            page.save_revision().publish()
            english.save_revision().publish()
        self.assertTrue(default_storage.exists(social_cards.card_name(page)))
        italian_card = self.og_image(page.url)
        english_card = self.og_image(english.url)
        self.assertCard(italian_card)
        self.assertCard(english_card)
        self.assertTrue(italian_card.startswith(f"social-cards/it/{page.pk}-"))
        self.assertTrue(english_card.startswith(f"social-cards/en/{english.pk}-"))
        self.assertNotEqual(italian_card, english_card)

    def test_a_new_title_makes_a_new_card_and_removes_the_old(self):
        page = self.tree.add(NewsPage, title="Titolo di prima", image=None, translate=False)
        with self.captureOnCommitCallbacks(execute=True):
            page.save_revision().publish()
        before = self.og_image(page.url)
        page.title = "Titolo di dopo"
        with self.captureOnCommitCallbacks(execute=True):
            page.save_revision().publish()
        after = self.og_image(page.url)
        self.assertNotEqual(before, after)
        self.assertCard(after)
        self.assertFalse(default_storage.exists(before))

    def test_a_missing_card_is_made_when_the_page_is_first_shown(self):
        page = self.tree.it_about
        name = social_cards.card_name(page)
        self.assertFalse(default_storage.exists(name))
        self.assertEqual(self.og_image(page.url), name)
        self.assertCard(name)

    def test_a_page_with_an_image_keeps_its_own(self):
        page = self.tree.add(NewsPage, image=ImageFactory(), translate=False)
        with self.captureOnCommitCallbacks(execute=True):
            page.save_revision().publish()
        self.assertFalse(default_storage.exists(social_cards.card_name(page)))
        html = self.page_html(page.url)
        self.assertIn('<meta property="og:image" content="http://testserver/media/images/', html)
        self.assertNotIn("social-cards/", html)

    def test_the_card_shows_the_section_and_the_command_makes_and_cleans(self):
        page = self.tree.add(NewsPage, title="Dentro le notizie", image=None, translate=False)
        title, section, organisation = social_cards.card_text(page)
        self.assertEqual(title, "Dentro le notizie")
        self.assertEqual(section, page.get_parent().title)
        self.assertEqual(organisation, "Cluster Lombardo Scienze della Vita")
        with_image = self.tree.add(NewsPage, image=ImageFactory(), translate=False)
        stray = "social-cards/it/999999-0123456789ab.png"
        default_storage.save(stray, BytesIO(b"old"))
        call_command("make_social_cards", stdout=StringIO())
        self.assertCard(social_cards.card_name(page))
        self.assertCard(social_cards.card_name(self.tree.en_about))
        self.assertFalse(default_storage.exists(stray))
        self.assertFalse(default_storage.exists(social_cards.card_name(with_image)))
