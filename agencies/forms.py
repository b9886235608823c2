from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.forms import FilterForm

from .models.profile import BodyKind


def validate_kind(value):
    if value and value not in BodyKind.values:
        raise ValidationError(_("Choose a kind of body from the list."), code="invalid_choice")


class DirectoryFilterForm(FilterForm):
    """The directory's search box and kind-of-body filter (GET, so a result can be bookmarked)."""

    q = forms.CharField(
        label=_("Name or responsibility"),
        required=False,
        max_length=100,
        widget=forms.SearchInput(attrs={"autocomplete": "off"}),
        error_messages={"max_length": _("Use at most %(limit_value)d characters.")},
    )
    kind = forms.CharField(label=_("Kind of body"), required=False, validators=[validate_kind], widget=forms.Select)

    def __init__(self, *args, kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Offer the kinds some agency has, in the classification's order; a valid kind
        # with no agency (an old bookmark) stays selectable and simply finds nothing.
        offered = set(kinds) | {self.data.get("kind")}
        self.fields["kind"].widget.choices = [("", _("All kinds"))] + [
            (value, label) for value, label in BodyKind.choices if value in offered
        ]

    def filters(self):
        """(query, kind) to apply: the valid parts of the input (a bad part is reported and ignored)."""
        self.is_valid()
        return self.cleaned_data.get("q", "").strip(), self.cleaned_data.get("kind", "")
