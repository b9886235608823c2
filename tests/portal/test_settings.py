"""Settings come from the environment; production refuses unsafe values."""

import json
import os
import subprocess
import sys

from django.conf import settings

PROBE = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'engine': s.DATABASES['default']['ENGINE'], "
    "'caches': {alias: c['BACKEND'] for alias, c in s.CACHES.items()}, "
    "'debug': s.DEBUG, 'hosts': s.ALLOWED_HOSTS}))"
)

# With production's settings and a Redis that nothing answers at: what the site's code sees.
OUTAGE_PROBE = """
import json, django
django.setup()
from django.core.cache import cache
from portal.ratelimit import RateLimit
cache.set("page", "cached")
limit = RateLimit("probe", 2, 60)
counts = [limit.hit("203.0.113.7") for _ in range(3)]
print(json.dumps({"page": cache.get("page", "missing"), "counts": counts, "over": limit.exceeded("203.0.113.7")}))
"""


def run_settings(module, probe=PROBE, **env):
    clean = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    clean.update(DJANGO_SETTINGS_MODULE=module, **env)
    return subprocess.run(
        [sys.executable, "-c", probe], env=clean, capture_output=True, text=True, cwd=settings.BASE_DIR
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_settings("portal.settings.production", ALLOWED_HOSTS="portal.example.org")

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_a_wildcard_host():
    result = run_settings("portal.settings.production", SECRET_KEY="x" * 60, ALLOWED_HOSTS="*")

    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_database_and_cache_come_from_the_environment():
    result = run_settings(
        "portal.settings.production",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="portal.example.org",
        DATABASE_URL="postgres://portal@db.internal:5432/portal",
        REDIS_URL="redis://cache.internal:6379/0",
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "engine": "django.db.backends.postgresql",
        "caches": {"default": "django_redis.cache.RedisCache", "ratelimit": "django_redis.cache.RedisCache"},
        "debug": False,
        "hosts": ["portal.example.org"],
    }


def test_local_defaults_need_no_server():
    result = run_settings("portal.settings.dev")

    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout)
    assert probe["engine"] == "django.db.backends.sqlite3"
    assert probe["caches"] == {
        "default": "django.core.cache.backends.locmem.LocMemCache",
        "ratelimit": "django.core.cache.backends.locmem.LocMemCache",
    }


def test_without_redis_production_serves_uncached_and_counts_in_the_process():
    result = run_settings(
        "portal.settings.production",
        OUTAGE_PROBE,
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="portal.example.org",
        REDIS_URL="redis://127.0.0.1:1/0",
    )

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"page": "missing", "counts": [1, 2, 3], "over": True}
    assert "Exception ignored" in result.stderr  # the page cache's errors, logged
    assert "counted in this process only" in result.stderr
