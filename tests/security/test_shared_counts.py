"""Attempts counted in Redis as production counts them: one atomic step per hit, always expiring."""

import threading
import uuid

import pytest

from django.core.cache import caches

from portal.ratelimit import RateLimit
from tests.processes import REDIS_URL, forget_cache, redis_answers

pytestmark = pytest.mark.skipif(not redis_answers(), reason=f"no Redis answers at {REDIS_URL}")


@pytest.fixture
def shared_cache(settings):
    """The rate limits' cache on the real Redis, configured as production configures it."""
    prefix = f"test-counts-{uuid.uuid4().hex[:8]}"
    redis = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": prefix}
    settings.CACHES = {
        "default": {**redis, "OPTIONS": {"IGNORE_EXCEPTIONS": True}},
        "ratelimit": redis,
    }
    yield caches["ratelimit"]
    forget_cache(prefix)


def raw_key(shared_cache, limit, key):
    return shared_cache.make_key(limit._key(key))


def redis_client(shared_cache):
    return shared_cache.client.get_client(write=True)


def test_parallel_hits_each_get_their_own_count(shared_cache):
    limit = RateLimit("parallel", limit=5, window=60)
    start = threading.Barrier(24)
    counts = []

    def hit():
        start.wait()
        counts.append(limit.hit("root"))

    threads = [threading.Thread(target=hit) for _number in range(24)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(counts) == list(range(1, 25))
    key = raw_key(shared_cache, limit, "root")
    assert 0 < redis_client(shared_cache).ttl(key) <= 60


def test_the_count_is_in_redis_not_in_this_process(shared_cache):
    limit = RateLimit("shared", limit=5, window=60)
    limit.hit("office")
    limit.hit("office")

    assert int(redis_client(shared_cache).get(raw_key(shared_cache, limit, "office"))) == 2


def test_a_count_left_without_expiry_gets_one_at_the_next_hit(shared_cache):
    # What a count set without expiry (or an older release's increment) leaves: a count for ever.
    limit = RateLimit("eternal", limit=5, window=60)
    key = raw_key(shared_cache, limit, "root")
    redis_client(shared_cache).set(key, 3)

    assert limit.hit("root") == 4
    assert 0 < redis_client(shared_cache).ttl(key) <= 60


def test_taking_back_a_hit_never_goes_below_zero(shared_cache):
    limit = RateLimit("undo", limit=5, window=60)
    limit.hit("office")
    limit.hit("office")

    limit.undo("office")
    assert shared_cache.get(limit._key("office")) == 1
    limit.undo("office")
    limit.undo("office")

    assert shared_cache.get(limit._key("office")) is None
    assert limit.hit("office") == 1
