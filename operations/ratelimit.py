"""Fixed-window rate limits on the shared cache: how often one client may do one thing."""

import time
from dataclasses import dataclass

from django.core.cache import cache

from operations.clients import client_address


@dataclass(frozen=True)
class RateLimit:
    """At most `limit` actions named `scope` per client address in `period` seconds."""

    scope: str
    limit: int
    period: int

    def _key(self, request):
        window = int(time.time() // self.period)
        return f"ratelimit:{self.scope}:{client_address(request)}:{window}"

    def hit(self, request):
        """Count one action of the request's client; False once it is over the limit."""
        key = self._key(request)
        # add() only sets a missing key, so concurrent first hits do not reset the count.
        cache.add(key, 0, timeout=self.period)
        try:
            count = cache.incr(key)
        except ValueError:
            # The entry expired between add() and incr(): this hit opens a new window.
            cache.set(key, 1, timeout=self.period)
            count = 1
        return count <= self.limit
