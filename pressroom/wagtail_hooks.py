"""Press officers' screens in the Wagtail admin: journalist registrations and their credentials.

Only users with the registration permissions (the "Press officers" group, made by a migration)
see the menu item or open any of these views; registrations are created by journalists on the
site and never added or deleted here (the retention command erases them).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import DeleteView, EditView, HistoryView, IndexView, InspectView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet

from portal.exports import SpreadsheetSafeExportMixin
from portal.permissions import refuse_actions

from .models import JournalistRegistration

# Nobody adds, copies or deletes a registration in the admin.
refuse_actions(JournalistRegistration, "add", "delete")


def user_may_review(user):
    return user.is_active and user.has_perm("pressroom.view_journalistregistration")


class ReviewForm(WagtailAdminModelForm):
    """A press officer's decision: the next status, and the reason when rejecting."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.status
        allowed = [current, *self.instance.allowed_statuses()]
        self.fields["status"].choices = [
            (value, label) for value, label in JournalistRegistration.Status.choices if value in allowed
        ]
        self.fields["rejection_reason"].help_text = _("Required when rejecting; the journalist receives it by email.")

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("status") == JournalistRegistration.Status.REJECTED
            and not cleaned.get("rejection_reason", "").strip()
        ):
            self.add_error("rejection_reason", ValidationError(_("Give the journalist a reason for the rejection.")))
        return cleaned


class RegistrationIndexView(SpreadsheetSafeExportMixin, IndexView):
    def get_base_queryset(self):
        # Registrations reach staff only once the journalist has confirmed the email address.
        return super().get_base_queryset().confirmed()


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
        if registration.status == JournalistRegistration.Status.UNCONFIRMED or (
            self.hide_erased and registration.erased_at
        ):
            raise Http404
        return registration

    def _may_open(self):
        if self.permission_required is not None:
            return self.user_has_permission(self.permission_required)
        if self.any_permission_required is not None:
            return self.user_has_any_permission(self.any_permission_required)
        return True


class RegistrationEditView(ReviewableRegistrationMixin, EditView):
    hide_erased = True

    def save_instance(self):
        new_status = self.form.cleaned_data["status"]
        reason = self.form.cleaned_data.get("rejection_reason", "").strip()
        registration = JournalistRegistration.objects.get(pk=self.object.pk)
        if new_status != registration.status:
            registration.change_status(new_status, by=self.request.user, reason=reason)
        return registration


class RegistrationDeleteView(ReviewableRegistrationMixin, DeleteView):
    pass


class RegistrationHistoryView(ReviewableRegistrationMixin, HistoryView):
    pass


class RegistrationUsageView(ReviewableRegistrationMixin, UsageView):
    pass


class RegistrationInspectView(ReviewableRegistrationMixin, InspectView):
    def get_field_label(self, field_name, field):
        labels = {"interview_requests": _("Interview requests"), "status_changes": _("Status history")}
        return labels.get(field_name) or super().get_field_label(field_name, field)

    def get_credential_display_value(self):
        if not self.object.credential:
            return "-"
        url = reverse("pressroom_credential", args=[self.object.pk])
        return format_html(
            '<a href="{}">{}</a> ({})', url, _("Download the press card scan"), self.object.credential_content_type
        )

    def get_interview_requests_display_value(self):
        requests = self.object.interview_requests.all()
        return format_html(
            "<ol>{}</ol>",
            format_html_join(
                "",
                "<li><strong>{}</strong><br>{}: {}<br>{}: {}<br>{}</li>",
                (
                    (
                        r.topic,
                        _("Agencies"),
                        r.agencies_wished or "-",
                        _("Preferred dates"),
                        r.preferred_dates or "-",
                        r.notes,
                    )
                    for r in requests
                ),
            ),
        )

    def get_status_changes_display_value(self):
        changes = self.object.status_changes.select_related("changed_by")
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{}: {} → {} ({}) {}</li>",
                (
                    (
                        change.changed_at.strftime("%Y-%m-%d %H:%M"),
                        change.get_from_status_display() or "-",
                        change.get_to_status_display(),
                        change.changed_by.get_username() if change.changed_by else _("the journalist"),
                        change.note,
                    )
                    for change in changes
                ),
            ),
        )


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
        "created_at",
    ]
    list_filter = ["status", "language", "created_at"]
    search_fields = ["reference", "full_name", "native_name", "outlet", "email", "press_card_number"]
    search_backend_name = None
    list_export = [
        "reference",
        "status",
        "language",
        *JournalistRegistration.DETAIL_FIELDS,
        "created_at",
        "confirmed_at",
        "closed_at",
        "rejection_reason",
    ]
    export_filename = "journalist-registrations"
    inspect_view_fields = [
        "reference",
        "status",
        "rejection_reason",
        "language",
        *JournalistRegistration.DETAIL_FIELDS,
        "credential",
        "interview_requests",
        "status_changes",
        "created_at",
        "confirmed_at",
        "closed_at",
    ]
    edit_handler = ObjectList(
        [FieldPanel("status"), FieldPanel("rejection_reason")],
        base_form_class=ReviewForm,
    )


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return JournalistRegistrationViewSet()


def credential_download(request, pk):
    """The press card scan, as an attachment, for press officers only."""
    if not user_may_review(request.user):
        raise PermissionDenied
    # As in the admin's views: an unconfirmed registration is not there for staff.
    registration = get_object_or_404(JournalistRegistration.objects.confirmed(), pk=pk)
    if not registration.credential:
        raise Http404
    extension = registration.credential.name.rsplit(".", 1)[-1]
    response = FileResponse(
        registration.credential.open("rb"),
        as_attachment=True,
        filename=f"{registration.reference}.{extension}",
        content_type=registration.credential_content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response


@hooks.register("register_admin_urls")
def register_credential_url():
    return [path("pressroom/credentials/<int:pk>/", credential_download, name="pressroom_credential")]
