"""The benchmark's fixed response: 20 KB, and absent unless BENCH_FIXED_RESPONSE is on."""

from django.conf import settings
from django.test import RequestFactory, TestCase

from operations.benchmark import fixed_response


class FixedResponseTests(TestCase):
    def test_the_fixed_response_is_20_kb_of_html(self):
        response = fixed_response(RequestFactory().get("/bench/fixed/"))
        self.assertEqual(len(response.content), 20 * 1024)
        self.assertEqual(response["Content-Type"], "text/html; charset=utf-8")

    def test_it_is_not_served_by_default(self):
        self.assertFalse(settings.BENCH_FIXED_RESPONSE)
        self.assertEqual(self.client.get("/bench/fixed/", follow=True).status_code, 404)
