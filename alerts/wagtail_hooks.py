"""The alert managers' screens: confirmed subscriptions (read and delete only), and their counts
per list on the dashboard. Users without the subscription permissions see neither."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from portal.permissions import refuse_actions

from .lists import LISTS
from .models import Subscription

VIEW_PERMISSION = "alerts.view_subscription"


# Subscriptions are made and changed by subscribers only.
refuse_actions(Subscription, "add", "change")


class SubscriptionIndexView(IndexView):
    def get_base_queryset(self):
        # An unconfirmed address may be anyone's, typed by someone else: staff never see it.
        return super().get_base_queryset().confirmed().select_related("press_topic", "article_topic")


class SubscriptionViewSet(ModelViewSet):
    model = Subscription
    index_view_class = SubscriptionIndexView
    icon = "mail"
    menu_label = _("Alert subscribers")
    menu_order = 270
    add_to_admin_menu = True
    url_prefix = "alerts/subscriptions"
    name = "alert_subscriptions"
    list_display = ["email", "list_key", "press_topic", "article_topic", "frequency", "language", "confirmed_at"]
    list_filter = ["list_key", "frequency", "language"]
    search_fields = ["email"]
    form_fields = ["frequency"]  # never editable (the policy refuses "change"), but Wagtail needs a form
    copy_view_enabled = False
    inspect_view_enabled = False


@hooks.register("register_admin_viewset")
def register_subscription_viewset():
    return SubscriptionViewSet()


class SubscriberCountsPanel(Component):
    """Confirmed subscribers per list, by frequency, and how many await confirmation."""

    name = "alert_subscriber_counts"
    template_name = "alerts/admin/counts_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        counts = {
            row["list_key"]: row
            for row in Subscription.objects.values("list_key").annotate(
                immediate=Count("pk", filter=Q(confirmed_at__isnull=False, frequency=Subscription.Frequency.IMMEDIATE)),
                daily=Count("pk", filter=Q(confirmed_at__isnull=False, frequency=Subscription.Frequency.DAILY)),
                unconfirmed=Count("pk", filter=Q(confirmed_at__isnull=True)),
            )
        }
        context["lists"] = [
            {
                "label": alert_list.label,
                "immediate": counts.get(key, {}).get("immediate", 0),
                "daily": counts.get(key, {}).get("daily", 0),
                "unconfirmed": counts.get(key, {}).get("unconfirmed", 0),
            }
            for key, alert_list in LISTS.items()
        ]
        for row in context["lists"]:
            row["confirmed"] = row["immediate"] + row["daily"]
        return context


@hooks.register("construct_homepage_panels")
def add_subscriber_counts_panel(request, panels):
    if request.user.has_perm(VIEW_PERMISSION):
        panels.append(SubscriberCountsPanel())
