"""Tags of the form kit (templates/includes/forms/)."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()

# After a label that ends like a sentence, no colon: "What is it about? Please choose a topic."
SENTENCE_ENDS = tuple(":?.!：？。！")


@register.simple_tag
def error_line(field, error, within=""):
    """A line of the error summary: the field's label, then its error; for a checkbox, whose label
    is a statement, the error alone. `within` names the part of the form that holds the field."""
    if field.widget_type == "checkbox":
        return error
    label = str(field.label)
    if within:
        # Translators: a field within a part of a form, as in "Interview request 2, Topic".
        label = _("%(within)s, %(label)s") % {"within": within, "label": label}
    if label.endswith(SENTENCE_ENDS):
        # Translators: an error after a label that ends in a question mark; no space in Chinese.
        return _("%(label)s %(error)s") % {"label": label, "error": error}
    # Translators: a field's label, then its error, in the list of errors above a form.
    return _("%(label)s: %(error)s") % {"label": label, "error": error}
