"""The visitor's address behind proxies, and rate limits per address."""

from django.core.cache import cache
from django.test import RequestFactory, SimpleTestCase, override_settings

from operations.clients import client_address
from operations.ratelimit import RateLimit


def request_from(remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


class ClientAddressTests(SimpleTestCase):
    def test_without_trusted_proxies_the_forwarded_header_is_ignored(self):
        self.assertEqual(client_address(request_from("203.0.113.9", "198.51.100.1")), "203.0.113.9")

    @override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
    def test_behind_a_trusted_proxy_the_last_untrusted_hop_is_the_visitor(self):
        cases = [
            ("10.0.0.2", "198.51.100.7", "198.51.100.7"),
            # A visitor's own X-Forwarded-For comes first and is not believed.
            ("10.0.0.2", "1.2.3.4, 198.51.100.7", "198.51.100.7"),
            ("10.0.0.2", "198.51.100.7, 10.0.0.5", "198.51.100.7"),
            ("10.0.0.2", "", "10.0.0.2"),
            ("10.0.0.2", "not-an-address", ""),
            # A request that did not come through the proxy keeps its own address.
            ("203.0.113.9", "198.51.100.7", "203.0.113.9"),
        ]
        for remote, forwarded, expected in cases:
            with self.subTest(remote=remote, forwarded=forwarded):
                self.assertEqual(client_address(request_from(remote, forwarded)), expected)


class RateLimitTests(SimpleTestCase):
    def setUp(self):
        cache.clear()

    def test_each_address_has_its_own_allowance_per_window(self):
        limit = RateLimit("test", limit=2, period=60)
        first, second = request_from("203.0.113.1"), request_from("203.0.113.2")
        self.assertEqual([limit.hit(first) for _ in range(3)], [True, True, False])
        self.assertTrue(limit.hit(second))
        self.assertTrue(RateLimit("other", limit=1, period=60).hit(first))
