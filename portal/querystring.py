"""Filters read from a listing's query string.

Whatever a visitor (or a crawler) puts in the address must come out as "no such filter", never
as a value the database refuses: an id beyond PostgreSQL's integer, a digit that is not ASCII
("²" passes str.isdigit() but not int()), a NUL in a slug.
"""

from django.core.validators import slug_re

# Primary keys of pages and snippets are PostgreSQL `integer` columns.
MAX_ID = 2**31 - 1


def id_param(query, name):
    """The positive id in `query[name]`, or None when it is missing or could not be an id."""
    value = query.get(name, "")
    # Length first: int() refuses strings of thousands of digits with an error of its own.
    if value.isascii() and value.isdigit() and len(value) <= len(str(MAX_ID)) and 0 < int(value) <= MAX_ID:
        return int(value)
    return None


def slug_param(query, name):
    """The slug in `query[name]`, or "" when it is missing or could not be a slug."""
    value = query.get(name, "")
    return value if slug_re.match(value) else ""
