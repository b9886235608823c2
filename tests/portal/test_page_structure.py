"""Every page of the demo site, in both languages, is built as the Nu HTML Checker and a screen
reader expect, and promises nothing it does not keep (issue 18): headings that do not skip a level,
none empty, no section that is only a heading, forms with a real action (or none), ids used once,
and no filter choice that leads to nothing."""

import re
import xml.etree.ElementTree as ET
from collections import Counter
from urllib.parse import urlencode, urljoin, urlsplit

import pytest

from django.core.management import call_command

from tests.kit import soup

pytestmark = pytest.mark.django_db

SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]


@pytest.fixture
def demo_pages(client, home):
    call_command("load_demo_content", verbosity=0)
    root = ET.fromstring(client.get("/sitemap.xml").content)
    paths = [urlsplit(loc.text).path for loc in root.findall("s:url/s:loc", SITEMAP)]
    assert {path.split("/")[1] for path in paths} == {"en", "zh-hans"}
    return {path: soup(client.get(path)) for path in paths}


def heading_jumps(page):
    jumps, previous = [], 0
    for heading in page.find_all(HEADINGS):
        level = int(heading.name[1])
        if level > previous + 1:
            jumps.append(f"h{previous} → {heading.name} “{heading.get_text(' ', strip=True)}”")
        previous = level
    return jumps


def empty_headings(page):
    return [str(heading) for heading in page.find_all(HEADINGS) if not heading.get_text(strip=True)]


def sections_with_only_a_heading(page):
    found = []
    for section in page.find_all("section"):
        heading = section.find(HEADINGS)
        if heading is None or heading.name == "h1":
            continue  # a hero that holds only the page's title is the title, not an empty section
        if section.get_text(strip=True) == heading.get_text(strip=True):
            found.append(heading.get_text(strip=True))
    return found


def empty_actions(page):
    return [str(form)[:120] for form in page.find_all("form") if form.has_attr("action") and not form["action"].strip()]


def duplicate_ids(page):
    counts = Counter(element["id"] for element in page.find_all(id=True))
    return sorted(name for name, count in counts.items() if count > 1)


def structure_problems(demo_pages):
    problems = {}
    for path, page in demo_pages.items():
        found = {
            "heading jumps": heading_jumps(page),
            "empty headings": empty_headings(page),
            "sections with only a heading": sections_with_only_a_heading(page),
            "empty form actions": empty_actions(page),
            "repeated ids": duplicate_ids(page),
        }
        found = {kind: items for kind, items in found.items() if items}
        if found:
            problems[path] = found
    return problems


def result_count(page):
    """The number the listing's status line gives (the count of what the filter found)."""
    status = page.select_one("[role=status]")
    number = re.search(r"\d+", status.get_text()) if status else None
    return int(number.group()) if number else None


def filter_choices_finding_nothing(client, demo_pages):
    empty = []
    for path, page in demo_pages.items():
        for form in page.select("form.filter"):
            action = urljoin(path, form.get("action") or path)
            for select in form.find_all("select"):
                for option in select.find_all("option"):
                    if not option.get("value"):
                        continue  # "all": the unfiltered listing
                    query = urlencode({select["name"]: option["value"]})
                    count = result_count(soup(client.get(f"{action}?{query}")))
                    if count == 0:
                        empty.append(f"{path}: {select['name']}={option['value']} ({option.get_text(strip=True)})")
    return empty


# One test, so that the demo (most of its time) is built once.
def test_demo_pages_keep_to_the_structure_and_offer_no_filter_choice_that_finds_nothing(client, demo_pages):
    assert structure_problems(demo_pages) == {}
    assert filter_choices_finding_nothing(client, demo_pages) == []
