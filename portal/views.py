import sys
from pathlib import Path

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import DatabaseError, InterfaceError, OperationalError, connection, connections
from django.forms.utils import ErrorDict
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.shortcuts import get_object_or_404
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_safe

from wagtail import views as wagtail_views
from wagtail.forms import PasswordViewRestrictionForm
from wagtail.models import Page, PageViewRestriction

from . import sharing
from .routes import over_rate


@never_cache
@require_safe
def healthz(request):
    """Tells the load balancer whether this server can reach its database."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {sharing.absolute(request, reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


# Browsers and feed readers ask for /favicon.ico whatever the page's <link rel="icon"> says.
FAVICON = Path(settings.BASE_DIR) / "static" / "images" / "favicon.ico"


@require_safe
@cache_control(public=True, max_age=60 * 60 * 24)
def favicon(request):
    return HttpResponse(FAVICON.read_bytes(), content_type="image/vnd.microsoft.icon")


# How long a visitor (or a crawler) should wait before asking again while the database is away.
RETRY_AFTER_SECONDS = 30


def _is_lost_database(error):
    """Whether `error` says the database connection failed or went away.

    Django wraps the driver's errors in its own classes, but not all of them: closing a
    server-side cursor (QuerySet.iterator(), as form choice fields use) lets the driver's
    own OperationalError through when the server goes away mid-request. So the driver
    classes of every configured database count, not only the default's: a replica may be
    PostgreSQL while the default is not, and a request may use any of them. Looking up
    each alias's wrapper opens no connection.
    """
    lost = [OperationalError, InterfaceError]
    for database in connections.all():
        lost += [database.Database.OperationalError, database.Database.InterfaceError]
    return isinstance(error, tuple(lost))


def server_error(request):
    """The error page: 503 with Retry-After while the database is unreachable, 500 otherwise.

    Django calls this while the exception is being handled, so sys.exc_info() says what
    failed. A lost database connection is an outage that ends by itself (a restart, a
    failover), not a bug: visitors are told to come back, and caches and crawlers keep
    what they have. Neither template may touch the database.
    """
    if _is_lost_database(sys.exc_info()[1]):
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(loader.render_to_string("500.html"))


# What Django raises while reading a body that is too large or has too many parts: a
# SuspiciousOperation, so Django's answer would be a 400.
TOO_LARGE = (RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)


def _visitor_language(request):
    """The language of the address (/zh-hans/...), else the one LocaleMiddleware chose, else the browser's.

    An error page may be rendered before LocaleMiddleware ran (a Host header that is not allowed
    fails in the first middleware that reads it): the active language is then whatever this
    thread served last, so it is chosen again here, from the request alone.
    """
    return (
        translation.get_language_from_path(request.path_info)
        or getattr(request, "LANGUAGE_CODE", None)
        or translation.get_language_from_request(request)
    )


def _error_page(request, template, status):
    """The site's own page for a refused request, in the visitor's language.

    The templates (error_page.html) read nothing from the database and nothing the request might
    not have (its host), so the page is shown for requests that never reached a view.
    """
    with translation.override(_visitor_language(request)):
        return HttpResponse(loader.render_to_string(template, request=request), status=status)


def bad_request(request, exception=None):
    if isinstance(exception, TOO_LARGE):
        return _error_page(request, "413.html", status=413)
    return _error_page(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return _error_page(request, "403.html", status=403)


def csrf_failure(request, reason=""):
    """A form sent without a valid CSRF token (settings CSRF_FAILURE_VIEW); `reason` is for logs only."""
    return _error_page(request, "403_csrf.html", status=403)


def page_password(request, page_view_restriction_id, page_id):
    """Wagtail's password form of a page behind a password, with a limit on the attempts of each
    client (address, or IPv6 /64): past it, the form answers 429 and checks no password."""
    if request.method == "POST" and over_rate(request, "page-password", settings.PAGE_PASSWORD_RATE):
        restriction = get_object_or_404(PageViewRestriction, id=page_view_restriction_id)
        page = get_object_or_404(Page, id=page_id).specific
        form = PasswordViewRestrictionForm(instance=restriction, initial={"return_url": request.POST.get("return_url")})
        # Its one error, whatever was sent: were the password checked, its answer would tell.
        message = _("Too many attempts from your connection. Please wait a quarter of an hour and try again.")
        form._errors = ErrorDict({NON_FIELD_ERRORS: form.error_class([message], error_class="nonfield")})
        action_url = reverse("wagtailcore_authenticate_with_password", args=[restriction.id, page.id])
        response = page.serve_password_required_response(request, form, action_url)
        response.status_code = 429
        return response
    return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
