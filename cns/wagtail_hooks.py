"""CNS in the Wagtail admin: the service directory, townships and topics as snippets; feedback triage."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.exports import SpreadsheetSafeExportMixin
from portal.i18n import localized_fieldnames

from .models import ArticleTopic, District, Feedback, FeedbackTopic, ServicePlatform, Township


class ServicePlatformViewSet(SnippetViewSet):
    model = ServicePlatform
    icon = "link"
    menu_label = _("Service platforms")
    list_display = ["name", "url", "sort_order"]
    search_fields = localized_fieldnames("name")


class TownshipViewSet(SnippetViewSet):
    model = Township
    icon = "home"
    menu_label = _("Alliance townships")
    list_display = ["name", "district", "kind", "joined_on"]
    list_filter = ["district", "kind"]
    search_fields = localized_fieldnames("name")


class DistrictViewSet(SnippetViewSet):
    model = District
    icon = "globe"
    menu_label = _("Districts")
    list_display = ["name", "slug", "sort_order"]


class FeedbackTopicViewSet(SnippetViewSet):
    model = FeedbackTopic
    icon = "tag"
    menu_label = _("Feedback topics")
    list_display = ["name", "active", "sort_order"]


class ArticleTopicViewSet(SnippetViewSet):
    model = ArticleTopic
    icon = "tag"
    menu_label = _("Article topics")
    list_display = ["name", "slug"]
    search_fields = localized_fieldnames("name")


class CNSSnippetGroup(SnippetViewSetGroup):
    menu_label = _("City News Service")
    menu_icon = "group"
    menu_order = 250
    items = (ServicePlatformViewSet, TownshipViewSet, DistrictViewSet, FeedbackTopicViewSet, ArticleTopicViewSet)


register_snippet(CNSSnippetGroup)


class FeedbackIndexView(SpreadsheetSafeExportMixin, IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("topic", "township")


class FeedbackViewSet(ModelViewSet):
    """Staff read and triage residents' messages; only users with the feedback permissions see them."""

    model = Feedback
    index_view_class = FeedbackIndexView
    icon = "mail"
    menu_label = _("Resident feedback")
    menu_order = 260
    add_to_admin_menu = True
    url_prefix = "cns/feedback"
    name = "cns_feedback"
    inspect_view_enabled = True
    list_display = ["created_at", "topic", "township", "status", "language"]
    list_filter = ["status", "topic", "township"]
    search_fields = ["message", "name", "email"]
    list_export = [
        "created_at",
        "status",
        "topic",
        "township",
        "language",
        "message",
        "name",
        "email",
        "consent",
        "staff_note",
    ]
    export_filename = "resident-feedback"
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("created_at", read_only=True),
                    FieldPanel("topic", read_only=True),
                    FieldPanel("township", read_only=True),
                    FieldPanel("message", read_only=True),
                    FieldPanel("name", read_only=True),
                    FieldPanel("email", read_only=True),
                    FieldPanel("consent", read_only=True),
                    FieldPanel("language", read_only=True),
                ],
                heading=_("Message"),
            ),
            FieldPanel("status"),
            FieldPanel("staff_note"),
        ]
    )


@hooks.register("register_admin_viewset")
def register_feedback_viewset():
    return FeedbackViewSet()
