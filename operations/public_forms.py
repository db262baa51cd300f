"""Limits on the forms visitors post: body size, number of fields, and how often one address sends.

The admin keeps Django's generous `DATA_UPLOAD_MAX_*` limits, which StreamFields
need; a public form knows how many fields it has and how much text a visitor
can type, so it refuses anything larger before parsing it. Used by the service
request forms, and meant for event registration too.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import BadRequest

from operations.ratelimit import RateLimit

# Fields Django and the spam checks add to every public form (CSRF token, consent,
# honeypot, time token), on top of the visitor's own fields.
SPARE_FIELDS = 4


def public_form_rate_limit(scope):
    """How often one address may post a public form (PUBLIC_FORM_RATE_LIMIT per period)."""
    return RateLimit(
        scope=scope,
        limit=settings.PUBLIC_FORM_RATE_LIMIT,
        period=settings.PUBLIC_FORM_RATE_PERIOD,
    )


@dataclass(frozen=True)
class PublicFormGuard:
    """Checks one public form's POST: refuse oversized or overfull bodies, and count the address."""

    scope: str
    max_body_bytes: int = field(default_factory=lambda: settings.PUBLIC_FORM_MAX_BYTES)

    def check_body(self, request, max_fields):
        """Raise BadRequest (the 400 page) for a body larger, or fuller, than the form takes.

        The length is read from the header before the body is parsed, so an
        oversized body is never read into memory.
        """
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            raise BadRequest("Malformed Content-Length") from None
        if length > self.max_body_bytes:
            raise BadRequest(f"Form body of {length} bytes over {self.max_body_bytes}")
        values = sum(len(values) for _name, values in request.POST.lists())
        if values > max_fields + SPARE_FIELDS:
            raise BadRequest(f"Form with {values} values, over {max_fields + SPARE_FIELDS}")

    def allow(self, request):
        """Count this post of the request's address; False once it is over the limit."""
        return public_form_rate_limit(self.scope).hit(request)
