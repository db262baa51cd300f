"""What editors may upload, and how documents come back to visitors."""

import io
import os
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from PIL.PngImagePlugin import PngInfo
from wagtail.documents import get_document_model
from wagtail.images.forms import get_image_form

from home.models import CustomImage
from tests.admin import superuser

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(document.domain)</script></body></html>"


def zip_bytes(first_entry="readme.txt"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(first_entry, "contenuto")
    return buffer.getvalue()


def png_bytes(width, height, *, noise=False):
    image = (
        Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
        if noise
        else (Image.new("RGB", (width, height), "white"))
    )
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=0 if noise else 6)
    return buffer.getvalue()


@pytest.fixture
def editor_client(client):
    client.force_login(superuser())
    return client


def upload_document(client, name, content):
    return client.post(
        "/admin/documents/add/",
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1},
    )


def form_errors(response):
    return [str(error) for error in response.context["form"].errors.get("file", [])]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("piano.pdf", PDF),
        ("bilancio.zip", zip_bytes()),
        ("elenco.csv", "nome;città\nAnna;Milano\n".encode()),
        ("note.txt", b"Testo semplice.\n"),
    ],
)
def test_documents_that_are_what_they_say_are_accepted(editor_client, name, content):
    response = upload_document(editor_client, name, content)
    assert response.status_code == 302, form_errors(response)
    assert get_document_model().objects.filter(title=name).exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("piano.pdf", HTML, "Il contenuto di questo file non è quello di un file .pdf"),
        ("piano.pdf", zip_bytes(), "Il contenuto di questo file non è quello di un file .pdf"),
        ("bilancio.docx", PDF, "Il contenuto di questo file non è quello di un file .docx"),
        ("note.txt", HTML, "Questo file non è testo semplice"),
        ("note.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "Questo file non è testo semplice"),
        ("elenco.csv", b"\xff\xfe\x00a\x00b", "Questo file non è testo semplice"),
    ],
)
def test_documents_whose_content_does_not_match_are_refused_in_italian(
    editor_client, name, content, message
):
    response = upload_document(editor_client, name, content)
    assert response.status_code == 200
    assert any(message in error for error in form_errors(response)), form_errors(response)
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        # A PDF with a ZIP archive appended: readers of both formats open it.
        ("piano.pdf", PDF + zip_bytes()),
        # A ZIP whose first bytes a browser would render as HTML.
        ("bilancio.zip", zip_bytes("<html><script>alert(1)</script>.txt")),
        # A PDF whose first kilobyte also holds markup.
        ("piano.pdf", PDF.replace(b"endobj", b"endobj\n<script>alert(1)</script>")),
        # A ZIP that a PDF reader also opens (its header within the first kilobyte).
        ("bilancio.zip", zip_bytes("%PDF-1.7.txt")),
    ],
)
def test_files_that_are_two_formats_at_once_are_refused(editor_client, name, content):
    response = upload_document(editor_client, name, content)
    assert response.status_code == 200
    errors = form_errors(response)
    assert any("è allo stesso tempo anche un altro formato" in error for error in errors), errors


def test_html_and_svg_documents_are_refused_by_extension(editor_client):
    for name in ("pagina.html", "logo.svg"):
        response = upload_document(editor_client, name, HTML)
        assert response.status_code == 200
        assert form_errors(response), name
    assert not get_document_model().objects.exists()


def image_form(name, content):
    form_class = get_image_form(CustomImage)
    return form_class(
        data={"title": "Laboratorio", "description": "Un laboratorio", "collection": 1},
        files={"file": SimpleUploadedFile(name, content)},
        user=superuser(),
    )


def test_an_ordinary_image_is_accepted():
    form = image_form("laboratorio.png", png_bytes(800, 600))
    assert form.is_valid(), form.errors


def test_an_oversized_image_is_refused():
    content = png_bytes(2000, 2000, noise=True)
    assert len(content) > 10 * 1024 * 1024
    form = image_form("grande.png", content)
    assert not form.is_valid()
    assert "10,0" in str(form.errors["file"]) or "10.0" in str(form.errors["file"])


def test_an_image_of_too_many_pixels_is_refused():
    form = image_form("enorme.png", png_bytes(8000, 6000))
    assert not form.is_valid()
    assert "pixel" in str(form.errors["file"]).lower()


def test_svg_images_are_refused():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    form = image_form("logo.svg", svg)
    assert not form.is_valid()
    assert "formato immagine non supportato" in str(form.errors["file"]).lower()


def test_an_image_hiding_markup_is_refused():
    # A valid PNG whose text chunk, near the start, is HTML that a sniffing browser would run.
    comment = PngInfo()
    comment.add_text("Comment", "<html><script>alert(1)</script>")
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(buffer, "PNG", pnginfo=comment)
    form = image_form("trucco.png", buffer.getvalue())
    assert not form.is_valid()
    assert "contiene anche un altro formato" in str(form.errors["file"])


def test_documents_download_as_attachments_sandboxed_and_unsniffed(editor_client, client):
    upload_document(editor_client, "note.txt", b"Testo semplice.\n")
    document = get_document_model().objects.get()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"].endswith("; sandbox")
    assert "default-src 'none'" in response["Content-Security-Policy"]
