"""The public forms of page feedback, through the form kit (portal.forms).

`AnswerForm` is the Yes/No of every page: the page cache serves that page to everyone, so it
carries no CSRF token and no submission key, only the page, its address and the honeypot.
`ReportForm` is the "Report a problem" page's, which is never cached: CSRF token and sent-once key.
"""

import unicodedata

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from portal.forms import FormKit, HoneypotForm, SentOnceForm

from .models import MESSAGE_MAX_LENGTH, PATH_MAX_LENGTH, PageFeedback

PAGE_ID_MAX = 2**31 - 1


def is_site_path(value):
    """Whether `value` is a path of this site under a language prefix (/en/..., /zh-hans/...): never
    another host, never a character no address has."""
    prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
    return (
        value.startswith(prefixes)
        and len(value) <= PATH_MAX_LENGTH
        and "\\" not in value
        and not any(char.isspace() or unicodedata.category(char).startswith("C") for char in value)
    )


def validate_site_path(value):
    if not is_site_path(value):
        raise ValidationError(_("This is not the address of a page of this site."), code="path")


class PageTarget(forms.Form):
    """Which page the visitor speaks of: its id (none on a page that is no Wagtail page, such as the
    search results) and the address they read it at."""

    page = forms.IntegerField(required=False, min_value=1, max_value=PAGE_ID_MAX, widget=forms.HiddenInput)
    path = forms.CharField(max_length=PATH_MAX_LENGTH, widget=forms.HiddenInput, validators=[validate_site_path])

    def target(self):
        return {"page": self.cleaned_data["page"], "path": self.cleaned_data["path"]}


def reported_page(request, target):
    """The live page `target` names, if its address is the page's own or one of its routes'; else
    None (a forged or stale id is not counted against a page, only against the address)."""
    # Public pages only: these pages show its title to whoever names it.
    page = Page.objects.live().public().filter(pk=target["page"]).first() if target["page"] else None
    url = page.get_url_parts(request) if page is not None else None
    if url is None:
        return None
    path, page_path = target["path"], url[2]
    routable = issubclass(page.specific_class or Page, RoutablePageMixin)
    return page if path == page_path or (routable and path.startswith(page_path)) else None


class AnswerForm(FormKit, HoneypotForm, PageTarget):
    """Is this page useful? The two buttons send `answer`."""

    prefix = "feedback"  # ids unique beside the page's own form (its honeypot is "website" too)
    answer = forms.ChoiceField(choices=[(PageFeedback.Kind.YES, _("Yes")), (PageFeedback.Kind.NO, _("No"))])


class ReportForm(FormKit, HoneypotForm, SentOnceForm, forms.ModelForm):
    """Report a problem with this page: what kind of problem and what went wrong, both optional.
    The page and its address are the report page's query string (views.report)."""

    same_submission_fields = ("message",)

    class Meta:
        model = PageFeedback
        fields = ["problem", "message"]
        labels = {"problem": _("What kind of problem is it?"), "message": _("What went wrong?")}
        widgets = {"problem": forms.RadioSelect, "message": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["problem"].choices = PageFeedback.Problem.choices  # no "---------" radio button
        message = self.fields["message"]
        message.help_text = _(
            "Up to %(max)d characters. Please do not write your name, email, telephone number or other "
            "personal details: these reports get no answer."
        ) % {"max": MESSAGE_MAX_LENGTH}
        message.validators = [v for v in message.validators if not isinstance(v, MaxLengthValidator)] + [
            MaxLengthValidator(
                MESSAGE_MAX_LENGTH,
                message=_("Please shorten this to %(limit_value)d characters (it has %(show_value)d)."),
            )
        ]

    def has_content(self):
        return bool(self.cleaned_data.get("problem") or self.cleaned_data.get("message"))

    def save_once(self, *, page, path, language):
        """Stores the report unless a request carrying the same submission key got there first."""
        report = self.save(commit=False)
        report.kind = PageFeedback.Kind.PROBLEM
        report.page = page
        report.path = path
        report.language = language
        report.submission_key = self.cleaned_data.get("submission_key")
        try:
            with transaction.atomic():
                report.save()
        except IntegrityError:
            if not self.already_stored():
                raise
        return report
