"""Editors' synonyms, as the query parser looks them up, kept in each process's memory.

Every term of a group (乡镇, 街镇) is cut into words as a query is (jieba for Chinese, runs of
letters otherwise), so a query's words are matched against them without a database query. The
groups are read again when their version in the shared cache changes: saving or deleting a
synonym gives it a new one, so every app server sees the change at its next search, with no
restart. Without a version (an empty cache, Redis away) they are read again, one small query.
"""

import threading
import uuid

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .analysis import words
from .models import Synonym

VERSION_KEY = "search:synonyms:version"

_lock = threading.Lock()
_loaded = {"version": None, "groups": None}


def synonyms_for(language):
    """{words of a term: [words of each term of its group, its own first]} for `language`."""
    version = cache.get(VERSION_KEY)
    groups = _loaded["groups"]
    if groups is None or version is None or version != _loaded["version"]:
        if version is None:
            version = uuid.uuid4().hex
            if not cache.add(VERSION_KEY, version, None):
                version = cache.get(VERSION_KEY, version)
        groups = _read()
        with _lock:
            _loaded.update(version=version, groups=groups)
    return groups.get(language, {})


def _read():
    groups = {}
    for synonym in Synonym.objects.order_by("pk"):
        terms = [tuple(words(term, synonym.language)) for term in synonym.term_list()]
        terms = [term for term in dict.fromkeys(terms) if term]
        by_term = groups.setdefault(synonym.language, {})
        for term in terms:
            known = by_term.setdefault(term, [term])
            known.extend(other for other in terms if other not in known)
    return groups


def forget():
    """Read the synonyms again at the next search, in every process."""
    with _lock:
        _loaded.update(version=None, groups=None)
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


@receiver(post_save, sender=Synonym, dispatch_uid="portal-search-synonym-saved")
@receiver(post_delete, sender=Synonym, dispatch_uid="portal-search-synonym-deleted")
def _synonyms_changed(**kwargs):
    forget()
