"""Listings of pages that stay fast as a section grows: sort narrow keys, load whole rows only for those shown.

A page type's rows are wide (titles and texts in every language, StreamField bodies), and
ordering a listing by its date or title sorts every row of the section. Sorting only the
primary keys, then loading the dozen rows a visitor sees by those keys, is still one query,
and the part of its cost that grows with the section is the narrow sort.
"""

from django.core.paginator import Paginator
from django.db.models import F, Func, IntegerField, QuerySet, Subquery

from .statements import instances

_LARGEST_OFFSET = 2**63 - 1


def rows_between(queryset, start, stop):
    """`queryset[start:stop]` in the queryset's order, whole rows loaded for those positions only."""
    return queryset.filter(pk__in=queryset.values("pk")[start:stop])


def _count_of(queryset):
    """The number of rows of `queryset`, as a subquery (COUNT without a GROUP BY: one row)."""
    counted = (
        queryset.order_by().values("pk").annotate(rows=Func(F("pk"), function="COUNT", output_field=IntegerField()))
    )
    return Subquery(counted.values("rows"))


class ListingPaginator(Paginator):
    """A Paginator whose pages load whole rows only for the items on the page (see the module).

    `get_page` reads the page's rows and the listing's count in one query, where Django's counts
    first; only a number past the last page costs a query more (the count, then the last page).
    With `key` (every value the listing's SQL depends on), that query's SQL is compiled once per
    page number (`portal.statements`); its rows are read every time.
    """

    def __init__(self, object_list, per_page, key=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.key = key

    def get_page(self, number):
        if not self._counts_with_rows():
            return super().get_page(number)
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            number = int(number)
        except (TypeError, ValueError):
            number = 1  # as Django's: a page that is not a number is the first
        bottom = (number - 1) * self.per_page
        # A number whose offset SQL cannot hold (past a 64-bit integer: a fuzzer's ?page=) is past
        # the last page too: Django's way counts first and shows the last page.
        if number < 1 or "count" in self.__dict__ or bottom + self.per_page > _LARGEST_OFFSET:
            return super().get_page(number)

        def page_rows():
            return rows_between(self.object_list, bottom, bottom + self.per_page).annotate(
                listing_count=_count_of(self.object_list)
            )

        if self.key is None:
            rows = list(page_rows())
        else:
            rows = instances(("listing", *self.key, self.per_page, number), page_rows)
        if not rows and number > 1:
            return super().get_page(number)
        self.count = rows[0].listing_count if rows else 0
        return self._get_page(rows, number, self)

    def _counts_with_rows(self):
        """Whether a COUNT beside the page's rows counts what Django's count() would."""
        listing = self.object_list
        return (
            isinstance(listing, QuerySet)
            and not (listing.query.distinct or listing.query.combinator)
            and not self.orphans
            and self.allow_empty_first_page
        )

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        if isinstance(self.object_list, QuerySet):
            return self._get_page(rows_between(self.object_list, bottom, top), number, self)
        return self._get_page(self.object_list[bottom:top], number, self)
