import datetime

import factory
import wagtail_factories

from home.models import Tag
from news.models import NewsIndexPage, NewsPage
from tests.factories.pages import _italian


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Notizie"
    slug = "notizie"
    summary = "Le novità del Cluster."
    locale = factory.LazyFunction(_italian)

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Notizia {n}")
    slug = factory.Sequence(lambda n: f"notizia-{n}")
    summary = factory.Sequence(lambda n: f"Sommario della notizia {n}.")
    date = factory.Sequence(lambda n: datetime.date(2018, 1, 1) + datetime.timedelta(days=n))
    locale = factory.LazyFunction(_italian)

    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    @factory.post_generation
    def tags(self, create, names, **kwargs):
        if create and names:
            self.tags.set([Tag.objects.get_or_create(locale=self.locale, name=n)[0] for n in names])
            self.save()
