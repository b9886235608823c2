"""The visitor's side of page feedback: the Yes/No answer, the problem report, and the pages
that answer them, each in the visitor's language with a link back to the page they read.

Which page is meant travels in the query string (`page`, `path`), so each of these pages can be
reached from any page in one click, and a report in two.
"""

from django.conf import settings
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from portal.routes import over_rate

from .forms import AnswerForm, PageTarget, ReportForm, reported_page
from .models import PageFeedback


def feedback_url(name, target, **extra):
    """The address of view `name` about `target` ({"page": id or None, "path": path})."""
    query = QueryDict(mutable=True)
    if target.get("page"):
        query["page"] = target["page"]
    query["path"] = target["path"]
    query.update(extra)
    return f"{reverse(f'page_feedback:{name}')}?{query.urlencode(safe='/')}"


def _respond(request, template, target=None, context=None, status=200):
    """One of these pages: never kept by the page cache (the form carries a CSRF token, the back
    link one visitor's address), and without the feedback snippet of other pages."""
    context = {"page_feedback_off": True, **(context or {})}
    if target is not None:
        context |= {
            "reported_page": reported_page(request, target),
            # In the language of this page, should the visitor have switched.
            "back_url": translate_url(target["path"], get_language()),
            "report_url": feedback_url("report", target),
        }
    response = render(request, template, context, status=status)
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    if status == 429:
        response["Retry-After"] = str(settings.PAGE_FEEDBACK_RATE[1])
    return response


def _not_recorded(request):
    """For an address without a (valid) page to speak of: a link broken or tampered with."""
    return _respond(request, "page_feedback/not_recorded.html", status=400)


def _over_rate(request):
    return over_rate(request, "page-feedback", settings.PAGE_FEEDBACK_RATE)


def _target(query):
    target = PageTarget(query)
    return target.target() if target.is_valid() else None


@csrf_exempt  # Yes/No sit on cached pages that can carry no visitor's CSRF token; anonymous, rate-limited, honeypot-trapped.
@require_POST
def answer(request):
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _not_recorded(request)
    target = form.target()
    kind = form.cleaned_data["answer"]
    if not form.is_bot():  # a robot gets the answer a person gets, and stores nothing
        if _over_rate(request):
            return _respond(request, "page_feedback/rate_limited.html", target, status=429)
        PageFeedback.objects.create(
            page=reported_page(request, target), path=target["path"], language=get_language(), kind=kind
        )
    if kind == PageFeedback.Kind.NO:
        return redirect(feedback_url("report", target, answered="no"))
    return redirect(feedback_url("thanks", target))


@require_GET
def thanks(request):
    target = _target(request.GET)
    if target is None:
        return _not_recorded(request)
    return _respond(request, "page_feedback/thanks.html", target)


@require_http_methods(["GET", "HEAD", "POST"])
def report(request):
    """Report a problem with this page. After a "No" (`answered=no`), the same form asks what was
    wrong, and sending it empty stores nothing more than the "No"."""
    target = _target(request.GET)
    if target is None:
        return _not_recorded(request)
    answered_no = request.GET.get("answered") == "no"
    status, rate_limited = 200, False
    if request.method == "POST":
        form = ReportForm(request.POST)
        if form.is_bot():
            return redirect(feedback_url("sent", target))
        if form.is_valid():
            if answered_no and not form.has_content():
                return redirect(feedback_url("thanks", target))
            if form.already_stored():
                return redirect(feedback_url("sent", target))
            if _over_rate(request):
                status, rate_limited = 429, True
            else:
                form.save_once(page=reported_page(request, target), path=target["path"], language=get_language())
                return redirect(feedback_url("sent", target))
        else:
            status = 400
    else:
        form = ReportForm()
    context = {"form": form, "answered_no": answered_no, "rate_limited": rate_limited}
    return _respond(request, "page_feedback/report.html", target, context, status=status)


@require_GET
def sent(request):
    target = _target(request.GET)
    if target is None:
        return _not_recorded(request)
    return _respond(request, "page_feedback/sent.html", target)
