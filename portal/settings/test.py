"""Test runs: fast hashing, mail kept in memory, static files without a manifest."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, STORAGES

SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tasks run at once, inside the test, so that what a worker would do is seen by assertions.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# One local store under both aliases (base.py without Redis): emptying it empties both.
CACHES = {alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"} for alias in ("default", "ratelimit")}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Benchmarks and load tools: development and tests only, never production.
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]
