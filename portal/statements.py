"""Queries run from SQL compiled once per process, for the few a page runs every time.

Building a queryset and compiling it to SQL costs Django more than the database spends running
it (about 0.6 ms of the 0.9 of reading one page's specific row). A query whose SQL depends only on
what its caller names (a page type; a page's position and the language) is compiled the first
time and kept, like a compiled template: the statement is run every time and its rows read
afresh, so nothing read from the database is kept.

Only plain querysets of one model qualify: their own columns, no `select_related`, no
annotations, no deferred fields; any other is run as Django runs it.
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
    model, db, sql, compiled_params, columns = statement
    connection = connections[db]
    with connection.cursor() as cursor:
        cursor.execute(sql, compiled_params if params is None else params)
        rows = cursor.fetchall()
    converters = [
        (index, column, convert)
        for index, column in enumerate(columns)
        for convert in connection.ops.get_db_converters(column) + column.get_db_converters(connection)
    ]
    attnames = [column.target.attname for column in columns]
    found = []
    for row in rows:
        if converters:
            row = list(row)
            for index, column, convert in converters:
                row[index] = convert(row[index], column, connection)
        found.append(model.from_db(db, attnames, row))
    return found


def _statements():
    statements = getattr(_compiled, "statements", None)
    if statements is None:
        statements = _compiled.statements = {}
    return statements


def _compile(queryset, params):
    query = queryset.query
    if query.select_related or query.annotations or query.deferred_loading[0] or queryset._prefetch_related_lookups:
        return None
    compiler = query.get_compiler(using=queryset.db)
    sql, compiled_params = compiler.as_sql()
    if params is not None and tuple(compiled_params) != tuple(params):
        return None
    klass_info = compiler.klass_info or {}
    if klass_info.get("related_klass_infos") or compiler.annotation_col_map:
        return None
    columns = [compiler.select[index][0] for index in klass_info.get("select_fields", ())]
    if len(columns) != len(compiler.select) or not all(hasattr(column, "target") for column in columns):
        return None
    return queryset.model, queryset.db, sql, tuple(compiled_params), columns
