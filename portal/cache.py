"""The shared cache is an accelerator, not a dependency: without Redis the site still serves.

Every user of the cache (the page cache, Wagtail's own site lookups) gets the answers of an
empty cache while Redis cannot be reached: pages are served uncached and publishing works.
A caller with a fallback of its own (the rate limits, which then count per process) asks
for the error instead, inside `outage_raised()`. The outage is logged, at most every few
seconds per process, so that operators notice it without the log drowning.
"""

import contextlib
import contextvars
import functools
import logging
import time

from redis.exceptions import RedisError

from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)
LOG_INTERVAL_SECONDS = 10
_last_logged = 0.0


def _log_outage(operation, error):
    global _last_logged
    now = time.monotonic()
    if now - _last_logged >= LOG_INTERVAL_SECONDS:
        _last_logged = now
        logger.error("Shared cache unreachable (%s failed); serving without it: %s", operation, error)


_outage_raises = contextvars.ContextVar("shared_cache_outage_raises", default=False)


@contextlib.contextmanager
def outage_raised():
    """Inside this block, an unreachable Redis raises RedisError instead of answering as an empty cache."""
    token = _outage_raises.set(True)
    try:
        yield
    finally:
        _outage_raises.reset(token)


def _tolerant(method, empty_answer):
    """`method` of RedisCache, answering `empty_answer(*args, **kwargs)` while Redis is unreachable."""

    @functools.wraps(method)
    def tolerant(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except RedisError as error:
            _log_outage(method.__name__, error)
            if _outage_raises.get():
                raise
            return empty_answer(*args, **kwargs)

    return tolerant


def _missing_key(key, *args, **kwargs):
    raise ValueError(f"Key {key!r} not found (shared cache unreachable)")


def _nothing(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


class ResilientRedisCache(RedisCache):
    get = _tolerant(RedisCache.get, lambda key, default=None, version=None: default)
    get_many = _tolerant(RedisCache.get_many, lambda keys, version=None: {})
    has_key = _tolerant(RedisCache.has_key, _false)
    add = _tolerant(RedisCache.add, _false)
    set = _tolerant(RedisCache.set, _nothing)
    set_many = _tolerant(RedisCache.set_many, lambda data, *args, **kwargs: list(data))
    touch = _tolerant(RedisCache.touch, _false)
    incr = _tolerant(RedisCache.incr, _missing_key)  # as for a key that is not there
    delete = _tolerant(RedisCache.delete, _false)
    delete_many = _tolerant(RedisCache.delete_many, _nothing)
    clear = _tolerant(RedisCache.clear, _false)
