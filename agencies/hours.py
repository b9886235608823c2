"""Office hours as structure (days and time ranges), written out in each language's conventions.

English: "Monday to Friday, 9:00–11:30 and 13:00–17:30".
Chinese: "周一至周五 9:00—11:30，13:00—17:30".
The patterns are gettext strings, so a new language brings its own conventions in its catalogue.
"""

from django.db import models
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext, pgettext_lazy


class Weekday(models.IntegerChoices):
    # ISO numbering, Monday first, as in China and in schema.org's DayOfWeek order.
    MONDAY = 1, pgettext_lazy("office hours", "Monday")
    TUESDAY = 2, pgettext_lazy("office hours", "Tuesday")
    WEDNESDAY = 3, pgettext_lazy("office hours", "Wednesday")
    THURSDAY = 4, pgettext_lazy("office hours", "Thursday")
    FRIDAY = 5, pgettext_lazy("office hours", "Friday")
    SATURDAY = 6, pgettext_lazy("office hours", "Saturday")
    SUNDAY = 7, pgettext_lazy("office hours", "Sunday")


SCHEMA_DAYS = {day.value: f"https://schema.org/{day.name.capitalize()}" for day in Weekday}


def clock(value):
    """24-hour time without a leading zero on the hour: 9:00, 13:30."""
    return f"{value.hour}:{value.minute:02d}"


def day_range_text(first_day, last_day):
    first = Weekday(first_day).label
    if not last_day or last_day == first_day:
        return str(first)
    return pgettext("office hours: range of days", "%(first)s to %(last)s") % {
        "first": first,
        "last": Weekday(last_day).label,
    }


def time_range_text(opens, closes):
    return pgettext("office hours: range of times", "%(opens)s–%(closes)s") % {
        "opens": clock(opens),
        "closes": clock(closes),
    }


def join_ranges(texts):
    if len(texts) < 2:
        return "".join(texts)
    separator = pgettext("office hours: between time ranges", ", ")
    last_separator = pgettext("office hours: before the last time range", " and ")
    return separator.join(texts[:-1]) + last_separator + texts[-1]


def _join_ranges_html(texts):
    if len(texts) < 2:
        return mark_safe("".join(texts))  # noqa: S308 - the parts are escaped HTML
    separator = conditional_escape(pgettext("office hours: between time ranges", ", "))
    last_separator = conditional_escape(pgettext("office hours: before the last time range", " and "))
    return mark_safe(separator.join(texts[:-1]) + last_separator + texts[-1])  # noqa: S308


def group_periods(periods):
    """Periods sharing the same days, in editor order: [((first, last), [period, ...]), ...]."""
    groups = {}
    for period in periods:
        key = (period.first_day, period.last_day or period.first_day)
        groups.setdefault(key, []).append(period)
    return list(groups.items())


def describe(periods):
    """One line of text per group of days, in the active language."""
    lines = []
    for (first_day, last_day), group in group_periods(periods):
        times = join_ranges([time_range_text(period.opens, period.closes) for period in group])
        lines.append(
            pgettext("office hours: days, then their times", "%(days)s, %(times)s")
            % {"days": day_range_text(first_day, last_day), "times": times}
        )
    return lines


def describe_html(periods):
    """The lines of `describe`, with each time range kept on one line (9:00–11:30 never splits)."""
    lines = []
    for (first_day, last_day), group in group_periods(periods):
        ranges = [
            format_html('<span class="hours-range">{}</span>', time_range_text(period.opens, period.closes))
            for period in group
        ]
        pattern = conditional_escape(pgettext("office hours: days, then their times", "%(days)s, %(times)s"))
        line = pattern % {
            "days": format_html('<span class="hours-days">{}</span>', day_range_text(first_day, last_day)),
            "times": _join_ranges_html(ranges),
        }
        lines.append(mark_safe(line))  # noqa: S308 - pattern and values escaped above
    return lines
