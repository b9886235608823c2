from django import forms
from django.utils.translation import gettext_lazy as _

from portal.forms import FilterForm

MAX_QUERY_LENGTH = 200


class SearchForm(FilterForm):
    q = forms.CharField(
        label=_("Search the site"),
        max_length=MAX_QUERY_LENGTH,
        required=False,
        widget=forms.SearchInput,
        error_messages={"max_length": _("Please use at most %(limit_value)d characters.")},
    )
    section = forms.CharField(required=False)
    page = forms.CharField(required=False)
