from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import UntranslatedPagesView


@hooks.register("register_admin_urls")
def register_untranslated_pages_report():
    return [
        path("reports/untranslated/", UntranslatedPagesView.as_view(), name="untranslated_pages"),
        path(
            "reports/untranslated/results/",
            UntranslatedPagesView.as_view(results_only=True),
            name="untranslated_pages_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_untranslated_pages_menu_item():
    return MenuItem(_("Awaiting translation"), reverse("untranslated_pages"), icon_name="globe", order=650)
