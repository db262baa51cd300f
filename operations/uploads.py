"""What editors may upload, and how uploads are served back.

Documents must be what their extension says, and one thing only: a file that is
also another format (a PDF that is a ZIP too, an office file that a browser would
read as HTML) is refused. Images are checked by Wagtail (size, pixels, format)
and here for markup hidden in them. Documents are always downloaded, never shown
in the browser, with a sandboxing policy; media files are served with the same.
"""

import codecs
import os

import filetype
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.views.static import serve as serve_static
from wagtail.documents.forms import BaseDocumentForm
from wagtail.documents.views.serve import serve as wagtail_serve_document
from wagtail.images.forms import BaseImageForm

SANDBOX = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox"

# What each allowed extension must contain: the file types filetype recognises
# at the start of the file, or None for plain text.
EXPECTED = {
    "pdf": {"pdf"},
    "zip": {"zip"},
    # Office files are ZIP archives; filetype names them when their first entry says so.
    "docx": {"docx", "zip"},
    "xlsx": {"xlsx", "zip"},
    "pptx": {"pptx", "zip"},
    "odt": {"odt", "zip"},
    "rtf": {"rtf"},
    "csv": None,
    "txt": None,
}
ZIP_FAMILY = {"zip", "docx", "xlsx", "pptx", "odt"}
# What a browser or a reader finds further in than filetype looks.
HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<script", b"<svg", b"<iframe")
PDF_MARKER = b"%pdf-"
ZIP_END_MARKER = b"PK\x05\x06"


def _read(file, start, size):
    file.seek(start)
    return file.read(size)


def formats_in(file):
    """Every format `file` can be read as: what starts it, and what hides further in."""
    file.seek(0, os.SEEK_END)
    length = file.tell()
    head = _read(file, 0, 2048)
    # A ZIP is read from its end; PDF readers look for %PDF- in the first kilobyte.
    tail = _read(file, max(0, length - 65_557), 65_557)
    file.seek(0)
    found = set()
    kind = filetype.guess(head)
    if kind is not None:
        found.add(kind.extension)
    if head.startswith(b"{\\rtf"):
        found.add("rtf")
    lowered = head[:1024].lower()
    if any(marker in lowered for marker in HTML_MARKERS):
        found.add("html")
    if PDF_MARKER in lowered:
        found.add("pdf")
    if ZIP_END_MARKER in tail:
        found.add("zip")
    return found


def _is_text(file):
    decoder = codecs.getincrementaldecoder("utf-8")()
    file.seek(0)
    try:
        while chunk := file.read(65_536):
            if b"\x00" in chunk:
                return False
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    finally:
        file.seek(0)
    return True


def check_document(file):
    """Raise ValidationError unless `file` is what its extension says, and only that."""
    extension = os.path.splitext(file.name)[1].lstrip(".").lower()
    expected = EXPECTED.get(extension)
    found = formats_in(file)
    if expected is None:
        if found or not _is_text(file):
            raise ValidationError(
                _("This file is not plain text, as a .%(extension)s file must be."),
                code="mismatch",
                params={"extension": extension},
            )
        return
    if not found & expected:
        raise ValidationError(
            _("The content of this file is not a .%(extension)s file: check its format."),
            code="mismatch",
            params={"extension": extension},
        )
    extra = found - expected - ({"zip"} if extension in ZIP_FAMILY else set())
    if extra:
        raise ValidationError(
            _("This .%(extension)s file is also another format at once: it cannot be uploaded."),
            code="polyglot",
            params={"extension": extension},
        )


def check_image(file):
    """Raise ValidationError if an image also holds markup a browser could run."""
    if "html" in formats_in(file) or "pdf" in formats_in(file):
        raise ValidationError(
            _("This image also contains another format: it cannot be uploaded."),
            code="polyglot",
        )


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE) with the content check."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and hasattr(file, "seek") and not getattr(file, "_committed", False):
            check_document(file)
        return file


class ImageForm(BaseImageForm):
    """Wagtail's image form (WAGTAILIMAGES_IMAGE_FORM_BASE) with the markup check."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and hasattr(file, "seek") and not getattr(file, "_committed", False):
            check_image(file)
        return file


def serve_document(request, document_id, document_filename):
    """Wagtail's document view, always as a download, sandboxed and never sniffed."""
    response = wagtail_serve_document(request, document_id, document_filename)
    if response.status_code == 200:
        if not response.get("Content-Disposition", "").startswith("attachment"):
            response["Content-Disposition"] = "attachment"
        response["Content-Security-Policy"] = SANDBOX
        response["X-Content-Type-Options"] = "nosniff"
    return response


def serve_media(request, path, document_root):
    """Uploaded media served by Django (SERVE_MEDIA): sandboxed, never sniffed.

    Documents are only served by `serve_document`, which checks their privacy.
    """
    if path.startswith("documents/"):
        raise Http404
    response = serve_static(request, path, document_root=document_root)
    response["Content-Security-Policy"] = SANDBOX
    response["X-Content-Type-Options"] = "nosniff"
    return response
