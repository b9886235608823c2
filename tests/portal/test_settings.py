"""Settings come from the environment; production refuses unsafe values."""

import json
import os
import subprocess
import sys

from django.conf import settings

PROBE = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({'engine': s.DATABASES['default']['ENGINE'], 'cache': s.CACHES['default']['BACKEND'], "
    "'debug': s.DEBUG, 'hosts': s.ALLOWED_HOSTS}))"
)


def run_settings(module, **env):
    clean = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    clean.update(DJANGO_SETTINGS_MODULE=module, **env)
    return subprocess.run(
        [sys.executable, "-c", PROBE], env=clean, capture_output=True, text=True, cwd=settings.BASE_DIR
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
        "cache": "portal.cache.ResilientRedisCache",
        "debug": False,
        "hosts": ["portal.example.org"],
    }


def test_local_defaults_need_no_server():
    result = run_settings("portal.settings.dev")

    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout)
    assert probe["engine"] == "django.db.backends.sqlite3"
    assert probe["cache"] == "django.core.cache.backends.locmem.LocMemCache"
