"""Listings of pages that stay fast as a section grows: sort narrow keys, load whole rows only for those shown.

A page type's rows are wide (titles and texts in every language, StreamField bodies), and
ordering a listing by its date or title sorts every row of the section. Sorting only the
primary keys, then loading the dozen rows a visitor sees by those keys, is still one query,
and the part of its cost that grows with the section is the narrow sort.
"""

from django.core.paginator import Paginator
from django.db.models import QuerySet


def rows_between(queryset, start, stop):
    """`queryset[start:stop]` in the queryset's order, whole rows loaded for those positions only."""
    return queryset.filter(pk__in=queryset.values("pk")[start:stop])


class ListingPaginator(Paginator):
    """A Paginator whose pages load whole rows only for the items on the page (see the module)."""

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if isinstance(self.object_list, QuerySet):
            return self._get_page(rows_between(self.object_list, bottom, top), number, self)
        return self._get_page(self.object_list[bottom:top], number, self)
