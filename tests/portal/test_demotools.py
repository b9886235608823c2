"""Demo data files: one table per item, its translated values side by side, made into field values."""

from datetime import UTC, datetime
from types import SimpleNamespace

from cns.models import EventPage
from portal.demotools import field_values
from portal.models import StandardPage


def test_a_value_given_per_language_fills_the_field_of_each_language_given():
    table = {"slug": "about", "title": {"en": "About", "zh_hans": "关于"}, "intro": {"en": "Not translated yet"}}

    assert field_values(StandardPage, table) == {
        "slug": "about",
        "title_en": "About",
        "title_zh_hans": "关于",
        "intro_en": "Not translated yet",
    }


def test_blocks_take_every_child_of_their_kind_and_leave_out_a_link_to_a_missing_page():
    body = [
        {"type": "paragraph", "text": {"en": "One.\n\nTwo.", "zh_hans": "一。"}},
        {"type": "call_to_action", "label": {"en": "Read on", "zh_hans": "阅读"}, "page": "about"},
        {"type": "call_to_action", "label": {"en": "Gone", "zh_hans": "无"}, "page": "not-built"},
    ]

    values = field_values(StandardPage, {"body": body}, refs={"about": SimpleNamespace(pk=7)})

    assert values["body_en"] == [
        {"type": "paragraph", "value": "<p>One.</p><p>Two.</p>"},
        {"type": "call_to_action", "value": {"label": "Read on", "page": 7, "url": ""}},
    ]
    assert values["body_zh_hans"][0] == {"type": "paragraph", "value": "<p>一。</p>"}


def test_times_in_the_data_files_are_shanghai_time():
    values = field_values(EventPage, {"start": datetime(2024, 4, 30, 10, 0)})

    assert values["start"] == datetime(2024, 4, 30, 2, 0, tzinfo=UTC)
