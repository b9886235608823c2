from django.contrib.sitemaps import Sitemap

from wagtail.models import Page, Site

from .dated import ListedPage
from .withdrawal import hidden_languages_by_page


class PageSitemap(Sitemap):
    """Every live, public page of the default site, once per language with hreflang alternates.

    A page that serves routes of its own (listings, detail views of plain models) is a
    `ListedPage` and lists them in its `sitemap_subpaths()`; they are added after the page.
    A page withdrawn in a language (`portal.withdrawal`) is listed, and named as an alternate,
    in the other languages only.
    """

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
        if site is None:
            return []
        pages = (
            Page.objects.live()
            .public()
            .descendant_of(site.root_page, inclusive=True)
            .order_by("path")
            .specific(defer=True)
        )
        self.hidden = hidden_languages_by_page()
        entries = []
        for page in pages:
            entries.append((page, ""))
            if isinstance(page, ListedPage):
                entries += [(page, subpath) for subpath in page.sitemap_subpaths()]
        return entries

    def get_languages_for_item(self, item):
        hidden = self.hidden.get(item[0].pk, ())
        return [code for code in super().get_languages_for_item(item) if code not in hidden]

    def location(self, item):
        # Resolved under the language that Django's sitemap activates for each entry,
        # so the URL carries that language's prefix.
        page, subpath = item
        return page.get_url_parts()[2] + subpath.lstrip("/")

    def lastmod(self, item):
        return item[0].last_published_at
