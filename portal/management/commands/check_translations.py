import shutil
import subprocess
import tempfile
from pathlib import Path

import polib

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import to_locale

IGNORED = [".venv", "staticfiles", "node_modules"]


class Command(BaseCommand):
    help = (
        "Refreshes each language's catalogue from the source and fails when a string is "
        "untranslated or fuzzy, when the catalogue does not compile, or when the committed "
        ".mo file is older than the .po file."
    )

    def handle(self, *args, **options):
        problems = []
        for code, _name in settings.LANGUAGES:
            if code == settings.LANGUAGE_CODE:
                continue
            locale = to_locale(code)
            call_command("makemessages", locale=[locale], ignore_patterns=IGNORED, verbosity=0)
            po_path = Path(settings.LOCALE_PATHS[0]) / locale / "LC_MESSAGES" / "django.po"
            problems += self.check_catalogue(po_path)
        if problems:
            raise CommandError("Translation catalogue problems:\n  " + "\n  ".join(problems))
        self.stdout.write(self.style.SUCCESS("Every visible string is translated and compiled."))

    def check_catalogue(self, po_path):
        problems = []
        catalogue = polib.pofile(str(po_path))
        for entry in catalogue.untranslated_entries():
            problems.append(f"{po_path.parent.parent.name}: untranslated: {entry.msgid!r}")
        for entry in catalogue.fuzzy_entries():
            problems.append(f"{po_path.parent.parent.name}: fuzzy: {entry.msgid!r}")

        msgfmt = shutil.which("msgfmt")
        if msgfmt is None:
            problems.append("msgfmt is not installed (Debian package gettext)")
            return problems
        with tempfile.NamedTemporaryFile(suffix=".mo") as compiled:
            result = subprocess.run(
                [msgfmt, "--check", "-o", compiled.name, str(po_path)], capture_output=True, text=True
            )
            if result.returncode:
                problems.append(f"{po_path}: does not compile: {result.stderr.strip()}")

        mo_path = po_path.with_suffix(".mo")
        if not mo_path.exists():
            problems.append(f"{mo_path}: missing; run `make messages`")
            return problems
        shipped = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in polib.mofile(str(mo_path))}
        for entry in catalogue.translated_entries():
            if shipped.get((entry.msgctxt, entry.msgid)) != (entry.msgstr or entry.msgstr_plural):
                problems.append(f"{mo_path}: stale for {entry.msgid!r}; run `make messages`")
                break
        return problems
