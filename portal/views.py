import sys

from django.db import DatabaseError, InterfaceError, OperationalError, connection, connections
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_safe


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
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


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
