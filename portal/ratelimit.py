"""Counting attempts per client in the shared cache, so every app server sees the same counts.

Each hit is one atomic increment that returns the new count, so parallel requests each get their
own number: with a limit of 5, exactly 5 of 24 simultaneous requests see a count within it. On
Redis ("ratelimit" cache) the increment and the window's expiry are one script, run through
django-redis' raw client, so a count never stays without expiry (add() then incr() are two steps,
and the key may expire between them). That cache raises Redis' errors instead of answering as an
empty cache: while Redis is unreachable each process counts in its own memory, as development and
tests always do. A visitor counts by IPv4 address or by IPv6 /64 (one subscriber's usual share).
"""

import ipaddress
import logging

from django_redis.cache import RedisCache
from redis.exceptions import RedisError

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache

logger = logging.getLogger(__name__)

# Where this process counts while the shared cache is unreachable: each app server then
# allows the limit on its own, a looser limit than the shared one but never none at all.
_local_counts = LocMemCache("ratelimit-fallback", {"MAX_ENTRIES": 10_000})

IPV6_PREFIX_LENGTH = 64


def client_address(request):
    """The visitor's address; behind N trusted proxies, the Nth address from the right of X-Forwarded-For."""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def client_key(request):
    """What the rate limits count a visitor by: the IPv4 address (an IPv4-mapped IPv6 address
    counts as its IPv4 address), or the IPv6 /64 network. Anything else counts as itself."""
    address = client_address(request)
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 4:
        return str(ip)
    if ip.ipv4_mapped:
        return str(ip.ipv4_mapped)
    return str(ipaddress.IPv6Network((ip, IPV6_PREFIX_LENGTH), strict=False))


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

    def undo(self, key):
        """Takes back one hit (a request that turned out not to count), never below zero."""
        self._counted(lambda counts: self._undo(counts, self._key(key)))

    def _hit(self, counts, cache_key):
        if isinstance(counts, RedisCache):
            return _redis_count(counts, cache_key, 1, self.window)
        if counts.add(cache_key, 1, self.window):
            return 1
        try:
            return counts.incr(cache_key)
        except ValueError:  # expired between add() and incr()
            counts.add(cache_key, 1, self.window)
            return 1

    def _undo(self, counts, cache_key):
        if isinstance(counts, RedisCache):
            _redis_count(counts, cache_key, -1, self.window)
            return
        try:
            if counts.decr(cache_key) <= 0:
                counts.delete(cache_key)
        except ValueError:  # nothing counted (or expired)
            pass

    def _counted(self, operation):
        try:
            return operation(caches["ratelimit"])
        except RedisError as error:
            logger.warning("Rate limit %r counted in this process only, Redis failed: %s", self.scope, error)
            return operation(_local_counts)


# KEYS[1] += ARGV[1]; the key expires ARGV[2] seconds after it was first counted, and is gone at zero.
_COUNT_SCRIPT = """
local count = redis.call('INCRBY', KEYS[1], ARGV[1])
if count <= 0 then
    redis.call('DEL', KEYS[1])
elseif redis.call('TTL', KEYS[1]) < 0 then
    redis.call('EXPIRE', KEYS[1], ARGV[2])
end
return count
"""


def _redis_count(counts, cache_key, delta, window):
    client = counts.client.get_client(write=True)
    return max(int(client.eval(_COUNT_SCRIPT, 1, counts.make_key(cache_key), delta, window)), 0)
