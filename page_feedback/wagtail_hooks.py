"""Page feedback in the Wagtail admin: the report by page, under Reports, for staff who may see it."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import PageFeedbackReportView


class PermittedMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_urls")
def register_page_feedback_report():
    return [path("reports/page-feedback/", PageFeedbackReportView.as_view(), name="page_feedback_report")]


@hooks.register("register_reports_menu_item")
def register_page_feedback_menu_item():
    return PermittedMenuItem(
        _("Page feedback"),
        reverse("page_feedback_report"),
        icon_name="help",
        order=660,
        permission="page_feedback.view_pagefeedback",
    )
