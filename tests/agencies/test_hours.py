import datetime
from types import SimpleNamespace

import pytest

from django.core.exceptions import ValidationError
from django.utils import translation

from agencies import hours
from agencies.models import AgencyOfficeHours


def period(first_day, last_day, opens, closes):
    return SimpleNamespace(
        first_day=first_day,
        last_day=last_day,
        opens=datetime.time(*opens),
        closes=datetime.time(*closes),
    )


WEEKDAYS = [period(1, 5, (9, 0), (11, 30)), period(1, 5, (13, 0), (17, 30))]
WITH_SATURDAY = [*WEEKDAYS, period(6, None, (9, 0), (12, 0))]
THREE_RANGES = [period(1, 1, (8, 0), (9, 0)), period(1, 1, (10, 0), (11, 0)), period(1, 1, (14, 5), (15, 0))]


@pytest.mark.parametrize(
    ("language", "periods", "expected"),
    [
        ("en", WEEKDAYS, ["Monday to Friday, 9:00–11:30 and 13:00–17:30"]),
        ("zh-hans", WEEKDAYS, ["周一至周五 9:00—11:30，13:00—17:30"]),
        ("en", WITH_SATURDAY, ["Monday to Friday, 9:00–11:30 and 13:00–17:30", "Saturday, 9:00–12:00"]),
        ("zh-hans", WITH_SATURDAY, ["周一至周五 9:00—11:30，13:00—17:30", "周六 9:00—12:00"]),
        ("en", THREE_RANGES, ["Monday, 8:00–9:00, 10:00–11:00 and 14:05–15:00"]),
        ("zh-hans", THREE_RANGES, ["周一 8:00—9:00，10:00—11:00，14:05—15:00"]),
    ],
)
def test_office_hours_read_as_each_language_writes_them(language, periods, expected):
    with translation.override(language):
        assert hours.describe(periods) == expected


@pytest.mark.parametrize(
    ("fields", "bad_field"),
    [
        ({"first_day": 5, "last_day": 1, "opens": datetime.time(9), "closes": datetime.time(17)}, "last_day"),
        ({"first_day": 1, "last_day": 5, "opens": datetime.time(13), "closes": datetime.time(12)}, "closes"),
    ],
)
def test_impossible_office_hours_are_refused(fields, bad_field):
    with pytest.raises(ValidationError) as error:
        AgencyOfficeHours(**fields).clean()

    assert bad_field in error.value.message_dict


def test_office_hours_html_escapes_translations_and_keeps_each_range_together():
    with translation.override("en"):
        (line,) = hours.describe_html(WEEKDAYS)

    assert line == (
        '<span class="hours-days">Monday to Friday</span>, <span class="hours-range">9:00–11:30</span>'
        ' and <span class="hours-range">13:00–17:30</span>'
    )
