"""Building blocks of the demo content.

Each app, the portal included, may have a ``demo`` package that registers a builder with
``@demo_builder(order)``; ``manage.py load_demo_content`` finds them through Django's app registry,
so the portal never imports the sections. Builders only create what is missing and never
overwrite a page that exists, so running the command again changes nothing and keeps
editors' changes.

The text lives in TOML files beside each builder (``read_data``), every translated value written
once per language, side by side::

    title.en = "Get a work permit"
    title.zh_hans = "办理外国人工作许可"

``field_values`` turns such a table into model field values (``title_en``, ``title_zh_hans``): rich
text is written as plain paragraphs separated by blank lines, a StreamField as a list of blocks
(``type`` and the block's fields, or ``text`` for a block that is a single value), times as
Shanghai time (TIME_ZONE).
"""

import tomllib
from pathlib import Path

from django.db import models
from django.utils import timezone

from modeltranslation.settings import AVAILABLE_LANGUAGES
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_lang
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site

from .siteaddress import point_default_site

_BUILDERS = []


def demo_builder(order):
    def register(function):
        _BUILDERS.append((order, function.__module__, function))
        return function

    return register


def registered_builders():
    return [function for _order, _module, function in sorted(_BUILDERS, key=lambda entry: entry[:2])]


def paragraphs(text):
    """Rich-text HTML from plain text whose paragraphs are separated by blank lines."""
    return "".join(f"<p>{paragraph}</p>" for paragraph in text.strip().split("\n\n"))


def ensure_featured_link(home, page, sort_order, **fields):
    """A link to `page` among the home page's featured links, added once."""
    from .models import HomeFeaturedLink

    if not home.featured_links.filter(link_page=page).exists():
        HomeFeaturedLink.objects.create(home_page=home, link_page=page, sort_order=sort_order, **fields)


def ensure_page(parent, model, slug, **fields):
    """The child of `parent` with `slug`, created and published from `fields` if missing."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is not None:
        return page
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_by_slug(model, rows, ordered=False):
    """Objects of `model` from rows of a data file, by slug: each created from its row when missing
    (numbered in their order with `sort_order` when `ordered`), an existing one left as editors made it."""
    objects = {}
    for order, row in enumerate(rows):
        values, slug = without(row, "slug")
        defaults = {**field_values(model, values), **({"sort_order": order} if ordered else {})}
        objects[slug], _created = model.objects.get_or_create(slug=slug, defaults=defaults)
    return objects


def home_page():
    """The site's HomePage, replacing Wagtail's placeholder welcome page on a new database."""
    from .models import HomePage

    site = Site.objects.get(is_default_site=True)
    if isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    return None


def create_home_page(**fields):
    from .models import HomePage

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    placeholder = site.root_page if site else None
    if placeholder is not None and placeholder.specific_class is Page and not placeholder.get_children().exists():
        # Wagtail's "Welcome" page of a new database: it holds the "home" slug and nothing else.
        placeholder.delete()
    home = HomePage(slug="home", **fields)
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    point_default_site(home)
    return home


def read_data(builder_file, name):
    """The TOML file `name`.toml beside the builder's module (pass its ``__file__``)."""
    with Path(builder_file).with_name(f"{name}.toml").open("rb") as data:
        return tomllib.load(data)


def without(table, *keys):
    """A copy of `table` without `keys`, then the value of each key (None where it is absent)."""
    rest = dict(table)
    return (rest, *(rest.pop(key, None) for key in keys))


def language_keys():
    """The key of each language in the data files, as in field names: "en", "zh_hans"."""
    return [build_lang(code) for code in AVAILABLE_LANGUAGES]


def translated(value, language_key):
    """`value` in one language: each table of languages ({en = …, zh_hans = …}), however deeply
    nested, becomes its entry for `language_key` (None where that language has none)."""
    if isinstance(value, dict):
        if value and set(value) <= set(language_keys()):
            return value.get(language_key)
        return {key: translated(item, language_key) for key, item in value.items()}
    if isinstance(value, list):
        return [translated(item, language_key) for item in value]
    return value


def field_values(model, table, refs=None):
    """Field values of `model` from a table of a data file; `refs` maps the names that chooser
    blocks use (a page's slug, a platform's slug) to the objects they stand for."""
    values = {}
    for name, value in table.items():
        field = model._meta.get_field(name)
        if name not in _translated_names(model):
            values[name] = _field_value(field, value, refs or {})
            continue
        for key in language_keys():
            in_language = translated(value, key)
            if in_language is not None:
                values[f"{name}_{key}"] = _field_value(field, in_language, refs or {})
    return values


def _translated_names(model):
    try:
        return translator.get_options_for_model(model).all_fields
    except NotRegistered:
        return {}


def _field_value(field, value, refs):
    if isinstance(field, StreamField):
        return stream_data(field.stream_block, value, refs)
    if isinstance(field, RichTextField):
        return paragraphs(value)
    if isinstance(field, models.DateTimeField) and timezone.is_naive(value):
        return timezone.make_aware(value)  # the data files give Shanghai time (TIME_ZONE)
    return value


class _MissingReference(LookupError):
    pass


def stream_data(stream_block, items, refs):
    """StreamField data from blocks written in one language. A block that chooses something
    `refs` lacks (a page another builder did not make) is left out."""
    data = []
    for item in items:
        item = dict(item)
        kind = item.pop("type")
        block = stream_block.child_blocks[kind]
        try:
            value = _block_value(block, item if isinstance(block, blocks.StructBlock) else item.get("text"), refs)
        except _MissingReference:
            continue
        data.append({"type": kind, "value": value})
    return data


def _block_value(block, value, refs):
    """Every child of a struct block (empty when the data leaves it out), text split into paragraphs
    for rich text, and a chooser's name replaced by the chosen object's id."""
    if isinstance(block, blocks.StructBlock):
        value = value or {}
        return {name: _block_value(child, value.get(name), refs) for name, child in block.child_blocks.items()}
    if isinstance(block, blocks.ListBlock):
        return [_block_value(block.child_block, item, refs) for item in value or ()]
    if isinstance(block, blocks.RichTextBlock):
        return paragraphs(value) if value else ""
    if isinstance(block, blocks.ChooserBlock):
        if value is None:
            return None
        if value not in refs:
            raise _MissingReference(value)
        return refs[value].pk
    return "" if value is None else value
