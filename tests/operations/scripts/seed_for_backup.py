# Run in `manage.py shell`: adds an uploaded image and a form request to the demo site.
import io

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image
from wagtail.images import get_image_model

from services.models import ServicePage, ServiceRequest

buffer = io.BytesIO()
Image.new("RGB", (40, 30), "teal").save(buffer, "PNG")
get_image_model().objects.create(
    title="Laboratorio",
    description="Un laboratorio",
    file=ImageFile(buffer, name="laboratorio.png"),
)
page = ServicePage.objects.filter(locale__language_code="it").first()
ServiceRequest.objects.create(
    page=page,
    form_data={"e_mail": "anna@example.org"},
    email="anna@example.org",
    language="it",
    consent_given_at=timezone.now(),
    consent_text="Consenso",
)
print("{}")
