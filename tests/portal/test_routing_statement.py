"""Routing's query runs from SQL compiled once per path shape (portal.routing): for every path
it reads the rows, withdrawals and restrictions Django's own query for that path reads."""

import pytest

from wagtail.models import Page, PageViewRestriction

from portal.factories import StandardPageFactory
from portal.routing import _walk_rows, route_from
from portal.statements import _statements
from portal.withdrawal import PageLanguageWithdrawal

pytestmark = pytest.mark.django_db

ANNOTATIONS = ("restricted", "withdrawn_in_0", "withdrawn_in_1")


def described(rows):
    return [(row.pk, row.url_path, row.live, *(bool(getattr(row, name)) for name in ANNOTATIONS)) for row in rows]


@pytest.fixture
def tree(home):
    section = StandardPageFactory(parent=home, slug="section", show_in_menus=True)
    pages = {
        "live": StandardPageFactory(parent=section, slug="live"),
        "draft": StandardPageFactory(parent=section, slug="draft", live=False),
        "private": StandardPageFactory(parent=section, slug="private"),
        "withdrawn": StandardPageFactory(parent=section, slug="withdrawn"),
        "axb": StandardPageFactory(parent=section, slug="axb"),
    }
    PageViewRestriction.objects.create(page=pages["private"], restriction_type=PageViewRestriction.LOGIN)
    PageLanguageWithdrawal.objects.create(page=pages["withdrawn"], language="zh-hans")
    for slug in ("100%", "a_b", "中文"):
        Page.objects.filter(pk=StandardPageFactory(parent=section).pk).update(
            slug=slug, url_path=f"/home/section/{slug}/"
        )
    return home


def django_rows(root, components):
    prefixes = [
        root.url_path + "".join(f"{slug}/" for slug in components[:depth]) for depth in range(1, 1 + len(components))
    ]
    ancestors = [root.path[:end] for end in range(Page.steplen, len(root.path) + 1, Page.steplen)]
    return described(_walk_rows(root, ancestors, tuple(dict.fromkeys(components)), prefixes))


@pytest.mark.parametrize(
    "components",
    [
        [],
        ["section"],
        ["nowhere"],
        ["section", "draft"],
        ["section", "private"],
        ["section", "withdrawn"],
        ["section", "100%"],
        ["section", "a_b"],
        ["section", "a%"],
        ["section", "中文"],
        ["section", "section"],
        ["section", "live", "deeper"],
    ],
)
def test_the_walk_reads_the_rows_djangos_query_reads(tree, rf, components):
    root = tree.specific
    # Another path of the same shape first, so that this one runs the statement kept.
    try:
        route_from(root, rf.get("/"), ["x"] * len(components))
    except Exception:
        pass
    key = ("route", root.pk, root.path, root.depth, root.url_path)
    assert any(kept[:5] == key for kept in _statements())

    seen = []
    original = _walk_rows.__globals__["placed_instances"]

    def spy(key, build, values):
        rows = original(key, build, values)
        seen.append(described(rows))
        return rows

    _walk_rows.__globals__["placed_instances"] = spy
    try:
        try:
            route_from(root, rf.get("/"), components)
        except Exception:
            pass
    finally:
        _walk_rows.__globals__["placed_instances"] = original
    assert seen == [django_rows(root, components)]


@pytest.mark.parametrize(
    "path",
    [
        "/en/section/live/",
        "/zh-hans/section/live/",
        "/en/section/draft/",
        "/en/section/private/",
        "/en/section/withdrawn/",
        "/zh-hans/section/withdrawn/",
        "/en/section/nowhere/",
        "/en/section/a_b/",
        "/en/section/a%5Fb/",
        "/en/section/a%25b/",
        "/en/section/100%25/",
        "/en/section/%E4%B8%AD%E6%96%87/",
        "/zh-hans/section/%E4%B8%AD%E6%96%87/",
        "/en/section/axb/",
        "/en/section/a_c/",
        "/en/section/live",
        "/en/section//live/",
    ],
)
def test_a_path_is_answered_as_djangos_own_query_answers_it(tree, client, monkeypatch, path):
    client.get("/en/section/other/")  # the same shape, compiled first
    response = client.get(path)
    answered = (response.status_code, response.get("Location"), response.content)

    monkeypatch.setattr("portal.routing.placed_instances", lambda key, build, values: list(build(*values)))
    response = client.get(path)
    assert (response.status_code, response.get("Location"), response.content) == answered


def test_a_live_page_and_a_slug_with_like_wildcards_are_found(tree, client):
    client.get("/en/section/other/")
    assert client.get("/en/section/live/").status_code == 200
    assert client.get("/en/section/a_b/").status_code == 200
    assert client.get("/en/section/a_c/").status_code == 404
    assert client.get("/en/section/draft/").status_code == 404
