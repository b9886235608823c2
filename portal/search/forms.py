from django import forms
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the site"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        error_messages={"max_length": _("Please use at most %(limit_value)d characters.")},
    )
    section = forms.CharField(required=False)
    page = forms.CharField(required=False)
