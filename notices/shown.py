"""What pages show of the site notice, read from the database at most once per page-cache generation.

Every page renders the notice, so each process keeps it as a `ShownNotice`, with its text and
link worked out for every language, for the current content generation (`portal.generational`):
saving or deleting the notice starts a new generation (below), and so do the clock's refreshes
at its start and end (`refresh_site_notice`). A page costs no query for it once one page of
the generation has read it.

Whether it is live is decided when each page renders, from the times it carries; the clock's
refreshes make the pages already cached (rendered before the start, or showing it after the end)
follow within a minute.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone, translation

from portal import generational
from portal.i18n import fallback_language, html_lang
from portal.pagecache import start_new_generation
from portal.statements import first

from .models import SiteNotice


@dataclass(frozen=True)
class ShownNotice:
    level: str
    starts_at: datetime
    ends_at: datetime | None
    # language code -> {"text", "text_lang", "url", "link_text", "link_lang"}: what a page in that
    # language shows; *_lang is the lang attribute of text shown from another language, or "".
    languages: dict

    def is_live(self, now=None):
        now = now or timezone.now()
        return self.starts_at <= now and (self.ends_at is None or now < self.ends_at)

    def in_language(self, code):
        """What a page in language `code` shows, with the level's name ("Warning") in that language."""
        shown = self.languages.get(code) or self.languages[settings.LANGUAGE_CODE]
        return {"level": self.level, "label": SiteNotice.Level(self.level).label, **shown}


def shown_notice(notice):
    """The notice as the pages show it in every language, or None when it is not to be shown."""
    if notice is None or not notice.shown or notice.has_ended():
        return None
    languages = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            text_lang = fallback_language(notice, "text")
            link_lang = fallback_language(notice, "link_text") if notice.link_text else ""
            languages[code] = {
                "text": notice.text,
                "text_lang": html_lang(text_lang) if text_lang else "",
                "url": _link(notice),
                "link_text": notice.link_text,
                "link_lang": html_lang(link_lang) if link_lang else "",
            }
    return ShownNotice(notice.level, notice.starts_at, notice.ends_at, languages)


def _link(notice):
    page = notice.link_page
    if page is not None:
        # The page in the active language (its address carries the language prefix); none if it is not live.
        return page.get_url() if page.live else ""
    return notice.link_url


def current_notice():
    """The notice live now, as a `ShownNotice`, or None: one query per content generation and
    process at most (`portal.generational`: with the page cache on, as production runs; without
    it, each page reads it, so that a change made in any process shows at once in every other)."""
    return _live(generational.kept(("site-notice",), _read))


def _read():
    # The same SQL on every page: compiled once (portal.statements), its row read each time.
    return shown_notice(first(("site-notice",), lambda: SiteNotice.objects.select_related("link_page")))


def _live(notice):
    return notice if notice is not None and notice.is_live() else None


@receiver(post_save, sender=SiteNotice, dispatch_uid="notices-saved")
@receiver(post_delete, sender=SiteNotice, dispatch_uid="notices-deleted")
def _notice_changed(sender, **kwargs):
    """Every page shows the notice: any change to it refreshes them all."""
    start_new_generation()
