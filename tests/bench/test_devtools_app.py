"""The benchmarks live in the development-only app `devtools`: production settings never install it."""

import os
import subprocess
import sys

from django.conf import settings

PROBE = (
    "import django; django.setup(); from django.apps import apps; "
    "from django.core.management import get_commands; "
    "print(apps.is_installed('devtools'), 'benchmark_pages' in get_commands(), 'benchmark_search' in get_commands())"
)


def installed_under(module):
    environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    environment.update(DJANGO_SETTINGS_MODULE=module, SECRET_KEY="x" * 60, ALLOWED_HOSTS="portal.example.org")
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=environment, capture_output=True, text=True, cwd=settings.BASE_DIR
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_production_has_no_benchmark_commands():
    assert installed_under("portal.settings.production") == ["False", "False", "False"]


def test_development_has_the_benchmark_commands():
    assert installed_under("portal.settings.dev") == ["True", "True", "True"]
