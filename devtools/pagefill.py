"""Filling a scratch database with pages of every type, for the benchmarks.

It imports no section: page types come from Wagtail (`get_page_models`), and the
content is the demo content (`load_demo_content`, which each app extends) copied many times
with bulk SQL. A page type the demo lacks is created once with its app's factory, found by
module name (`<app>.factories.<Model>Factory`). Copies keep every field, inline child
(ParentalKey) and many-to-many link of the page they copy; titles get a number; they have no
revisions and are not added to the search index (nothing here sends Wagtail's signals).
"""

import importlib
import time
import uuid
from collections import Counter
from itertools import cycle

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone

from modelcluster.fields import ParentalKey
from wagtail.models import Page, get_page_models

from portal.demotools import home_page


def page_types():
    return [model for model in get_page_models() if model is not Page and not model._meta.abstract]


def ensure_seed(stdout):
    """Demo content, plus one page made by its app's factory for any page type the demo lacks."""
    if home_page() is None:
        call_command("load_demo_content", stdout=stdout)
    missing = [model for model in page_types() if not model.objects.live().exists()]
    while missing:  # parents first: a pass creates what it can, the next one what hangs under it
        waiting = []
        for model in missing:
            factory, parent = _factory_for(model), _live_parent_for(model)
            if factory is None or parent is None:
                waiting.append(model)
            else:
                factory(parent=parent).save_revision().publish()
        if len(waiting) == len(missing):
            names = ", ".join(model.__name__ for model in waiting)
            stdout.write(f"Not in the demo content and no factory or parent to make one: {names}.")
            break
        missing = waiting


def _factory_for(model):
    module_name = apps.get_app_config(model._meta.app_label).name + ".factories"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError:
        return None
    return getattr(module, f"{model.__name__}Factory", None)


def _live_parent_for(model):
    for parent_model in model.allowed_parent_page_models():
        if parent_model is Page:
            continue
        parent = parent_model.objects.live().first()
        if parent is not None and model.can_create_at(parent):
            return parent
    return None


def replicable_templates():
    """Per page type that can repeat (no max_count), its live childless pages: the ones copied."""
    templates = {}
    for model in page_types():
        if model.max_count or model.max_count_per_parent:
            continue
        pages = list(model.objects.live().filter(numchild=0).order_by("path"))
        if pages:
            templates[model] = pages
    return templates


def copy_pages(template_pages, count, start_number):
    """`count` copies of the given pages (round robin), each under its template's parent."""
    by_parent = {}
    for number, template in zip(range(start_number, start_number + count), cycle(template_pages), strict=False):
        by_parent.setdefault(template.get_parent().pk, []).append((number, template))
    created = 0
    with transaction.atomic():
        for parent_id, items in by_parent.items():
            created += _copy_under(Page.objects.get(pk=parent_id), items)
    return created


def _copy_under(parent, items):
    last = parent.get_last_child()
    next_index = (Page._str2int(last.path[-Page.steplen :]) if last else 0) + 1
    now = timezone.now()
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    new_pages, templates = [], []
    for offset, (number, template) in enumerate(items):
        values = {f.attname: getattr(template, f.attname) for f in page_fields}
        slug = f"{template.slug}-{number}"
        values.update(
            path=Page._get_path(parent.path, parent.depth + 1, next_index + offset),
            depth=parent.depth + 1,
            numchild=0,
            translation_key=uuid.uuid4(),
            latest_revision_id=None,
            live_revision_id=None,
            has_unpublished_changes=False,
            locked=False,
            locked_at=None,
            locked_by_id=None,
            alias_of_id=None,
            slug=slug,
            url_path=f"{parent.url_path}{slug}/",
            first_published_at=now - timezone.timedelta(minutes=number),
            last_published_at=now - timezone.timedelta(minutes=number),
            latest_revision_created_at=None,
            show_in_menus=False,  # editors put section pages in menus, not every item of a listing
        )
        for field in ("title", "title_en", "draft_title"):
            if values.get(field):
                values[field] = f"{values[field]} {number}"
        if values.get("title_zh_hans"):
            values["title_zh_hans"] = f"{values['title_zh_hans']}（{number}）"
        new_pages.append(Page(**values))
        templates.append(template)
    created = Page.objects.bulk_create(new_pages, batch_size=1000)
    by_template = {}
    for page, template in zip(created, templates, strict=True):
        by_template.setdefault((type(template), template.pk), []).append(page.pk)
    with connection.cursor() as cursor:
        for (model, template_pk), new_ids in by_template.items():
            _copy_rows(cursor, model, template_pk, new_ids)
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(created))
    return len(created)


def _copy_rows(cursor, model, template_pk, new_ids):
    """The specific tables, inline children and many-to-many links of `template_pk`, for each new id."""
    chain = [m for m in [model, *model._meta.get_parent_list()] if m is not Page and not m._meta.abstract]
    rows = [(new_id, template_pk) for new_id in new_ids]
    for concrete in reversed(chain):  # from the table nearest Page down to the model's own
        pk = concrete._meta.pk
        columns = [f.column for f in concrete._meta.local_concrete_fields if f is not pk]
        _insert_select(cursor, concrete._meta.db_table, pk.column, columns, rows)
        for relation in concrete._meta.related_objects:
            if isinstance(relation.field, ParentalKey):
                child = relation.related_model._meta
                fk = relation.field.column
                columns = [f.column for f in child.concrete_fields if not f.primary_key and f.column != fk]
                _insert_select(cursor, child.db_table, fk, columns, rows)
        for m2m in concrete._meta.local_many_to_many:
            through = m2m.remote_field.through._meta
            if through.auto_created:  # a declared through model is a ParentalKey child, copied above
                own = m2m.m2m_column_name()
                columns = [f.column for f in through.concrete_fields if not f.primary_key and f.column != own]
                _insert_select(cursor, through.db_table, own, columns, rows)


def _insert_select(cursor, table, target_column, columns, rows):
    """One row per (new id, template id): the template's row with `target_column` set to the new id."""
    quote = connection.ops.quote_name
    column_list = ", ".join(quote(c) for c in columns)
    sql = (
        f"INSERT INTO {quote(table)} ({quote(target_column)}{', ' if columns else ''}{column_list}) "  # noqa: S608
        f"SELECT %s{', ' if columns else ''}{column_list} FROM {quote(table)} WHERE {quote(target_column)} = %s"
    )
    cursor.executemany(sql, rows)


def copy_objects(model, total, rename_fields=("name", "name_en", "name_zh_hans")):
    """Copies of `model`'s rows until there are `total`, with numbered slugs and names."""
    if not model.objects.exists() and total and (factory := _factory_for(model)) is not None:
        factory()  # none in the demo content: one from the app's factory, to copy
    existing = list(model.objects.order_by("pk"))
    if not existing or len(existing) >= total:
        return 0
    field_names = {f.name for f in model._meta.concrete_fields}
    copies = []
    for number, original in zip(range(1, total - len(existing) + 1), cycle(existing), strict=False):
        copy = _clone(original)
        if "slug" in field_names:
            copy.slug = f"{original.slug}-{number}"[: model._meta.get_field("slug").max_length]
        for name in rename_fields:
            if name in field_names and getattr(copy, name):
                setattr(copy, name, f"{getattr(copy, name)} {number}")
        copies.append(copy)
    model.objects.bulk_create(copies, batch_size=1000)
    return len(copies)


def _clone(instance):
    clone = type(instance)()
    for field in instance._meta.concrete_fields:
        if not field.primary_key:
            setattr(clone, field.attname, getattr(instance, field.attname))
    return clone


def fill(pages, agencies, townships, stdout):
    """Seed, then copy pages until there are `pages` live pages besides the agencies (and the
    tree's root), the copies spread evenly over the repeatable page types; then `agencies`
    agency pages and `townships` townships."""
    started = time.perf_counter()
    backends = {name: {**config, "AUTO_UPDATE": False} for name, config in _search_backends().items()}
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        ensure_seed(stdout)
        templates = replicable_templates()
        agency_model = find_model("agencies", "AgencyPage")
        made = Counter()
        if agency_model in templates:
            agency_templates = templates.pop(agency_model)
            missing = agencies - agency_model.objects.live().count()
            if missing > 0:
                made[agency_model.__name__] += copy_pages(agency_templates, missing, 1)
        if templates:
            others = Page.objects.live().exclude(depth=1)
            if agency_model is not None:
                others = others.not_type(agency_model)
            share, extra = divmod(max(0, pages - others.count()), len(templates))
            for position, (model, model_pages) in enumerate(templates.items()):
                count = share + (1 if position < extra else 0)
                if count:
                    made[model.__name__] += copy_pages(model_pages, count, 1)
        district, township = find_model("cns", "District"), find_model("cns", "Township")
        if district is not None and township is not None:
            copy_objects(district, max(2, district.objects.count()))
            made["Township"] += copy_objects(township, townships)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # as autovacuum would after a bulk load
    return made, time.perf_counter() - started


def _search_backends():
    return settings.WAGTAILSEARCH_BACKENDS


def find_model(app_label, name):
    """The model, or None when its app is not installed."""
    try:
        return apps.get_model(app_label, name)
    except LookupError:
        return None


def townships_summary():
    district, township = find_model("cns", "District"), find_model("cns", "Township")
    if district is None or township is None:
        return "no townships (cns not installed)"
    return f"townships: {township.objects.count()} in {district.objects.count()} districts"
