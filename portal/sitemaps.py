from django.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site


class PageSitemap(Sitemap):
    """Every live, public page of the default site, once per language with hreflang alternates."""

    i18n = True
    alternates = True
    x_default = True

    def items(self):
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
        if site is None:
            return Page.objects.none()
        return (
            Page.objects.live()
            .public()
            .descendant_of(site.root_page, inclusive=True)
            .order_by("path")
            .only("id", "path", "depth", "url_path", "last_published_at")
        )

    def location(self, page):
        # Resolved under the language that Django's sitemap activates for each entry,
        # so the URL carries that language's prefix.
        return page.get_url_parts()[2]

    def lastmod(self, page):
        return page.last_published_at
