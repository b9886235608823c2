from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from .admin_login import ThrottledLoginView, ThrottledPasswordResetView, sign_out
from .search.views import search
from .serving import serve
from .sitemaps import PageSitemap
from .views import favicon, healthz, page_password, robots_txt

handler400 = "portal.views.bad_request"  # and 413 for a body too large (portal.views.TOO_LARGE)
handler403 = "portal.views.permission_denied"
handler500 = "portal.views.server_error"

urlpatterns = [
    # Before Wagtail's own: sign-in and reset limited (portal.admin_login), sign-out by POST only.
    path("admin/login/", ThrottledLoginView.as_view(), name="wagtailadmin_login"),
    path("admin/password_reset/", ThrottledPasswordResetView.as_view(), name="wagtailadmin_password_reset"),
    path("admin/logout/", sign_out, name="wagtailadmin_logout"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", healthz, name="healthz"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PageSitemap}}, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

_wagtail_patterns_but_serve = [pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"]

# Wagtail's catch-all must come last, under the language prefix; sections add their
# own Django routes through their page models (RoutablePageMixin) or before this line.
urlpatterns += i18n_patterns(
    path("search/", search, name="search"),
    path("alerts/", include("alerts.urls")),
    path("page-feedback/", include("page_feedback.urls")),
    path("press/conferences/", include("accreditation.urls")),
    # Wagtail's own address and name, with its attempts limited (portal.views.page_password).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    # Wagtail's own patterns, its page view given the site read in one query (portal.serving).
    path("", include([*_wagtail_patterns_but_serve, re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve")])),
)
