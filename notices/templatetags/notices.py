from django import template
from django.utils.translation import get_language

from ..shown import current_notice

register = template.Library()


@register.inclusion_tag("notices/site_notice.html")
def site_notice():
    """The site notice, when one is live, in the page's language (see notices.shown)."""
    notice = current_notice()
    return {"notice": notice.in_language(get_language()) if notice else None}
