"""The admin's *Languages* screen of a page: which languages it is shown in (`portal.withdrawal`).

Reached from the page's header menu and its row's menu in the page explorer. Like the page's
privacy, it takes effect at once, without a new revision, so it asks what publishing asks: the
permission to publish the page.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from .withdrawal import hidden_languages, language_codes, language_label, language_name, set_hidden_languages


class PageLanguagesForm(forms.Form):
    shown = forms.MultipleChoiceField(
        label=_("Shown in"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Untick a language to withdraw the page from it: its listings, search, feeds and the sitemap "
            "leave it out, and its address in that language points visitors to the languages it is shown in. "
            "This takes effect at once."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["shown"].choices = [(code, language_name(code)) for code in language_codes()]

    def clean_shown(self):
        shown = self.cleaned_data["shown"]
        if not shown:
            raise forms.ValidationError(
                _("Choose at least one language. To take the page down in every language, unpublish it.")
            )
        return shown


def may_choose_languages(page, user):
    return not page.is_root() and page.permissions_for_user(user).can_publish()


class PageLanguagesView(WagtailAdminTemplateMixin, FormView):
    form_class = PageLanguagesForm
    template_name = "portal/admin/page_languages.html"
    page_title = _("Languages")
    header_icon = "globe"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific
        if not may_choose_languages(self.page, request.user):
            return permission_denied(request)
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_initial(self):
        hidden = hidden_languages(self.page)
        return {"shown": [code for code in language_codes() if code not in hidden]}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]), "label": self.get_page_subtitle()},
            {"url": "", "label": self.page_title},
        ]

    def next_url(self):
        candidate = self.request.POST.get("next") or self.request.GET.get("next", "")
        if candidate and url_has_allowed_host_and_scheme(candidate, {self.request.get_host()}):
            return candidate
        return reverse("wagtailadmin_pages:edit", args=[self.page.pk])

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs, page=self.page, next_url=self.next_url())

    def form_valid(self, form):
        shown = set(form.cleaned_data["shown"])
        hidden = [code for code in language_codes() if code not in shown]
        withdrawn, restored = set_hidden_languages(self.page, hidden, user=self.request.user)
        names = {code: language_label(code) for code in language_codes()}
        title = self.page.get_admin_display_title()
        for code in withdrawn:
            messages.success(
                self.request,
                gettext("“%(title)s” is withdrawn in %(language)s.") % {"title": title, "language": names[code]},
            )
        for code in restored:
            messages.success(
                self.request,
                gettext("“%(title)s” is shown again in %(language)s.") % {"title": title, "language": names[code]},
            )
        return redirect(self.next_url())
