import io

import pytest

from django.core.management import CommandError, call_command
from django.db import connection

pytestmark = pytest.mark.django_db


def test_benchmark_refuses_a_database_it_was_not_told_about(home):
    with pytest.raises(CommandError):
        call_command("benchmark_search", database_name="production", pages=5, stdout=io.StringIO())


def test_benchmark_prints_latency_and_indexing_figures(home):
    out = io.StringIO()

    call_command("benchmark_search", database_name=connection.settings_dict["NAME"], pages=20, rounds=1, stdout=out)

    report = out.getvalue()
    assert "Indexing:" in report and "for 20 pages" in report
    rows = [line.split() for line in report.splitlines() if line.startswith(("en ", "zh-hans "))]
    assert [row[0] for row in rows] == ["en", "zh-hans"]
    assert all(float(row[3]) > 0 for row in rows)  # search median, in ms
