# Run in `manage.py shell`: prints, as JSON, what a backup must keep of the site.
import json

from django.core.files.storage import default_storage
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail_localize.models import Translation

from services.models import ServiceRequest

images = get_image_model().objects.order_by("pk")
print(
    json.dumps(
        {
            "pages": sorted(Page.objects.values_list("url_path", flat=True)),
            "english_pages": Page.objects.filter(locale__language_code="en").count(),
            "translations": Translation.objects.count(),
            "images": [image.title for image in images],
            "image_files": [default_storage.exists(image.file.name) for image in images],
            "requests": sorted(ServiceRequest.objects.values_list("email", flat=True)),
        }
    )
)
