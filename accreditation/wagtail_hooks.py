"""Accreditation in the Wagtail admin.

- *Accreditations*: editors and moderators open accreditation on a conference (deadline, places,
  who may apply, notes for the accredited). The list shows counts only: no personal data.
- *Accreditation applications*: press officers only (personal data). Per conference, in the order
  of arrival, with their state; approve or reject with a reason; the door list to print; CSV.
"""

import django_filters

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, DeleteView, EditView, HistoryView, IndexView, InspectView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button

from portal.exports import ReadableExportMixin
from portal.localtime import SiteTimeInspectMixin
from portal.permissions import refuse_actions
from pressroom.models import JournalistRegistration, PressConferencePage

from . import queue
from .models import Accreditation, Application


def may_see_applications(user):
    return user.is_active and user.has_perm("accreditation.view_application")


# Accreditations (editors) -------------------------------------------------------------


class AccreditationsColumn(Column):
    """Counts for everyone; for press officers, links to the applications, the door list and the CSV."""

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        counts = _("%(holding)s of %(quota)s places taken, %(waiting)s waiting") % {
            "holding": instance.holding_count,
            "quota": instance.quota,
            "waiting": instance.waiting_count,
        }
        request = parent_context.get("request")
        if request is None or not may_see_applications(request.user):
            context["value"] = counts
            return context
        applications = reverse("accreditation_applications:index") + f"?accreditation={instance.pk}"
        context["value"] = format_html(
            '{}<br><a href="{}">{}</a> · <a href="{}">{}</a> · <a href="{}&amp;export=csv">{}</a>',
            counts,
            applications,
            _("Applications"),
            reverse("accreditation_door_list", args=[instance.pk]),
            _("Door list"),
            applications,
            _("CSV"),
        )
        return context


class AccreditationForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:  # applications belong to their conference
            self.fields["conference"].disabled = True


class AccreditationIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().with_counts().select_related("conference")


class AccreditationCreateView(CreateView):
    def get_initial(self):
        # Opened from a conference's editor (its "Open accreditation" button): that conference.
        initial = super().get_initial()
        conference = self.request.GET.get("conference", "")
        if conference.isdigit():
            initial["conference"] = int(conference)
        return initial


class AccreditationDeleteView(DeleteView):
    """An accreditation with applications stays: they are the press officers' record."""

    def get_object(self, *args, **kwargs):
        accreditation = super().get_object(*args, **kwargs)
        if accreditation.applications.exists():
            raise PermissionDenied
        return accreditation


class AccreditationViewSet(ModelViewSet):
    model = Accreditation
    icon = "date"
    menu_label = _("Accreditations")
    name = "accreditations"
    index_view_class = AccreditationIndexView
    add_view_class = AccreditationCreateView
    delete_view_class = AccreditationDeleteView
    copy_view_enabled = False
    list_display = [
        "conference",
        "deadline",
        AccreditationsColumn("places", label=_("Places")),
    ]
    search_fields = None
    edit_handler = ObjectList(Accreditation.panels, base_form_class=AccreditationForm)


@hooks.register("register_page_header_buttons")
def accreditation_button(page, user, view_name, next_url=None):
    """On a conference's editor: its accreditation, or the button that opens one."""
    if page.specific_class is not PressConferencePage or not user.has_perm("accreditation.change_accreditation"):
        return []
    accreditation = Accreditation.objects.filter(conference_id=page.pk).values_list("pk", flat=True).first()
    if accreditation is not None:
        return [
            Button(
                _("Accreditation"),
                url=reverse("accreditations:edit", args=[accreditation]),
                icon_name="date",
                priority=80,
            )
        ]
    if not user.has_perm("accreditation.add_accreditation"):
        return []
    url = reverse("accreditations:add") + f"?conference={page.pk}"
    return [Button(_("Open accreditation"), url=url, icon_name="date", priority=80)]


# Applications (press officers) --------------------------------------------------------


# Applications are made by journalists: never added or deleted here.
refuse_actions(Application, "add", "delete")


class ReviewForm(WagtailAdminModelForm):
    """A press officer's decision: the next state, and the reason when rejecting."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = [self.instance.state, *self.instance.allowed_states()]
        self.fields["state"].choices = [
            (value, label) for value, label in Application.State.choices if value in allowed
        ]
        self.fields["rejection_reason"].help_text = _("Required when rejecting; the journalist receives it by email.")

    def clean(self):
        cleaned = super().clean()
        state = cleaned.get("state")
        if state == Application.State.REJECTED and not cleaned.get("rejection_reason", "").strip():
            self.add_error("rejection_reason", ValidationError(_("Give the journalist a reason for the rejection.")))
        if (
            state == Application.State.APPROVED
            and self.instance.state != state
            and self.instance.registration.status != JournalistRegistration.Status.APPROVED
        ):
            self.add_error("state", ValidationError(_("Approve the journalist's registration first.")))
        return cleaned


class ReviewableMixin:
    """Only what press officers may open: permission first (every ID gets the same refusal), and
    never an application whose registration's email is unconfirmed."""

    def get_object(self, *args, **kwargs):
        if not may_see_applications(self.request.user):
            raise PermissionDenied
        application = super().get_object(*args, **kwargs)
        if application.state == Application.State.UNCONFIRMED:
            raise Http404
        return application


class ApplicationFilterSet(WagtailFilterSet):
    # Each conference's title read with its accreditation, in one query.
    accreditation = django_filters.ModelChoiceFilter(
        queryset=Accreditation.objects.select_related("conference"), label=_("Press conference")
    )

    class Meta:
        model = Application
        fields = ["accreditation", "state"]


class ApplicationIndexView(ReadableExportMixin, IndexView):
    """The list; its exports with labels, Beijing times and a BOM (portal.exports)."""

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .reviewable()
            .select_related("registration", "accreditation__conference")
            .in_order()
        )


class ApplicationEditView(ReviewableMixin, EditView):
    def save_instance(self):
        new_state = self.form.cleaned_data["state"]
        reason = self.form.cleaned_data.get("rejection_reason", "").strip()
        application = Application.objects.get(pk=self.object.pk)
        if new_state != application.state:
            application = queue.change_state(application, new_state, by=self.request.user, reason=reason)
        return application


class ApplicationInspectView(SiteTimeInspectMixin, ReviewableMixin, InspectView):
    pass


class ApplicationHistoryView(ReviewableMixin, HistoryView):
    pass


class ApplicationUsageView(ReviewableMixin, UsageView):
    pass


class ApplicationViewSet(ModelViewSet):
    model = Application
    icon = "user"
    menu_label = _("Accreditation applications")
    name = "accreditation_applications"
    index_view_class = ApplicationIndexView
    edit_view_class = ApplicationEditView
    inspect_view_class = ApplicationInspectView
    history_view_class = ApplicationHistoryView
    usage_view_class = ApplicationUsageView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "position",
        Column("name", label=_("Journalist"), accessor="registration.full_name"),
        Column("outlet", label=_("Media outlet"), accessor="registration.outlet"),
        "media_category",
        Column("state", label=_("State"), accessor="get_state_display", sort_key="state"),
        Column("registration_status", label=_("Registration"), accessor="registration.get_status_display"),
        "accreditation",
    ]
    filterset_class = ApplicationFilterSet
    search_fields = ["registration__reference", "registration__full_name", "registration__outlet"]
    search_backend_name = None
    list_export = [
        "accreditation",
        "position",
        "state",
        "registration.reference",
        "registration.status",
        "registration.full_name",
        "registration.native_name",
        "registration.outlet",
        "registration.outlet_country",
        "registration.nationality",
        "registration.press_card_number",
        "registration.email",
        "registration.phone",
        "media_category",
        "note",
        "language",
        "created_at",
        "queued_at",
        "decided_at",
        "rejection_reason",
    ]
    export_headings = {
        "registration.reference": _("Reference"),
        "registration.status": _("Registration"),
        "registration.full_name": _("Full name"),
        "registration.native_name": _("Name in native script"),
        "registration.outlet": _("Media outlet"),
        "registration.outlet_country": _("Outlet's country or region"),
        "registration.nationality": _("Nationality"),
        "registration.press_card_number": _("Press card number"),
        "registration.email": _("Email"),
        "registration.phone": _("Telephone"),
    }
    export_filename = "accreditation-applications"
    inspect_view_fields = [
        "accreditation",
        "position",
        "state",
        "registration",
        "media_category",
        "note",
        "rejection_reason",
        "language",
        "created_at",
        "queued_at",
        "decided_at",
        "decided_by",
    ]
    edit_handler = ObjectList([FieldPanel("state"), FieldPanel("rejection_reason")], base_form_class=ReviewForm)


class AccreditationGroup(ViewSetGroup):
    menu_label = _("Accreditation")
    menu_icon = "date"
    menu_order = 260
    items = (AccreditationViewSet, ApplicationViewSet)


@hooks.register("register_admin_viewset")
def register_accreditation_viewsets():
    return AccreditationGroup()


def door_list(request, pk):
    """The accredited journalists of one conference, to print for the door."""
    if not may_see_applications(request.user):
        raise PermissionDenied
    accreditation = get_object_or_404(Accreditation.objects.select_related("conference"), pk=pk)
    accredited = (
        accreditation.applications.filter(state=Application.State.APPROVED)
        .select_related("registration")
        .order_by("registration__full_name", "pk")
    )
    response = TemplateResponse(
        request,
        "accreditation/admin/door_list.html",
        {"accreditation": accreditation, "conference": accreditation.conference, "accredited": accredited},
    )
    response["Cache-Control"] = "private, no-store"
    return response


@hooks.register("register_admin_urls")
def register_door_list_url():
    return [path("accreditation/door-list/<int:pk>/", door_list, name="accreditation_door_list")]
