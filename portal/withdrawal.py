"""A page withdrawn in one language while it stays live in the others.

An English-only notice, a Chinese-only announcement: a moderator (whoever may publish the page,
as for its privacy) takes the page out of one language from the page's header menu in the admin
(*Languages*), with no new revision: like unpublishing, it takes effect at once and is recorded in
the page's history. One row per (page, language) says the page is not shown in that language.

What follows it, with one subquery in the query each already makes (no query per item):
- every visitor's listing, the home page, the main menu, search, feeds and the sitemap ask for
  `in_language()` pages (`LanguageQuerySet`, or `shown_in()` on any page queryset);
- the language switcher and the hreflang alternates leave the language out (`shown_languages`);
- the page's own address in that language answers with a notice in the visitor's language and a
  link to the languages it is shown in, status 404 and `noindex` (`hidden_language_response`);
- every change starts a new page-cache generation (`portal.pagecache`).
"""

from django.conf import settings
from django.db import models, transaction
from django.db.models import Exists, OuterRef
from django.template.response import TemplateResponse
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _

from modeltranslation.utils import build_localized_fieldname
from wagtail.log_actions import log
from wagtail.query import PageQuerySet

from .i18n import language_urls
from .pagecache import start_new_generation

WITHDRAW_ACTION = "portal.language.withdraw"
RESTORE_ACTION = "portal.language.restore"


class PageLanguageWithdrawal(models.Model):
    """`page` is not shown in `language` (a code of settings.LANGUAGES) while it is live in the others."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="language_withdrawals", verbose_name=_("page")
    )
    # No choices: adding a language to settings.LANGUAGES must need no migration.
    language = models.CharField(_("language"), max_length=15)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), auto_now_add=True)

    class Meta:
        verbose_name = _("page withdrawn in a language")
        verbose_name_plural = _("pages withdrawn in a language")
        constraints = [
            models.UniqueConstraint(fields=["page", "language"], name="one_withdrawal_per_page_and_language")
        ]

    def __str__(self):
        return f"{self.page_id} / {self.language}"


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def language_name(code):
    """The language's name in its own language ("English", "简体中文"): what the switcher shows."""
    return get_language_info(code)["name_local"]


def language_label(code):
    """The language's name in the active language ("Simplified Chinese", "简体中文"), for sentences."""
    return str(dict(settings.LANGUAGES).get(code, code))


def withdrawn_page_ids(language):
    """A subquery of the ids of pages withdrawn in `language`."""
    return PageLanguageWithdrawal.objects.filter(language=language).values("page_id")


def shown_in(pages, language=None):
    """`pages` (any page queryset) without those withdrawn in `language`, the active one by default.

    The same query, with one subquery more; outside a request with no active language, all pages.
    """
    language = language or get_language()
    if not language:
        return pages
    return pages.exclude(pk__in=withdrawn_page_ids(language))


class LanguageQuerySet(PageQuerySet):
    """A page type's queryset that can leave out the pages withdrawn in the visitor's language."""

    def in_language(self, language=None):
        return shown_in(self, language)


def hidden_languages(page):
    """The codes of the languages `page` is withdrawn in; read once per page object."""
    if page is None or page.pk is None:
        return frozenset()
    cached = getattr(page, "_hidden_languages", None)
    if cached is None and hasattr(page, "withdrawn_in_0"):  # a row of `with_hidden_languages`
        cached = read_hidden_languages(page)
    if cached is None:
        cached = frozenset(PageLanguageWithdrawal.objects.filter(page_id=page.pk).values_list("language", flat=True))
        page._hidden_languages = cached
    return cached


def with_hidden_languages(pages, page_key="pk"):
    """`pages` (a page queryset) with the languages each is withdrawn in, in the same query (an
    EXISTS per language); `read_hidden_languages` then gives them for each row it returns.
    `page_key` names the page's id in another model's rows (a link's "link_page_id")."""
    return pages.annotate(
        **{
            f"withdrawn_in_{index}": Exists(
                PageLanguageWithdrawal.objects.filter(page_id=OuterRef(page_key), language=code)
            )
            for index, code in enumerate(language_codes())
        }
    )


def read_hidden_languages(row, page=None):
    """The hidden languages of a row of `with_hidden_languages`, kept on `page` (the row itself by
    default) so that `hidden_languages` asks nothing more of it."""
    hidden = frozenset(code for index, code in enumerate(language_codes()) if getattr(row, f"withdrawn_in_{index}"))
    (page or row)._hidden_languages = hidden
    return hidden


def hidden_languages_by_page(page_ids=None):
    """{page id: frozenset of codes} of every withdrawn page (of `page_ids` if given), in one query."""
    rows = PageLanguageWithdrawal.objects.all()
    if page_ids is not None:
        rows = rows.filter(page_id__in=page_ids)
    hidden = {}
    for page_id, language in rows.values_list("page_id", "language"):
        hidden.setdefault(page_id, set()).add(language)
    return {page_id: frozenset(codes) for page_id, codes in hidden.items()}


def prime_hidden_languages(pages):
    """Read the hidden languages of every page in `pages` in one query, so that `hidden_languages`
    asks nothing more of each (a listing's rows); returns {page id: frozenset of codes}."""
    pages = list(pages)
    hidden = hidden_languages_by_page([page.pk for page in pages])
    for page in pages:
        page._hidden_languages = hidden.get(page.pk, frozenset())
    return hidden


def shown_languages(page):
    """The configured languages `page` is shown in, in the order of settings.LANGUAGES."""
    hidden = hidden_languages(page)
    return [code for code in language_codes() if code not in hidden]


@transaction.atomic
def set_hidden_languages(page, hidden, user=None):
    """Withdraw `page` from the languages in `hidden` and show it again in the others, each change
    logged in the page's history; returns (withdrawn, restored) codes. At least one language stays."""
    hidden = set(hidden) & set(language_codes())
    if hidden >= set(language_codes()):
        raise ValueError("A page must stay shown in at least one language; unpublish it instead.")
    before = set(PageLanguageWithdrawal.objects.filter(page_id=page.pk).values_list("language", flat=True))
    withdrawn = [code for code in language_codes() if code in hidden - before]
    restored = [code for code in language_codes() if code in before - hidden]
    PageLanguageWithdrawal.objects.bulk_create(
        [PageLanguageWithdrawal(page_id=page.pk, language=code) for code in withdrawn]
    )
    PageLanguageWithdrawal.objects.filter(page_id=page.pk, language__in=restored).delete()
    for action, codes in ((WITHDRAW_ACTION, withdrawn), (RESTORE_ACTION, restored)):
        for code in codes:
            log(instance=page, action=action, user=user, data={"language": code})
    if withdrawn or restored:
        page._hidden_languages = frozenset(hidden)
        # Listings, menus and search results on every page may have shown it: as for a publish.
        transaction.on_commit(start_new_generation)
    return withdrawn, restored


def hidden_language_response(request, page):
    """The answer at the address of `page` in a language it is withdrawn in: a notice in that
    language linking to the page in the languages it is shown in; 404, so that search engines drop
    the address, and `noindex` besides."""
    path = request.path
    shown = set(shown_languages(page))
    elsewhere = [
        {"code": code, "name": name, "url": url, "title": _title_in(page, code)}
        for code, name, url in language_urls(path)
        if code in shown
    ]
    context = {
        "withdrawn_page": page,
        "language_name": language_label(get_language()),
        "elsewhere": elsewhere,
    }
    return TemplateResponse(request, "portal/not_in_language.html", context, status=404)


def _title_in(page, code):
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    return getattr(page, build_localized_fieldname("title", code), "") or getattr(
        page, build_localized_fieldname("title", default), page.title
    )
