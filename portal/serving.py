"""Serving a page: Wagtail's `serve`, with the request's site read in one query instead of three.

Before routing, Wagtail reads the site for the request's host (a query), then the site's root
page as its specific type (`site.root_page.specific`, a query), and every page's footer reads the
site's `OfficeContact` (`settings.portal.OfficeContact`, a query). Here the site is read as
Wagtail reads it, with its root page's `HomePage` row and its `OfficeContact` joined to it, and
each is left where Wagtail looks for it first: the site on the request (`Site.find_for_request`),
the home page as the root page's `specific`, the contact details as the request's cached setting
(`BaseSiteSetting.for_request`). Whatever is missing (no such site, a root page of another type,
no contact details yet) is left for Wagtail to read as it would.
"""

import pickle

from django.db.models import Case, IntegerField, Q, When
from django.http.request import split_domain_port

from wagtail import views as wagtail_views
from wagtail.models import Site
from wagtail.models.sites import MATCH_DEFAULT, MATCH_HOSTNAME, MATCH_HOSTNAME_DEFAULT, MATCH_HOSTNAME_PORT

from . import generational
from .models import HomePage, OfficeContact

_HOME = HomePage._meta.model_name
_CONTACT = OfficeContact._meta.model_name


def serve(request, path):
    find_site(request)
    return wagtail_views.serve(request, path)


def find_site(request):
    """`Site.find_for_request(request)`, with its home page and contact details, read as below."""
    if not hasattr(request, "_wagtail_site"):
        request._wagtail_site = _site_for(request)
    return request._wagtail_site


def _site_for(request):
    """The site `Site.find_for_request` would give (`wagtail.models.sites.get_site_for_hostname`,
    whose choice this repeats), its home page and contact details read with it: once per content
    generation and process (`portal.generational`; each request gets objects of its own)."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    site = pickle.loads(  # noqa: S301 (pickled by this process, below)
        generational.kept(
            ("site", hostname, port), lambda: pickle.dumps(_read_site(hostname, port), pickle.HIGHEST_PROTOCOL)
        )
    )
    if site is None:
        return None
    _keep_home_page(site.root_page)
    contact = site._state.fields_cache.get(_CONTACT)
    if contact is not None:
        contact._request = request  # as `for_request` leaves it, for the setting's page links
        setattr(request, OfficeContact.get_cache_attr_name(), contact)
    return site


def _read_site(hostname, port):
    sites = list(
        Site.objects.annotate(
            match=Case(
                When(hostname=hostname, port=port, then=MATCH_HOSTNAME_PORT),
                When(hostname=hostname, is_default_site=True, then=MATCH_HOSTNAME_DEFAULT),
                When(is_default_site=True, then=MATCH_DEFAULT),
                default=MATCH_HOSTNAME,
                output_field=IntegerField(),
            )
        )
        .filter(Q(hostname=hostname) | Q(is_default_site=True))
        .order_by("match")
        .select_related(f"root_page__{_HOME}", _CONTACT)
    )
    if not sites:
        return None
    if len(sites) == 1 or sites[0].match in (MATCH_HOSTNAME_PORT, MATCH_HOSTNAME_DEFAULT):
        return sites[0]
    if sites[0].match == MATCH_DEFAULT:
        return sites[len(sites) == 2]
    return None


def _keep_home_page(root):
    home = root._state.fields_cache.get(_HOME)
    if home is None or root.specific_class is not HomePage:
        return
    # What `get_specific` does with the row it reads: the generic page's other attributes kept.
    for name, value in root.__dict__.items():
        home.__dict__.setdefault(name, value)
    root.specific = home
