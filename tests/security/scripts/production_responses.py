# Run in `manage.py shell` with the production settings on a database holding the demo
# site: fetch every kind of public page, a document and the admin login over HTTPS, and
# print what came back (status, headers, cookies, HTML) as one JSON object.
import json

from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model

from tests.demo_pages import DEMO_PAGES

HOST = "www.clls.example"
Document = get_document_model()
document = Document(title="Piano operativo")
document.file.save(
    "piano.pdf", ContentFile(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n")
)
document.save()

urls = ["/it/", "/en/", *(url for url, _language in DEMO_PAGES), document.url, "/admin/login/"]
client = Client(HTTP_HOST=HOST)
responses = {}
for url in urls:
    response = client.get(url, secure=True)
    responses[url] = {
        "status": response.status_code,
        "headers": dict(response.headers),
        "cookies": [morsel.OutputString() for morsel in response.cookies.values()],
        "html": response.content.decode() if "text/html" in response["Content-Type"] else "",
    }
insecure = client.get("/it/", secure=False)
responses["http:/it/"] = {"status": insecure.status_code, "headers": dict(insecure.headers)}
print(json.dumps(responses))
