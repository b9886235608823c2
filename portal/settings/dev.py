"""Local development: debug on, a throw-away key, mail printed to the console."""

import os

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, env_list

DEBUG = True
SECRET_KEY = "dev-only-not-secret"  # noqa: S105 - never used outside a developer's machine
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
EMAIL_DELIVERY_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# Serve static files from the app folders without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Benchmarks and load tools: development and tests only, never production.
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]
