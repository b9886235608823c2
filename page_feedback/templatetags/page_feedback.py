"""The feedback snippet of every public page (templates/page_feedback/on_page.html).

It reads only what the template already has (the page, the request), so it adds no query to
any page; the page cache may keep it, as it is the same for every visitor.
"""

from django import template
from django.urls import reverse

from wagtail.models import Page

from ..forms import AnswerForm, is_site_path
from ..views import feedback_url

register = template.Library()


@register.simple_tag(takes_context=True)
def page_feedback(context):
    """The Yes/No form and the report link for the page being shown, or None where none belongs:

    - on the pages of page feedback itself (`page_feedback_off`) and in the admin's preview;
    - on the "Page not found" page (Django's 404 view gives it `request_path`): there is nothing
      to judge, and its address is whatever was typed or followed;
    - outside the language prefixes (/en/, /zh-hans/), where no public page lives.

    A view that is no Wagtail page (the search results) gets it with its path only: never the
    query string, which may hold what a visitor searched for.
    """
    request = context.get("request")
    if (
        request is None
        or context.get("page_feedback_off")
        or "request_path" in context
        or getattr(request, "is_preview", False)
        or not is_site_path(request.path)
    ):
        return None
    page = context.get("page")
    target = {"page": page.pk if isinstance(page, Page) else None, "path": request.path}
    return {
        "form": AnswerForm(initial=target),
        "action": reverse("page_feedback:answer"),
        "report_url": feedback_url("report", target),
    }
