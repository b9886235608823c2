"""What waits for editors and moderators on their dashboard (``portal.dashboard``): problems
visitors reported on pages, not yet handled."""

from django.urls import reverse
from django.utils.translation import ngettext_lazy

from portal.dashboard import Waiting

from .models import PageFeedback

WAITING = [
    Waiting(
        ngettext_lazy(
            "%(count)d problem reported on a page is not handled yet",
            "%(count)d problems reported on pages are not handled yet",
            "count",
        ),
        count=lambda user: PageFeedback.objects.open().filter(kind=PageFeedback.Kind.PROBLEM).count(),
        url=lambda: reverse("page_feedback_report"),
        permission="page_feedback.view_pagefeedback",
        order=310,
    ),
]
