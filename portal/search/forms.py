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


class HeaderSearchForm(SearchForm):
    """The search box in every page's header: the results page's query field, on one line with
    its button (templates/search/header_form.html), its label for screen readers only."""

    section = None
    page = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="site-search-%s", **kwargs)
        query = self.fields["q"]
        query.widget.attrs.update({"class": "site-search__input", "autocomplete": "off", "placeholder": query.label})
