"""CNS in the Wagtail admin: the service directory, townships and topics as snippets; feedback triage
(an excerpt of each message in the list; assignment to a handler, status and internal notes)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import EditView, IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from portal.exports import ReadableExportMixin
from portal.i18n import localized_fieldnames
from portal.localtime import SiteTimeColumn, with_zone

from .models import ArticleTopic, District, Feedback, FeedbackNote, FeedbackTopic, ServicePlatform, Township
from .models.feedback import NOTE_MAX_LENGTH


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


class FeedbackForm(WagtailAdminModelForm):
    """A handler's triage: who answers, the status, and a new internal note."""

    new_note = forms.CharField(
        label=_("Add an internal note"),
        help_text=_("Seen only by staff who handle feedback; kept with your name and the time."),
        required=False,
        max_length=NOTE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A user in the group twice (directly and by another group) is offered once.
        handlers = self.fields["assigned_to"]
        handlers.queryset = handlers.queryset.distinct().order_by("first_name", "last_name", "username")
        handlers.label_from_instance = lambda user: user.get_full_name() or user.get_username()


def note_lines(notes):
    """Each note's time (Beijing time, zone named), author and text; `notes` with their authors."""
    return [
        {"at": with_zone(note.created_at), "by": note.author.get_username() if note.author else "–", "text": note.text}
        for note in notes
    ]


class FeedbackIndexView(ReadableExportMixin, IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("topic", "township", "assigned_to")
        if self.is_export:
            queryset = queryset.prefetch_related("notes__author")
        return queryset

    def export_notes(self, feedback):
        return "\n".join(f"{line['at']}, {line['by']}: {line['text']}" for line in note_lines(feedback.notes.all()))


class FeedbackDetailsMixin:
    """The message and its notes above the form (edit) or alone (inspect)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        feedback = self.object
        field = Feedback._meta.get_field
        context["details"] = [
            (field("created_at").verbose_name, with_zone(feedback.created_at)),
            (field("topic").verbose_name, feedback.topic),
            (field("township").verbose_name, feedback.township or "–"),
            (field("language").verbose_name, feedback.get_language_display() or "–"),
            (field("name").verbose_name, feedback.name or "–"),
            (field("email").verbose_name, feedback.email or "–"),
            (field("consent").verbose_name, _("Yes") if feedback.consent else _("No")),
        ]
        context["feedback"] = feedback
        context["notes"] = note_lines(feedback.notes.select_related("author"))
        return context


class FeedbackEditView(FeedbackDetailsMixin, EditView):
    template_name = "cns/admin/feedback_edit.html"

    def save_instance(self):
        feedback = super().save_instance()
        text = self.form.cleaned_data.get("new_note", "").strip()
        if text:
            FeedbackNote.objects.create(feedback=feedback, author=self.request.user, text=text)
        return feedback


class FeedbackInspectView(FeedbackDetailsMixin, InspectView):
    template_name = "cns/admin/feedback_inspect.html"


class FeedbackViewSet(ModelViewSet):
    """Staff read and triage residents' messages; only users with the feedback permissions see them."""

    model = Feedback
    index_view_class = FeedbackIndexView
    edit_view_class = FeedbackEditView
    inspect_view_class = FeedbackInspectView
    icon = "mail"
    menu_label = _("Resident feedback")
    menu_order = 260
    add_to_admin_menu = True
    url_prefix = "cns/feedback"
    name = "cns_feedback"
    inspect_view_enabled = True
    list_display = [
        "excerpt",  # the first column links to the message
        SiteTimeColumn("created_at", Feedback._meta.get_field("created_at").verbose_name),
        "topic",
        "township",
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        "assigned_to",
    ]
    list_filter = ["status", "assigned_to", "topic", "township"]
    search_fields = ["message", "name", "email"]
    list_export = [
        "created_at",
        "status",
        "assigned_to",
        "topic",
        "township",
        "language",
        "message",
        "name",
        "email",
        "consent",
        "notes",
    ]
    export_headings = {"notes": _("Internal notes")}
    export_filename = "resident-feedback"
    edit_handler = ObjectList(
        [FieldPanel("assigned_to"), FieldPanel("status"), FieldPanel("new_note")],
        base_form_class=FeedbackForm,
    )


@hooks.register("register_admin_viewset")
def register_feedback_viewset():
    return FeedbackViewSet()
