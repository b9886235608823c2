"""What the public forms share: the form kit (how a form is rendered), the honeypot, and the
sent-once key.

Every public form mixes in `FormKit`, so that Django renders it with the kit's templates in
templates/includes/forms/: a field is its label (optional fields say so), its help text, its
errors and its widget, and Django itself ties the widget to its help and errors
(`aria-describedby`, `aria-invalid`). The page lists the errors above the form with
`includes/forms/error_summary.html`.
"""

import uuid

from django import forms
from django.forms.renderers import DjangoTemplates
from django.template.loader import get_template
from django.utils.translation import gettext_lazy as _


class FormKitRenderer(DjangoTemplates):
    """Django's form renderer, finding the kit's templates among the site's.

    Django's own widget templates (django/forms/...) come from Django's renderer engine, as
    the site does not install `django.forms`; every other template from the site's engine.
    """

    form_template_name = "includes/forms/form.html"
    field_template_name = "includes/forms/field.html"

    def get_template(self, template_name):
        if template_name.startswith("django/forms/"):
            return super().get_template(template_name)
        return get_template(template_name)


class FormKit:
    """Renders a form with the kit. Mix it in before `forms.Form` or `forms.ModelForm`.

    `mark_optional`: optional fields say "(optional)" after their label and required ones say
    nothing (the GOV.UK convention); a filter, whose fields are all optional, sets it False.
    """

    default_renderer = FormKitRenderer
    template_name_label = "includes/forms/label.html"
    error_css_class = "field--error"
    mark_optional = True

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")  # "Full name", not "Full name:"
        super().__init__(*args, **kwargs)


class FilterForm(FormKit, forms.Form):
    """A GET form that narrows a listing: each field optional, and none marked so."""

    mark_optional = False


class HoneypotField(forms.CharField):
    """A text box people never see (off-screen, out of the tab order, hidden from screen
    readers) and robots fill in."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Leave this field empty"))
        kwargs.setdefault("widget", forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}))
        super().__init__(required=False, max_length=200, template_name="includes/forms/honeypot.html", **kwargs)


class HoneypotForm(forms.Form):
    """A form with the honeypot: a view drops a send that `is_bot()` and answers as if stored."""

    website = HoneypotField()

    def is_bot(self):
        return bool(self.data.get(self.add_prefix("website")))


class SentOnceForm(forms.Form):
    """A hidden key, new each time the form is shown, stored with what the form creates.

    A second send of the same filled-in form (a double click, a retry after a slow answer)
    carries the same key, so it can be answered as the first was instead of stored again
    or refused. A form changed after it was sent (Back, edit, send) carries the old key too,
    but it is a new submission: `same_submission_fields` tell the two apart. The model needs
    a unique, nullable `submission_key` field.
    """

    same_submission_fields = ()

    submission_key = forms.CharField(required=False, max_length=36, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())

    def sent_key(self):
        """The key this send carries; None when missing or mangled, which only turns the check off."""
        try:
            return uuid.UUID(str(self.data.get(self.add_prefix("submission_key"), "")))
        except ValueError:
            return None

    def clean_submission_key(self):
        key = self.sent_key()
        if key is not None and self._stored_with(key) is not None:
            return None  # a changed form sent again: stored as new, without the key it reused
        return key

    def already_stored(self):
        """Whether this very submission was stored by an earlier send of the form."""
        key = self.sent_key()
        stored = self._stored_with(key) if key is not None else None
        return stored is not None and all(
            _comparable(getattr(stored, name)) == _comparable(self.data.get(self.add_prefix(name), ""))
            for name in self.same_submission_fields
        )

    def _stored_with(self, key):
        return self._meta.model._default_manager.filter(submission_key=key).first()


def _comparable(value):
    return " ".join(str(value).split()).casefold()
