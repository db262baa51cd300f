import factory
import wagtail_factories

from home.models import CustomImage


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Immagine {n}")
    description = factory.Sequence(lambda n: f"Laboratorio di ricerca numero {n}")

    class Meta:
        model = CustomImage
