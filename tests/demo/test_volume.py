"""`build_demo_site --volume N`: the demo site with N news items and N/5 events per language."""

from io import StringIO

from django.core.management import call_command
from django.test import TestCase

from events.models import EventPage
from news.models import NewsPage


class VolumeTests(TestCase):
    def build(self, **options):
        call_command(
            "build_demo_site", base_url="http://127.0.0.1:8000", stdout=StringIO(), **options
        )

    def test_volume_adds_translated_news_and_events_with_images_tags_and_pillars(self):
        self.build()
        news_before, events_before = NewsPage.objects.count(), EventPage.objects.count()
        self.build(volume=10)
        added = NewsPage.objects.filter(slug__startswith="volume-")
        self.assertEqual(NewsPage.objects.count() - news_before, 20)
        self.assertEqual(EventPage.objects.count() - events_before, 4)
        for language in ("it", "en"):
            self.assertEqual(added.filter(locale__language_code=language).count(), 10)
        for item in added.filter(locale__language_code="en"):
            source = item.get_translation(item.locale.get_default())
            self.assertNotEqual(source.pk, item.pk)
            self.assertTrue(item.image_id and item.tagged_items.exists())
            self.assertEqual({tag.locale.language_code for tag in item.tags.all()}, {"en"})
            self.assertTrue(item.pillar_links.exists())
        self.assertEqual(len({item.image_id for item in added}), 10)
        response = self.client.get("/en/news/volume-news-3/", HTTP_HOST="127.0.0.1:8000")
        self.assertContains(response, "Sample news item no. 3")
        self.assertContains(response, "<picture")
        # Run again, nothing more is added.
        self.build(volume=10)
        self.assertEqual(NewsPage.objects.count() - news_before, 20)
