"""Image renditions are made on publish, from the one list of uses the templates draw on."""

import re
from pathlib import Path

from django.conf import settings

from home import renditions
from home.models import CustomRendition
from news.models import NewsPage
from tests.factories import ImageFactory
from tests.sites import BilingualSiteTestCase

TEMPLATE_DIRS = [Path(settings.BASE_DIR) / app for app in ("site_clls", "home", "news", "events")]


class RenditionsOnPublishTests(BilingualSiteTestCase):
    def test_publishing_makes_every_rendition_the_templates_use(self):
        image = ImageFactory()
        body_image = ImageFactory()
        page = self.tree.add(
            NewsPage,
            image=image,
            body=[("figure", {"image": {"image": body_image, "alt_text": "Un grafico"}})],
            translate=False,
        )
        self.assertFalse(CustomRendition.objects.exists())
        with self.captureOnCommitCallbacks(execute=True):
            page.save_revision().publish()
        wanted = {each.spec for each in renditions.all_filters()}
        for each in (image, body_image):
            made = set(
                CustomRendition.objects.filter(image=each).values_list("filter_spec", flat=True)
            )
            self.assertEqual(made, wanted)
        # A visitor's view then makes none.
        count = CustomRendition.objects.count()
        self.page_html(NewsPage.objects.get(image=image).url)
        self.assertEqual(CustomRendition.objects.count(), count)

    def test_templates_ask_for_renditions_only_by_use(self):
        direct = re.compile(r"{%\s*(image|picture|srcset_image)\s")
        offenders = [
            str(path)
            for folder in TEMPLATE_DIRS
            for path in folder.rglob("*.html")
            if direct.search(path.read_text())
        ]
        self.assertEqual(offenders, [])
