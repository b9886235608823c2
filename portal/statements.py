"""Queries run from SQL compiled once per process, for the few a page runs every time.

Building a queryset and compiling it to SQL costs Django more than the database spends running
it (about 0.6 ms of the 0.9 of reading one page's specific row). A query whose SQL depends only on
what its caller names (a page type; a page's position and the language) is compiled the first
time and kept, like a compiled template: the statement is run every time and its rows read
afresh, so nothing read from the database is kept.

Only querysets of one model qualify: their own columns and annotations, no `select_related`,
no deferred fields; any other is run as Django runs it.
"""

import threading

from django.db import connections

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
        if len(statements) >= _KEPT:
            statements.clear()
        statements[key] = statement
    return _run(statement, statement[3] if params is None else params)


def _run(statement, params):
    model, db, sql, _compiled_params, columns, annotations = statement
    connection = connections[db]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    converters = [
        (index, column, convert)
        for index, column in enumerate(columns)
        for convert in connection.ops.get_db_converters(column) + column.get_db_converters(connection)
    ]
    fields = len(columns) - len(annotations)
    attnames = [column.target.attname for column in columns[:fields]]
    found = []
    for row in rows:
        if converters:
            row = list(row)
            for index, column, convert in converters:
                row[index] = convert(row[index], column, connection)
        instance = model.from_db(db, attnames, row[:fields])
        # As Django's ModelIterable sets them: after the instance is made.
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
        markers = tuple(f"\x00portal-statement-value-{index}\x00" for index in range(len(values)))
        statement = _placed(build(*markers), markers)
        if statement is None:
            return list(build(*values))
        if len(statements) >= _KEPT:
            statements.clear()
        statements[key] = statement
    compiled, places = statement
    params = tuple(
        values[place] if place is not None else param for place, param in zip(places, compiled[3], strict=True)
    )
    return _run(compiled, params)


def _placed(queryset, markers):
    compiled = _compile(queryset, None)
    if compiled is None:
        return None
    where = {marker: index for index, marker in enumerate(markers)}
    places = tuple(where.get(param) if isinstance(param, str) else None for param in compiled[3])
    placed = {place for place in places if place is not None}
    stray = any(
        isinstance(param, str) and place is None and any(marker in param for marker in markers)
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
    if query.select_related or query.deferred_loading[0] or queryset._prefetch_related_lookups:
        return None
    compiler = query.get_compiler(using=queryset.db)
    sql, compiled_params = compiler.as_sql()
    if params is not None and tuple(compiled_params) != tuple(params):
        return None
    klass_info = compiler.klass_info or {}
    if klass_info.get("related_klass_infos") or query.extra_select:
        return None
    select_fields = list(klass_info.get("select_fields", ()))
    annotations = tuple(sorted(compiler.annotation_col_map.items(), key=lambda item: item[1]))
    # The model's columns first, then the annotations', each once: the layout `_run` reads.
    if select_fields != list(range(len(select_fields))) or [index for _name, index in annotations] != list(
        range(len(select_fields), len(compiler.select))
    ):
        return None
    columns = [column for column, _sql, _alias in compiler.select]
    if not all(hasattr(column, "target") for column in columns[: len(select_fields)]):
        return None
    return queryset.model, queryset.db, sql, tuple(compiled_params), columns, annotations
