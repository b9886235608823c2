"""The Wagtail Site answers for settings.SITE_URL: its host name and port make every absolute
link (JSON-LD, feeds, the sitemap, emails)."""

from urllib.parse import urlsplit

from django.conf import settings

from wagtail.models import Site


def site_host_and_port():
    address = urlsplit(settings.SITE_URL)
    return address.hostname, address.port or (443 if address.scheme == "https" else 80)


def point_default_site(root_page):
    """Makes `root_page` the default site's root, at the configured address."""
    hostname, port = site_host_and_port()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return Site.objects.create(hostname=hostname, port=port, root_page=root_page, is_default_site=True)
    site.hostname, site.port, site.root_page = hostname, port, root_page
    site.save()
    return site
