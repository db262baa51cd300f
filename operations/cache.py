"""A Redis cache that degrades to "nothing cached" when Redis cannot be reached.

Django's RedisCache raises on every call while Redis is down, which would turn
a cache outage into a site outage. Here reads miss, writes are dropped and a
warning is logged (at most once a minute per process); the site keeps serving
pages, uncached, and `/readyz/` reports the outage.
"""

import logging
import time
from functools import wraps

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)
WARNING_INTERVAL = 60
# After a failure, calls miss at once for this long instead of trying to connect.
RETRY_AFTER = 5


class RedisUnavailableError(RedisConnectionError):
    """Redis failed a moment ago: not tried again yet."""


class _Outage:
    """When one Redis last failed in this process, and when that was last logged."""

    def __init__(self):
        self.last_warning = -WARNING_INTERVAL
        self.retry_at = 0.0

    def check(self):
        if time.monotonic() < self.retry_at:
            raise RedisUnavailableError("Redis failed less than a few seconds ago")

    def warn(self, operation, error):
        now = time.monotonic()
        if not isinstance(error, RedisUnavailableError):
            self.retry_at = now + RETRY_AFTER
        if now - self.last_warning >= WARNING_INTERVAL:
            self.last_warning = now
            logger.warning(
                "Redis unavailable (%s failed: %s); serving without cache", operation, error
            )


def _fail_soft(result=None, *, raises=None):
    """Run the cache operation; when Redis is unreachable, return `result` (or raise `raises`)."""

    def decorate(method):
        @wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                self.outage.check()
                return method(self, *args, **kwargs)
            except UNAVAILABLE as error:
                self.outage.warn(method.__name__, error)
                if raises is not None:
                    raise raises(str(error)) from error
                return result() if callable(result) else result

        return wrapper

    return decorate


class FailSoftRedisCache(RedisCache):
    """RedisCache whose calls miss instead of failing while Redis is down."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self.outage = _Outage()

    add = _fail_soft(False)(RedisCache.add)
    set = _fail_soft(None)(RedisCache.set)
    touch = _fail_soft(False)(RedisCache.touch)
    delete = _fail_soft(False)(RedisCache.delete)
    get_many = _fail_soft(dict)(RedisCache.get_many)
    has_key = _fail_soft(False)(RedisCache.has_key)
    # Callers of incr() already handle a missing key: an outage looks like one.
    incr = _fail_soft(raises=ValueError)(RedisCache.incr)
    set_many = _fail_soft(list)(RedisCache.set_many)
    delete_many = _fail_soft(None)(RedisCache.delete_many)
    clear = _fail_soft(None)(RedisCache.clear)

    def get(self, key, default=None, version=None):
        try:
            self.outage.check()
            return super().get(key, default, version)
        except UNAVAILABLE as error:
            self.outage.warn("get", error)
            return default
