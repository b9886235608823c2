"""Which release of the code is serving: the page cache files pages under it, so that after a
release no page rendered by the old code is served beside new ones.

RELEASE in the environment names it (a version or commit); without it, a digest of the
code, templates, static files and compiled catalogue, read once per process. Every server
of one release computes the same digest, so they share their cached pages.
"""

import hashlib
import os
from functools import cache
from pathlib import Path

from django.conf import settings

SOURCE_SUFFIXES = {".py", ".html", ".txt", ".css", ".js", ".svg", ".mo"}
NOT_SOURCE = {".git", ".venv", "node_modules", "staticfiles", "media", "private", "tests", "docs", "test-results"}


def source_files(root):
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if name not in NOT_SOURCE and not name.startswith("."))
        for name in sorted(files):
            path = Path(folder, name)
            if path.suffix in SOURCE_SUFFIXES:
                yield path


@cache
def current_release():
    if os.environ.get("RELEASE"):
        return os.environ["RELEASE"]
    root = Path(settings.BASE_DIR)
    digest = hashlib.blake2b(digest_size=8)
    for path in source_files(root):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()
