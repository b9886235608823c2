"""Queries run from SQL compiled once per process, for the few a page runs every time.

Building a queryset and compiling it to SQL costs Django more than the database spends running
it (about 0.6 ms of the 0.9 of reading one page's specific row). A query whose SQL depends only on
what its caller names (a page type; a page's position and the language) is compiled the first
time and kept, like a compiled template: the statement is run every time and its rows read
afresh, so nothing read from the database is kept.

Only querysets of model instances qualify: their own columns (all, or those not deferred),
annotations and `select_related` models, as Django's ModelIterable reads them; no prefetching, no
related manager's (it sets the instance it was reached from on each row); any other is run as
Django runs it.
"""

import datetime
import threading

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connections
from django.db.models import Prefetch, prefetch_related_objects
from django.db.models.query import ModelIterable, get_related_populators

_KEPT = 256
_compiled = threading.local()  # per thread, as the database connections that run the statements


def instances(key, build, params=None):
    """The model instances of the queryset `build()` returns, as `list(build())` gives them.

    `key` names every value the SQL depends on: the same key must always build the same
    statement. `params`, when given, are the statement's parameters, passed for each run instead
    of being part of the key (a page's id, where every page of a type has the same SQL).
    """
    statements = _statements()
    statement = statements.get(key)
    if statement is None:
        queryset = build()
        statement = _compile(queryset, params)
        if statement is None:
            return list(queryset)
        _keep(statements, key, statement)
    return _run(statement, statement[3] if params is None else params)


def first(key, build):
    """`build().first()`, from a statement compiled once (`instances`): the first instance, or None."""

    def first_only():
        queryset = build()
        return (queryset if queryset.ordered else queryset.order_by("pk"))[:1]  # as first() orders

    found = instances(key, first_only)
    return found[0] if found else None


def children(page, relation, joined=None):
    """`getattr(page, relation).select_related(joined)` as a list, for a page's inline items (a
    ParentalKey's rows): read by a statement compiled once (`instances`), the same SQL for every
    page of a type; a preview's rows still in memory (modelcluster) as the manager gives them."""
    manager = getattr(page, relation)
    if _in_memory(page, relation):
        return list(_rows(manager, joined))
    if relation in getattr(page, "_prefetched_objects_cache", {}):
        return list(manager.all())
    model, key = manager.model, page._meta.get_field(relation).field
    found = instances(
        ("children", model, key.name, joined),
        lambda: _rows(model._default_manager, joined).filter(**{f"{key.name}__in": [page.pk]}),
        params=(page.pk,),
    )
    for row in found:
        # As the manager's rows: each knows the page it was read from.
        key.set_cached_value(row, page)
    return found


def prefetch_children(page, relation, joined=None):
    """`prefetch_related_objects([page], Prefetch(relation, Model.objects.select_related(joined)))`,
    its rows read by `children`, kept where Django's prefetch keeps them, so that the manager's
    `all()` gives them without a query."""
    manager = getattr(page, relation)
    if _in_memory(page, relation):
        prefetch_related_objects([page], Prefetch(relation, _rows(manager.model._default_manager, joined)))
        return
    if relation in getattr(page, "_prefetched_objects_cache", {}):
        return
    queryset = manager._apply_rel_filters(_rows(manager.model._default_manager, joined))
    queryset._result_cache = children(page, relation, joined)
    queryset._prefetch_done = True
    if not hasattr(page, "_prefetched_objects_cache"):
        page._prefetched_objects_cache = {}
    page._prefetched_objects_cache[relation] = queryset


def _in_memory(page, relation):
    """Whether the page's items are modelcluster's, in memory: an unsaved page's, a preview's."""
    return page.pk is None or relation in getattr(page, "_cluster_related_objects", {})


def _rows(manager, joined):
    return manager.select_related(joined) if joined else manager.all()


def _keep(statements, key, statement):
    if len(statements) >= _KEPT:
        statements.clear()
    statements[key] = statement


def _run(statement, params):
    model, db, sql, _compiled_params, converters, layout = statement
    fields, attnames, related_populators, annotations = layout
    connection = connections[db]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    found = []
    for row in rows:
        if converters:
            row = list(row)
            for index, column, convert in converters:
                row[index] = convert(row[index], column, connection)
        instance = model.from_db(db, attnames, row[fields])
        # In the order Django's ModelIterable sets them: joined rows, then annotations.
        for populator in related_populators:
            populator.populate(row, instance)
        for name, index in annotations:
            setattr(instance, name, row[index])
        found.append(instance)
    return found


def placed_instances(key, build, values):
    """`instances` of a queryset whose SQL is the same for every tuple of `values` of one length
    (the slugs of paths of one depth): `build(*values)` gives the queryset. The statement is
    compiled once from stand-ins for the values, and each run passes the values where their
    stand-ins are. A value Django would transform on the way (a LIKE pattern, a cast) leaves no
    stand-in of its own among the parameters: such a queryset is run as Django runs it."""
    statements = _statements()
    statement = statements.get(key)
    if statement is None:
        markers = tuple(_stand_in(value, index) for index, value in enumerate(values))
        statement = _placed(build(*markers), markers)
        if statement is None:
            return list(build(*values))
        _keep(statements, key, statement)
    compiled, places = statement
    params = tuple(
        values[place] if place is not None else param for place, param in zip(places, compiled[3], strict=True)
    )
    return _run(compiled, params)


def _stand_in(value, index):
    """A value of `value`'s type that no query holds otherwise: a text, or a moment (an aware
    datetime; a database whose driver takes it as text finds no stand-in, and runs Django's)."""
    if isinstance(value, datetime.datetime):
        return datetime.datetime(1, 1, 1, 0, 0, 0, 1 + index, tzinfo=datetime.UTC)
    return f"\x00portal-statement-value-{index}\x00"


def _placed(queryset, markers):
    compiled = _compile(queryset, None)
    if compiled is None:
        return None
    where = {marker: index for index, marker in enumerate(markers)}
    places = tuple(where.get(param) if isinstance(param, (str, datetime.datetime)) else None for param in compiled[3])
    placed = {place for place in places if place is not None}
    stray = any(
        isinstance(param, str)
        and place is None
        and any(isinstance(marker, str) and marker in param for marker in markers)
        for place, param in zip(places, compiled[3], strict=True)
    )
    if stray or placed != set(range(len(markers))):
        return None
    return compiled, places


def _statements():
    statements = getattr(_compiled, "statements", None)
    if statements is None:
        statements = _compiled.statements = {}
    return statements


def _compile(queryset, params):
    query = queryset.query
    if (
        query.extra_select
        or queryset._prefetch_related_lookups
        or queryset._known_related_objects
        or queryset._iterable_class is not ModelIterable
    ):
        return None
    compiler = query.get_compiler(using=queryset.db)
    try:
        sql, compiled_params = compiler.as_sql()
    except (EmptyResultSet, FullResultSet):
        return None
    if params is not None and tuple(compiled_params) != tuple(params):
        return None
    klass_info = compiler.klass_info
    if not klass_info or klass_info["model"] is not queryset.model:
        return None
    select_fields = klass_info["select_fields"]
    start, end = select_fields[0], select_fields[-1] + 1
    if list(select_fields) != list(range(start, end)):
        return None
    columns = [column for column, _sql, _alias in compiler.select]
    if not all(hasattr(column, "target") for column in columns[start:end]):
        return None
    # What ModelIterable reads from the compiler, kept with the SQL: the model's columns, the
    # joined models' populators (they hold only the layout of a row) and the annotations'.
    layout = (
        slice(start, end),
        [column.target.attname for column in columns[start:end]],
        get_related_populators(klass_info, compiler.select, queryset.db),
        tuple(compiler.annotation_col_map.items()),
    )
    # The columns' converters, as the compiler gives them (what a column's value becomes in Python).
    connection = connections[queryset.db]
    converters = tuple(
        (index, column, convert)
        for index, column in enumerate(columns)
        for convert in connection.ops.get_db_converters(column) + column.get_db_converters(connection)
    )
    return queryset.model, queryset.db, sql, tuple(compiled_params), converters, layout
