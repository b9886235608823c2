import re
from io import StringIO

import pytest

from django.core.management import CommandError, call_command
from django.db import connection

from wagtail.models import Page, get_page_models

ROW = re.compile(r"^(?P<label>\S+(?: /\S*)?)\s+(?P<count>\d*)\s+(?P<lang>en|zh-hans)\s+\|(?P<figures>.*)$")


def run(**options):
    out = StringIO()
    call_command("benchmark_pages", stdout=out, **options)
    return out.getvalue()


def test_refuses_a_database_it_was_not_told_about(db):
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="configured database"):
        run(database_name="production")
    assert Page.objects.count() == pages  # nothing was written


def test_fills_every_page_type_and_prints_a_row_per_type_and_language(home):
    output = run(
        database_name=connection.settings_dict["NAME"],
        pages=20,
        agencies=5,
        townships=3,
        rounds=2,
        samples=1,
    )
    rows = {}
    for line in output.splitlines():
        match = ROW.match(line)
        if match:
            rows[(match["label"], match["lang"])] = match["figures"]
    for model in get_page_models():
        if model is Page:
            continue
        for language in ("en", "zh-hans"):
            figures = rows[(model.__name__, language)]
            # no cache: median, p95, queries | cached: median, p95, queries | status
            numbers = re.findall(r"\d+(?:\.\d+)?", figures.split("|")[0])
            assert len(numbers) >= 3, figures
            assert float(numbers[2]) > 0  # an uncached page asks the database
            assert figures.split("|")[-1].strip() == "200", figures
    assert Page.objects.live().type(*[m for m in get_page_models() if m.__name__ == "AgencyPage"]).count() == 5
    assert "townships: 3 in" in output
    assert "live pages:" in output


def test_every_row_counts_the_same_number_of_requests_however_many_pages_its_type_has(home):
    from devtools.timing import measure

    one_page = measure(["/en/"], 7, 0)
    three_pages = measure(["/en/", "/zh-hans/", "/en/"], 7, 0)

    assert one_page["requests"] == three_pages["requests"] == 7
    assert one_page["statuses"] == {200: 7}
