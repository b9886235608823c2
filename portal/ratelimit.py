"""Counting attempts per client in the shared cache, so every app server sees the same counts."""

from redis.exceptions import RedisError

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache

from .cache import outage_raised

# Where this process counts while the shared cache is unreachable: each app server then
# allows the limit on its own, a looser limit than the shared one but never none at all.
_local_counts = LocMemCache("ratelimit-fallback", {"MAX_ENTRIES": 10_000})


def client_address(request):
    """The visitor's address; behind N trusted proxies, the Nth address from the right of X-Forwarded-For."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


class RateLimit:
    """At most `limit` hits per key within `window` seconds."""

    def __init__(self, scope, limit, window):
        self.scope, self.limit, self.window = scope, limit, window

    def _key(self, key):
        return f"ratelimit:{self.scope}:{key}"

    def hit(self, key):
        """Records one hit and returns how many there have been in the window."""
        return self._counted(lambda counts: self._hit(counts, self._key(key)))

    def exceeded(self, key):
        return self._counted(lambda counts: (counts.get(self._key(key)) or 0) >= self.limit)

    def reset(self, key):
        self._counted(lambda counts: counts.delete(self._key(key)))

    def _hit(self, counts, cache_key):
        if counts.add(cache_key, 1, self.window):
            return 1
        try:
            return counts.incr(cache_key)
        except ValueError:  # expired between add() and incr()
            counts.add(cache_key, 1, self.window)
            return 1

    @staticmethod
    def _counted(operation):
        with outage_raised():
            try:
                return operation(cache)
            except RedisError:
                return operation(_local_counts)
