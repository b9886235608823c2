"""What the public forms share: the form kit (how a form is rendered and what text it takes),
the honeypot, and the sent-once key.

Every public form mixes in `FormKit`, so that Django renders it with the kit's templates in
templates/includes/forms/: a field is its label (optional fields say so), its help text, its
errors and its widget, and Django itself ties the widget to its help and errors
(`aria-describedby`, `aria-invalid`). The page lists the errors above the form with
`includes/forms/error_summary.html`.

Every text field of a kit form refuses what no visitor types but an attacker sends: control
characters (terminal escapes, NUL), invisible formatting (U+202E reversing the text, zero-width
spaces), private-use characters and lone surrogates, and line breaks in a one-line field (a
name with a paragraph below it would reach the emails the Office sends).
"""

import unicodedata
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinLengthValidator
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


# One renderer for every form: given the class, Django makes a renderer per form, and each makes
# its own template engine, which loads and parses every widget template again.
FORM_KIT_RENDERER = FormKitRenderer()


# Zero-width (non-)joiners are part of how emoji and Persian or Indic names are written.
_JOINERS = frozenset("\u200c\u200d")
_UNWANTED_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs"})
_LINE_BREAKS = frozenset("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def visible_length(value):
    """How many characters of `value` a reader sees: no spaces, controls or invisible formatting."""
    return sum(1 for char in value if not char.isspace() and unicodedata.category(char) not in _UNWANTED_CATEGORIES)


class VisitorText:
    """The check every text field of a kit form runs on what the visitor typed."""

    def __init__(self, multiline):
        self.multiline = multiline

    def __call__(self, value):
        if not self.multiline and any(char in _LINE_BREAKS for char in value):
            raise ValidationError(_("Please write this on one line."), code="line_break")
        for char in value:
            if char in _JOINERS or (self.multiline and char in "\r\n\t"):
                continue
            if unicodedata.category(char) in _UNWANTED_CATEGORIES or char in _LINE_BREAKS:
                raise ValidationError(_("This field contains characters that are not allowed."), code="control")
        if value and not visible_length(value):
            raise ValidationError(_("Please write something readable here, not only spaces."), code="invisible")

    def __eq__(self, other):
        return isinstance(other, VisitorText) and other.multiline == self.multiline


class MinVisibleLengthValidator(MinLengthValidator):
    """A minimum length counted in characters a reader sees, so ten zero-width spaces are not ten."""

    def clean(self, x):
        return visible_length(x)


class FormKit:
    """Renders a form with the kit, and checks its text fields. Mix it in before `forms.Form` or
    `forms.ModelForm`.

    `mark_optional`: optional fields say "(optional)" after their label and required ones say
    nothing (the GOV.UK convention); a filter, whose fields are all optional, sets it False.
    `checks_visitor_text`: every visible text field takes only `VisitorText` (one line, or
    several in a textarea).
    """

    default_renderer = FORM_KIT_RENDERER
    template_name_label = "includes/forms/label.html"
    error_css_class = "field--error"
    mark_optional = True
    checks_visitor_text = True

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")  # "Full name", not "Full name:"
        super().__init__(*args, **kwargs)
        if self.checks_visitor_text:
            for field in self.fields.values():
                if isinstance(field, forms.CharField) and not field.widget.is_hidden:
                    field.validators.append(VisitorText(multiline=isinstance(field.widget, forms.Textarea)))


class FilterForm(FormKit, forms.Form):
    """A GET form that narrows a listing: each field optional, and none marked so. A value it
    does not know narrows nothing instead of raising an error."""

    mark_optional = False
    checks_visitor_text = False


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
