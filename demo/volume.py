"""Hundreds of news items and events on top of the demo site, for benchmarks.

`build_demo_site --volume N` adds N news items and N/5 events per language: each
an Italian page and its English translation (linked as source and translation,
written directly rather than through wagtail-localize, which would take minutes),
with an image drawn locally by Pillow, tags and pillars. The texts say plainly
that they are filler.
"""

import datetime
import io
import random

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.models import Locale

from events.models import EventIndexPage, EventOrganiser, EventPage, EventPagePillar
from home.models import CustomImage, Organisation, Tag
from home.renditions import all_filters
from news.models import NewsIndexPage, NewsPage, NewsPagePillar
from pillars.models import PillarPage

# Images are shared between items, as a newsroom reuses its photo library.
IMAGE_POOL = 24
SEED = 2018


class VolumeBuilder:
    def __init__(self, count, stdout=None):
        self.count = count
        self.log = stdout.write if stdout else (lambda message: None)
        self.random = random.Random(SEED)  # noqa: S311 (repeatable filler, not secrets)

    def build(self):
        self.italian = Locale.objects.get(language_code="it")
        self.english = Locale.objects.get(language_code="en")
        if NewsPage.objects.filter(slug__startswith="volume-").exists():
            self.log("The volume content is already there.")
            return
        self.images = self.make_images(min(IMAGE_POOL, max(1, self.count)))
        self.tags = list(Tag.objects.filter(locale=self.italian))
        # Each English page carries the English translations of its Italian tags.
        self.english_tags = {
            tag.translation_key: tag for tag in Tag.objects.filter(locale=self.english)
        }
        self.pillars = list(PillarPage.objects.filter(locale=self.italian))
        self.organiser = Organisation.objects.filter(locale=self.italian).first()
        with transaction.atomic():
            self.add_news()
            self.add_events()
        self.log(f"Added {self.count} news items and {self.count // 5} events per language.")

    def make_images(self, number):
        """`number` images drawn here: coloured bands and discs, no download."""
        images = []
        for index in range(number):
            canvas = Image.new("RGB", (1600, 900), self.colour())
            draw = ImageDraw.Draw(canvas)
            for band in range(6):
                draw.rectangle([band * 280, 0, band * 280 + 140, 900], fill=self.colour())
            for _disc in range(5):
                x, y, r = self.random.randint(0, 1600), self.random.randint(0, 900), 120
                draw.ellipse([x - r, y - r, x + r, y + r], fill=self.colour())
            buffer = io.BytesIO()
            canvas.save(buffer, "JPEG", quality=80)
            image = CustomImage(
                title=f"Immagine di volume {index + 1}",
                description=f"Composizione astratta di colori numero {index + 1}",
                file=ImageFile(buffer, name=f"volume-{index + 1}.jpg"),
            )
            image.save()
            # Made now, as a publication would make them (home.renditions).
            image.get_renditions(*all_filters())
            images.append(image)
        return images

    def colour(self):
        return tuple(self.random.randint(40, 220) for _ in range(3))

    def add_news(self):
        it_index = NewsIndexPage.objects.get(locale=self.italian)
        en_index = NewsIndexPage.objects.get(locale=self.english)
        first = datetime.date(2019, 1, 1)
        for number in range(1, self.count + 1):
            date = first + datetime.timedelta(days=number * 2)
            fields = {"date": date}
            self.add_pair(
                it_index,
                en_index,
                NewsPage,
                NewsPagePillar,
                number,
                titles=(f"Notizia di prova n. {number}", f"Sample news item no. {number}"),
                slugs=(f"volume-notizia-{number}", f"volume-news-{number}"),
                summaries=(
                    f"Testo di riempimento numero {number} per misurare il sito a pieno carico.",
                    f"Filler text number {number} for measuring the site at full load.",
                ),
                **fields,
            )

    def add_events(self):
        it_index = EventIndexPage.objects.get(locale=self.italian)
        en_index = EventIndexPage.objects.get(locale=self.english)
        today = timezone.localdate()
        total = self.count // 5
        for number in range(1, total + 1):
            # Half already past, half to come: both the archive and the upcoming list fill up.
            start = today + datetime.timedelta(days=(number - total // 2) * 5)
            self.add_pair(
                it_index,
                en_index,
                EventPage,
                EventPagePillar,
                number,
                titles=(f"Evento di prova n. {number}", f"Sample event no. {number}"),
                slugs=(f"volume-evento-{number}", f"volume-event-{number}"),
                summaries=(
                    f"Incontro di riempimento numero {number} per misurare il sito.",
                    f"Filler meeting number {number} for measuring the site.",
                ),
                start_date=start,
                end_date=start + datetime.timedelta(days=number % 3),
                venue_city=("Milano", "Milan"),
                venue_country=("Italia", "Italy"),
                organisers=True,
            )

    def translated(self, tags):
        return [
            self.english_tags[tag.translation_key]
            for tag in tags
            if tag.translation_key in self.english_tags
        ]

    def add_pair(self, it_index, en_index, model, pillar_link, number, **values):
        """The Italian page under `it_index` and its English translation under `en_index`."""
        image = self.images[number % len(self.images)]
        tags = self.random.sample(self.tags, k=min(3, len(self.tags)))
        pillars = self.random.sample(self.pillars, k=min(1 + number % 2, len(self.pillars)))
        italian = None
        for position, (index, locale) in enumerate(
            [(it_index, self.italian), (en_index, self.english)]
        ):
            fields = {}
            for key, value in values.items():
                fields[key] = value[position] if isinstance(value, tuple) else value
            title, slug, summary = (
                fields.pop("titles"),
                fields.pop("slugs"),
                fields.pop("summaries"),
            )
            organisers = fields.pop("organisers", False)
            paragraph = f"<p>{summary}</p>"
            page = model(
                title=title,
                slug=slug,
                summary=summary,
                locale=locale,
                image=image,
                image_alt=image.description if position == 0 else f"Abstract colours no. {number}",
                body=[("paragraph", paragraph)],
                live=True,
                first_published_at=timezone.now(),
                last_published_at=timezone.now(),
                **fields,
            )
            if italian is not None:
                page.translation_key = italian.translation_key
            page.tags.set(tags if position == 0 else self.translated(tags))
            page.pillar_links = [pillar_link(pillar=pillar) for pillar in pillars]
            if organisers and self.organiser is not None:
                page.organisers = [EventOrganiser(organisation=self.organiser)]
            index.add_child(instance=page)
            italian = italian or page
