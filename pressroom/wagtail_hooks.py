"""Press officers' screens in the Wagtail admin: journalist registrations and their credentials.

Only users with the registration permissions (the "Press officers" group, made by a migration)
see the menu item or open any of these views; registrations are created by journalists on the
site and never added or deleted here (the retention command erases them).

A registration opens on one review screen (the edit view): everything the journalist told, the
interview requests, the press card shown inline, the history of its status, and the decision
buttons (Approve, Reject with a reason, ...) that the workflow allows from its status.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.defaults import permission_denied

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import DeleteView, EditView, HistoryView, IndexView, InspectView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet

from portal.exports import ReadableExportMixin
from portal.localtime import SiteTimeColumn, with_zone
from portal.permissions import refuse_actions

from .models import JournalistRegistration, RegistrationStatusChange

Status = JournalistRegistration.Status

# Nobody adds, copies or deletes a registration in the admin.
refuse_actions(JournalistRegistration, "add", "delete")

# What each decision button says, for the statuses a press officer may set.
DECISION_LABELS = {
    Status.APPROVED: _("Approve"),
    Status.REJECTED: _("Reject"),
    Status.UNDER_REVIEW: _("Mark as under review"),
    Status.WITHDRAWN: _("Withdraw"),
}
INLINE_IMAGE_TYPES = ("image/jpeg", "image/png")


def user_may_review(user):
    return user.is_active and user.has_perm("pressroom.view_journalistregistration")


class ReviewForm(WagtailAdminModelForm):
    """A press officer's decision: the next status, and the reason when rejecting."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.status
        allowed = [current, *self.instance.allowed_statuses()]
        self.fields["status"].choices = [(value, label) for value, label in Status.choices if value in allowed]
        self.fields["rejection_reason"].help_text = _("Required when rejecting; the journalist receives it by email.")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Status.REJECTED and not cleaned.get("rejection_reason", "").strip():
            self.add_error("rejection_reason", ValidationError(_("Give the journalist a reason for the rejection.")))
        return cleaned


class RegistrationIndexView(ReadableExportMixin, IndexView):
    def get_base_queryset(self):
        # Registrations reach staff only once the journalist has confirmed the email address.
        queryset = super().get_base_queryset().confirmed()
        if self.is_export:
            queryset = queryset.prefetch_related("interview_requests")
        return queryset

    def export_interview_requests(self, registration):
        return "\n".join(
            " · ".join(part for part in (r.topic, r.agencies_wished, r.preferred_dates, r.notes) if part)
            for r in registration.interview_requests.all()
        )


class ReviewableRegistrationMixin:
    """Opens only registrations that staff may review: confirmed, and (when editing) not erased.

    Every view of one registration uses it (inspect, edit, delete, history, usage): an
    unconfirmed registration is missing for all of them, as it is for the credential download.
    Wagtail looks the object up before it checks permissions, so the permission is checked
    here first: without it, every ID gets the same refusal, and nobody can tell which
    registrations exist or are still unconfirmed.
    """

    hide_erased = False

    def get_object(self, *args, **kwargs):
        if not self._may_open():
            raise PermissionDenied
        registration = super().get_object(*args, **kwargs)
        if registration.status == Status.UNCONFIRMED or (self.hide_erased and registration.erased_at):
            raise Http404
        return registration

    def _may_open(self):
        if self.permission_required is not None:
            return self.user_has_permission(self.permission_required)
        if self.any_permission_required is not None:
            return self.user_has_any_permission(self.any_permission_required)
        return True


def registration_summary(registration):
    """What the review screen shows of one registration, read in a fixed number of queries."""
    field = JournalistRegistration._meta.get_field

    def row(name, value=None):
        return (field(name).verbose_name, getattr(registration, name) if value is None else value)

    credential = None
    if registration.credential:
        kind = registration.credential_content_type
        credential = {
            "view_url": reverse("pressroom_credential_view", args=[registration.pk]),
            "download_url": reverse("pressroom_credential", args=[registration.pk]),
            "is_image": kind in INLINE_IMAGE_TYPES,
            "is_pdf": kind == "application/pdf",
            "content_type": kind,
        }
    return {
        "registration": registration,
        "journalist": [
            row("full_name"),
            row("native_name"),
            row("nationality"),
            row("working_languages"),
        ],
        "outlet": [row("outlet"), row("outlet_country"), row("position"), row("press_card_number")],
        "contact": [row("email"), row("phone"), row("wechat_id")],
        "record": [
            row("reference"),
            row("status", registration.get_status_display()),
            row("language", registration.get_language_display()),
            row("created_at", with_zone(registration.created_at)),
            row("confirmed_at", with_zone(registration.confirmed_at)),
            row("closed_at", with_zone(registration.closed_at)),
            row("erased_at", with_zone(registration.erased_at)),
        ],
        "requests": list(registration.interview_requests.all()),
        "history": [
            {
                "at": with_zone(change.changed_at),
                "from": change.get_from_status_display(),
                "to": change.get_to_status_display(),
                "by": changed_by(change),
                "note": change.note,
            }
            for change in registration.status_changes.select_related("changed_by")
        ],
        "credential": credential,
    }


class RegistrationEditView(ReviewableRegistrationMixin, EditView):
    """The review screen: the registration in full and the decision form."""

    hide_erased = True
    template_name = "pressroom/admin/review.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(registration_summary(self.object))
        allowed = self.object.allowed_statuses()
        context["decisions"] = [(status, label) for status, label in DECISION_LABELS.items() if status in allowed]
        return context

    def save_instance(self):
        new_status = self.form.cleaned_data["status"]
        reason = self.form.cleaned_data.get("rejection_reason", "").strip()
        registration = JournalistRegistration.objects.get(pk=self.object.pk)
        if new_status != registration.status:
            # The status email goes to the journalist through the mail queue (change_status).
            registration.change_status(new_status, by=self.request.user, reason=reason)
        return registration

    def get_success_message(self):
        return _("%(reference)s is now “%(status)s”; the journalist is told by email.") % {
            "reference": self.object.reference,
            "status": self.object.get_status_display(),
        }


class RegistrationDeleteView(ReviewableRegistrationMixin, DeleteView):
    pass


def changed_by(change):
    return change.changed_by.get_username() if change.changed_by else _("the journalist")


class RegistrationHistoryView(ReviewableRegistrationMixin, HistoryView):
    """Wagtail's History screen of a registration, listing its status changes, newest first.

    They are the registration's history (what the review screen shows too); Wagtail's own log
    has no entries for a registration, which journalists create and the workflow changes.
    """

    filterset_class = None

    @cached_property
    def columns(self):
        field = RegistrationStatusChange._meta.get_field
        return [
            Column("change", label=_("Status change"), accessor=str),
            Column("changed_by", label=capfirst(field("changed_by").verbose_name), accessor=changed_by),
            SiteTimeColumn("changed_at", capfirst(field("changed_at").verbose_name), sort_key=None),
            Column("note", label=capfirst(field("note").verbose_name)),
        ]

    def get_base_queryset(self):
        return self.object.status_changes.select_related("changed_by").order_by("-changed_at", "-pk")


class RegistrationUsageView(ReviewableRegistrationMixin, UsageView):
    pass


class RegistrationInspectView(ReviewableRegistrationMixin, InspectView):
    """The review screen without the decision: for registrations no longer open to one (erased)."""

    template_name = "pressroom/admin/inspect.html"

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), **registration_summary(self.object)}


class JournalistRegistrationViewSet(ModelViewSet):
    model = JournalistRegistration
    icon = "user"
    menu_label = _("Journalist registrations")
    menu_order = 250
    add_to_admin_menu = True
    name = "journalist_registrations"
    index_view_class = RegistrationIndexView
    edit_view_class = RegistrationEditView
    inspect_view_class = RegistrationInspectView
    delete_view_class = RegistrationDeleteView
    history_view_class = RegistrationHistoryView
    usage_view_class = RegistrationUsageView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "reference",
        "full_name",
        "outlet",
        "outlet_country",
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        SiteTimeColumn("created_at", JournalistRegistration._meta.get_field("created_at").verbose_name),
    ]
    list_filter = ["status", "language", "created_at"]
    search_fields = ["reference", "full_name", "native_name", "outlet", "email", "press_card_number"]
    search_backend_name = None
    list_export = [
        "reference",
        "status",
        "language",
        *JournalistRegistration.DETAIL_FIELDS,
        "interview_requests",
        "created_at",
        "confirmed_at",
        "closed_at",
        "rejection_reason",
    ]
    export_headings = {"interview_requests": _("Interview requests")}
    export_filename = "journalist-registrations"
    edit_handler = ObjectList(
        [FieldPanel("status"), FieldPanel("rejection_reason")],
        base_form_class=ReviewForm,
    )


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return JournalistRegistrationViewSet()


def credential_response(request, pk, as_attachment):
    """The press card scan, for press officers only: staff without the permission get 403
    (answered here: the admin would turn a PermissionDenied into a redirect to its dashboard)."""
    if not user_may_review(request.user):
        return permission_denied(request, PermissionDenied())
    # As in the admin's views: an unconfirmed registration is not there for staff.
    registration = get_object_or_404(JournalistRegistration.objects.confirmed(), pk=pk)
    if not registration.credential:
        raise Http404
    extension = registration.credential.name.rsplit(".", 1)[-1]
    response = FileResponse(
        registration.credential.open("rb"),
        as_attachment=as_attachment,
        filename=f"{registration.reference}.{extension}",
        content_type=registration.credential_content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def credential_download(request, pk):
    """The scan as an attachment; a sandbox in case a browser opens it all the same."""
    response = credential_response(request, pk, as_attachment=True)
    if response.status_code == 200:
        response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response


@xframe_options_sameorigin
def credential_view(request, pk):
    """The scan shown inline on the review screen: an <img>, or a PDF in a frame of the admin.

    The PDF viewer does not run in a sandboxed document, so this policy has no `sandbox`; it
    still loads nothing and may be framed by the admin only. Stored PDFs were checked at upload
    to run nothing (pressroom.uploads), and images were written again by Pillow.
    """
    response = credential_response(request, pk, as_attachment=False)
    if response.status_code == 200:
        response["Content-Security-Policy"] = "default-src 'none'; frame-ancestors 'self'"
    return response


@hooks.register("register_admin_urls")
def register_credential_url():
    return [
        path("pressroom/credentials/<int:pk>/", credential_download, name="pressroom_credential"),
        path("pressroom/credentials/<int:pk>/view/", credential_view, name="pressroom_credential_view"),
    ]
