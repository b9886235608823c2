"""The project's glossary (docs/glossary.toml), read for the tests that hold every Chinese text to it."""

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings

GLOSSARY = Path(settings.BASE_DIR) / "docs" / "glossary.toml"


@dataclass(frozen=True)
class Term:
    en: str
    zh: str
    wrong_zh: tuple


@dataclass(frozen=True)
class Glossary:
    terms: tuple
    allowed_latin: frozenset

    def misnamed(self, text):
        """(wrong variant, the glossary's name) for every variant of a term that `text` holds."""
        return [(wrong, term.zh) for term in self.terms for wrong in term.wrong_zh if wrong in text]


@cache
def load_glossary(path=GLOSSARY):
    data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    terms = tuple(Term(en=t["en"], zh=t["zh"], wrong_zh=tuple(t.get("wrong_zh", ()))) for t in data["term"])
    return Glossary(terms=terms, allowed_latin=frozenset(data.get("allowed_latin", ())))
