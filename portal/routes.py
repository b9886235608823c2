"""For the Django views a section's routable page serves (`RoutablePageMixin` routes)."""

from django.utils.cache import add_never_cache_headers, patch_cache_control

from . import sharing
from .ratelimit import RateLimit, client_key


def route_url(page, name, *args, absolute=False, **kwargs):
    """The address of the route `name` of `page`, in the active language; `absolute` (for
    emails) with the site's address."""
    path = page.url + page.reverse_subpage(name, args=args or None, kwargs=kwargs or None)
    return sharing.absolute(None, path) if absolute else path


def render(request, page, template, context=None, *, trail=(), status=200, private=False):
    """A route's response: `template` with the page's context, `context`, and `trail` as the
    breadcrumb steps after the page ((label, url) each, the last one the route itself).

    `private`: for forms with CSRF tokens and answers about one person, never kept in a shared cache.
    """
    response = page.render(
        request,
        template=template,
        context_overrides={"breadcrumb_trail": list(trail), **(context or {})},
    )
    response.status_code = status
    if private:
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
    return response


def over_rate(request, scope, rate):
    """Counts this request against the client (address, or IPv6 /64); True once over `rate` (requests, seconds)."""
    limit = RateLimit(scope, *rate)
    return limit.hit(client_key(request)) > limit.limit
