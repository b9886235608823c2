import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# The escapes of Django's json_script: nothing in the data can close the script element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """`data` as a schema.org JSON-LD data block (not executed, so the CSP allows it)."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.simple_tag(takes_context=True)
def agency_json_ld(context, page):
    return json_ld(page.structured_data(context.get("request")))


@register.simple_tag
def letter_anchor(letter):
    """The fragment of a directory letter: letter-a ... letter-z, letter-other for "#"."""
    return f"letter-{letter.lower()}" if letter.isalpha() else "letter-other"
