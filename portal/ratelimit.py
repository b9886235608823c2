"""Counting attempts per client in the shared cache, so every app server sees the same counts."""

from django.conf import settings
from django.core.cache import cache


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
        cache_key = self._key(key)
        if cache.add(cache_key, 1, self.window):
            return 1
        try:
            return cache.incr(cache_key)
        except ValueError:  # expired between add() and incr()
            cache.add(cache_key, 1, self.window)
            return 1

    def exceeded(self, key):
        return (cache.get(self._key(key)) or 0) >= self.limit

    def reset(self, key):
        cache.delete(self._key(key))
