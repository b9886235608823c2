"""Japanese is planned: adding a language must take settings and translations, not code.

In a process of its own, with "ja" added to LANGUAGES and a scratch SQLite database, the
migrations for the new language's columns are generated into a copy of the project's migrations
(as `makemigrations` would write them in the project), the demo content loads, and every page
of the sitemap is served in Japanese: status 200, `<html lang="ja">`, all three languages in the
switcher, and the notice that the page is shown in English until it is translated.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings

PROBE = Path(__file__).parent / "third_language" / "probe.py"


def project_migrations():
    """{app label: its migrations folder} for the project's own apps."""
    base = Path(settings.BASE_DIR)
    found = {}
    for config in apps.get_app_configs():
        folder = Path(config.path) / "migrations"
        if folder.is_dir() and base in folder.parents and ".venv" not in folder.parts:
            found[config.label] = folder
    return found


def test_a_third_language_is_settings_and_translations_not_code(tmp_path):
    copies = tmp_path / "copied_migrations"
    copies.mkdir()
    (copies / "__init__.py").touch()
    migrations = project_migrations()
    for label, folder in migrations.items():
        shutil.copytree(folder, copies / label, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "third_language_settings.py").write_text(
        "from portal.settings.test import *  # noqa: F403\n"
        "from portal.settings.test import LANGUAGES\n"
        'LANGUAGES = [*LANGUAGES, ("ja", "Japanese")]\n'
        "WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES\n"
        f'DATABASES = {{"default": {{"ENGINE": "django.db.backends.sqlite3", "NAME": "{tmp_path / "db.sqlite3"}"}}}}\n'
        f"MIGRATION_MODULES = {{label: f'copied_migrations.{{label}}' for label in {sorted(migrations)!r}}}\n"
        f'MEDIA_ROOT = "{tmp_path / "media"}"\n'
        f'PRIVATE_MEDIA_ROOT = "{tmp_path / "private"}"\n'
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "third_language_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(settings.BASE_DIR)]),
    }
    env.pop("DATABASE_URL", None)

    run = subprocess.run(
        [sys.executable, str(PROBE), "ja"], env=env, cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=300
    )

    assert run.returncode == 0, run.stderr[-3000:]
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    pages = seen["pages"]
    assert len(pages) * 3 == seen["paths"], "the sitemap lists every page once per language"
    assert {path: page["status"] for path, page in pages.items() if page["status"] != 200} == {}
    assert {page["lang"] for page in pages.values()} == {"ja"}
    assert all(page["switcher"] == ["en", "zh-Hans", "ja"] for page in pages.values())
    assert pages["/ja/"]["notice"], "an untranslated page says so"
    assert seen["root"] == "/ja/", "/ picks the new language from the browser's preference"
