import datetime

import factory

from home.models import Tag
from news.models import NewsIndexPage, NewsPage
from tests.factories.pages import SourcePageFactory, numbered


class NewsIndexPageFactory(SourcePageFactory):
    title = "Notizie"
    slug = "notizie"
    summary = "Le novità del Cluster."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(SourcePageFactory):
    title = numbered("Notizia")
    summary = factory.Sequence("Sommario della notizia {}.".format)
    date = factory.Sequence(lambda n: datetime.date(2018, 1, 1) + datetime.timedelta(days=n))

    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

    @factory.post_generation
    def tags(self, create, names, **kwargs):
        if create and names:
            self.tags.set([Tag.objects.get_or_create(locale=self.locale, name=n)[0] for n in names])
            self.save()
