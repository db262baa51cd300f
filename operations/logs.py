"""Logs an operator can search: each line carries the request it belongs to and its client.

`RequestIdMiddleware` gives every request an id (the proxy's `X-Request-ID` when it
looks like one, else a new one), sends it back in the response and keeps it,
with the client's address, for `RequestContextFilter` to add to every log record
written while the request is served. `JsonFormatter` writes one JSON object a line.
"""

import contextvars
import json
import logging
import re
import uuid

from operations.clients import client_address

# (request id, client address) of the request being served; empty outside one.
_request = contextvars.ContextVar("request_context", default=("", ""))
REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        request.id = given if REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        token = _request.set((request.id, client_address(request)))
        try:
            response = self.get_response(request)
        finally:
            _request.reset(token)
        response["X-Request-ID"] = request.id
        return response


class RequestContextFilter(logging.Filter):
    """Adds `request_id` and `client` to every record (empty outside a request)."""

    def filter(self, record):
        record.request_id, record.client = _request.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", ""),
            "client": getattr(record, "client", ""),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
