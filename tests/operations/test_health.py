"""Health checks, request ids in the logs, and the 500 page when the database is down."""

import json
import logging
from unittest import mock

from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.http import HttpResponse
from django.test import RequestFactory, SimpleTestCase, TestCase

from operations.logs import JsonFormatter, RequestContextFilter, RequestIdMiddleware
from tests.sites import BilingualSiteTestCase

DATABASE_DOWN = mock.patch.object(
    BaseDatabaseWrapper, "cursor", side_effect=OperationalError("connection refused")
)


class HealthCheckTests(TestCase):
    def test_the_process_and_its_services_answer(self):
        for url in ("/healthz/", "/readyz/"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual((response.status_code, response.content), (200, b"ok"))
                self.assertIn("no-store", response["Cache-Control"])

    def test_not_ready_without_the_database_and_no_detail_to_the_public(self):
        with DATABASE_DOWN, self.assertLogs("operations.health", level="ERROR"):
            response = self.client.get("/readyz/")
        self.assertEqual((response.status_code, response.content), (503, b"unavailable"))
        with DATABASE_DOWN:
            self.assertEqual(self.client.get("/healthz/").status_code, 200)


class DatabaseDownTests(BilingualSiteTestCase):
    def test_pages_answer_with_the_500_page_not_a_traceback(self):
        self.client.raise_request_exception = False
        with DATABASE_DOWN, self.assertLogs("django.request", level="ERROR"):
            response = self.client.get("/it/")
        self.assertEqual(response.status_code, 500)
        self.assertContains(response, "Qualcosa è andato storto", status_code=500)
        self.assertNotContains(response, "Traceback", status_code=500)


class RequestIdTests(SimpleTestCase):
    def logged(self, request):
        """The JSON line a log call makes while `request` is served, and the response."""
        lines = []

        class Collect(logging.Handler):
            def emit(self, record):
                lines.append(self.format(record))

        handler = Collect()
        handler.addFilter(RequestContextFilter())
        handler.setFormatter(JsonFormatter())
        logger = logging.getLogger("tests.request_id")
        logger.addHandler(handler)

        def view(request):
            logger.warning("served")
            return HttpResponse("ok")

        try:
            response = RequestIdMiddleware(view)(request)
        finally:
            logger.removeHandler(handler)
        return json.loads(lines[0]), response

    def test_each_request_has_an_id_in_its_logs_and_its_response(self):
        line, response = self.logged(RequestFactory().get("/", REMOTE_ADDR="203.0.113.4"))
        self.assertEqual(len(response["X-Request-ID"]), 32)
        self.assertEqual(line["request_id"], response["X-Request-ID"])
        self.assertEqual((line["client"], line["message"]), ("203.0.113.4", "served"))

    def test_the_proxy_id_is_kept_when_it_looks_like_one(self):
        for given, kept in [("abc-123", True), ("<script>", False), ("x" * 65, False)]:
            with self.subTest(given=given):
                line, response = self.logged(RequestFactory().get("/", HTTP_X_REQUEST_ID=given))
                self.assertEqual(response["X-Request-ID"] == given, kept)
                self.assertEqual(line["request_id"], response["X-Request-ID"])
