import json

from django import template
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, override, pgettext

from wagtail.models import Page, Site

from portal import generational, sharing
from portal.examples import ExampleMixin
from portal.i18n import (
    fallback_language,
    html_lang,
    language_urls,
    large_number,
    unprefixed_path,
    untranslated_fields,
    untranslated_parts,
    wholly_untranslated,
)
from portal.menu import main_menu_pages
from portal.preview import preview_language_urls
from portal.search.forms import HeaderSearchForm
from portal.withdrawal import hidden_languages, prime_hidden_languages

register = template.Library()

# The escapes of Django's json_script: nothing in the data can close the script element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """`data` as a schema.org JSON-LD data block (not executed, so the CSP allows it)."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.simple_tag(takes_context=True)
def page_json_ld(context, page):
    """The JSON-LD of a page whose model says what it is (`structured_data(request)`). None for an
    example (`portal.examples`): search engines would show it as a real event or service, without
    the label that tells a reader it is invented."""
    if isinstance(page, ExampleMixin) and page.is_example:
        return ""
    return json_ld(page.structured_data(context.get("request")))


def _shown_page(context):
    """The page whose languages the switcher offers: the page shown, or the one a notice stands in for."""
    return context.get("page") or context.get("withdrawn_page")


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Each language's version of this address; for a language the page is withdrawn in
    (`portal.withdrawal`), that language's home page, and the switcher says so in that language."""
    request = context["request"]
    current = get_language()
    hidden = hidden_languages(_shown_page(context))
    # A preview's address is the page's public one, which a draft does not have yet.
    previews = preview_language_urls(request, _shown_page(context))
    languages = []
    for code, name, url in language_urls(request.get_full_path()):
        entry = {"code": code, "name": name, "url": url, "current": code == current, "note": ""}
        if previews is not None:
            if code not in previews and code != current:
                continue
            entry["url"] = previews.get(code, "")
        elif code in hidden and code != current:
            with override(code):
                entry.update(url=reverse("wagtail_serve", args=[""]), note=gettext("(home page)"))
        languages.append(entry)
    return {"languages": languages}


@register.inclusion_tag("includes/alternate_links.html", takes_context=True)
def alternate_links(context):
    """hreflang alternates of the languages this page is shown in; x-default is the unprefixed
    address (which picks by the browser's language) only while every language is shown."""
    request = context["request"]
    hidden = hidden_languages(_shown_page(context))
    alternates = [
        (code, sharing.absolute(request, url)) for code, _name, url in language_urls(request.path) if code not in hidden
    ]
    if hidden:
        x_default = alternates[0][1] if alternates else ""
    else:
        x_default = sharing.absolute(request, unprefixed_path(request.path))
    return {"alternates": alternates, "x_default": x_default}


register.simple_tag(html_lang, name="html_lang")
register.filter("large_number", large_number)


@register.simple_tag
def translation_pending(instance):
    """The language shown instead when the visitor's language lacks text, else ""."""
    if instance is not None and untranslated_fields(instance):
        return settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    return ""


@register.simple_tag
def page_translation(page):
    """How far `page` is translated into the visitor's language, for the notice above its content:
    `whole` is the language the page is shown in instead when nothing on it is translated (the
    content is then marked so as a whole); otherwise `parts` names what is still shown in English,
    each part marked on its own where the template shows it (lang_if_fallback)."""
    if page is None or not hasattr(page, "specific_class"):
        return {"whole": "", "parts": []}
    if wholly_untranslated(page):
        return {"whole": html_lang(settings.MODELTRANSLATION_DEFAULT_LANGUAGE), "parts": []}
    return {"whole": "", "parts": pgettext("list separator", ", ").join(map(str, untranslated_parts(page)))}


@register.filter
def lang_if_fallback(instance, field="title"):
    """` lang="en"` where `field` shows the English because the visitor's language has no text, so
    that a screen reader reads it as English on a Chinese page; else nothing."""
    language = fallback_language(instance, field)
    return format_html(' lang="{}"', html_lang(language)) if language else ""


@register.filter
def in_shown_language(instance, field="name"):
    """The text of `field`, inside `<span lang="en">` when it is the English shown for missing
    text, for a name that sits within a sentence of the visitor's language."""
    language = fallback_language(instance, field)
    text = getattr(instance, field)
    return format_html('<span lang="{}">{}</span>', html_lang(language), text) if language else conditional_escape(text)


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None, trail=None):
    """Ancestors of `page` from the home page, then any extra (title, url[, fallback language]) steps of a view."""
    steps = []
    if page is not None:
        request = context.get("request")
        # The pages the request was routed through (portal.routing), when it was routed to this page.
        ancestors = getattr(page, "routed_ancestors", None)
        if ancestors is None:
            ancestors = list(page.get_ancestors(inclusive=True).filter(depth__gt=1))
            prime_hidden_languages(ancestors)
        # A section withdrawn in this language is named but not linked: its address shows a notice.
        language = get_language()
        steps = [
            (
                ancestor.title,
                None if language in hidden_languages(ancestor) else ancestor.get_url(request),
                fallback_language(ancestor, "title"),
            )
            for ancestor in ancestors
            if ancestor.depth > 1
        ]
    steps += [(title, url, fallback[0] if fallback else "") for title, url, *fallback in trail or []]
    return {"crumbs": [(title, url, html_lang(language) if language else "") for title, url, language in steps]}


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The main menu, rendered once per content generation for each section a page is in (the
    one whose link is current) and language (`portal.generational`)."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return ""
    home = site.root_page
    current = context.get("page")
    section = current.path[: len(home.path) + Page.steplen] if current is not None else ""

    def render():
        # Read with the page, when the request was routed to it (portal.routing).
        items = getattr(current, "routed_menu", None)
        if items is None:
            items = main_menu_pages(home)
        shown = [(item, section.startswith(item.path)) for item in items]
        return render_to_string("includes/main_menu.html", {"request": request, "home": home, "items": shown})

    return generational.kept(("main-menu", request.get_host(), get_language(), section), render)


@register.simple_tag
def header_search_form():
    return HeaderSearchForm()


@register.inclusion_tag("includes/page_meta.html", takes_context=True)
def page_meta(context):
    """Description, canonical address and Open Graph tags of the page shown (`portal.sharing`);
    without a page (search, error pages) the site's own."""
    trail = context.get("breadcrumb_trail") or ()
    return {"share": sharing.page_sharing(context.get("request"), context.get("page"), trail)}


@register.filter
def share_qr(address):
    """`address` (a page's absolute URL) as an inline SVG QR code, for phones to scan."""
    return sharing.address_qr(address)


@register.filter
def iso_datetime(value):
    """A <time datetime=""> value in local time to the second: HTML's checker refuses microseconds."""
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()


class KeptNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        request = context.get("request")
        try:
            host = request.get_host() if request is not None else ""
        except DisallowedHost:
            return self.nodelist.render(context)  # the 400 page of a host the site does not serve
        key = ("fragment", self.name, host, get_language(), *(str(value.resolve(context)) for value in self.vary_on))
        return generational.kept(key, lambda: mark_safe(self.nodelist.render(context)))  # noqa: S308


@register.tag("kept")
def kept_fragment(parser, token):
    """`{% kept "name" value ... %}…{% endkept %}`: the part of the page between, rendered once per
    content generation (`portal.generational`) for each host, language and set of values, which
    must name everything else it shows that is not content (the page's section, a flag).
    Nothing in it may read the visitor's request beyond those."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' takes the fragment's name.")
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(nodelist, bits[1].strip("\"'"), [parser.compile_filter(bit) for bit in bits[2:]])
