import pytest

from agencies.models import AgencyIndexPage, AgencyPage
from portal.models import HomePage, StandardPage


@pytest.mark.parametrize(
    ("child", "parent", "allowed"),
    [
        (AgencyIndexPage, HomePage, True),
        (AgencyPage, AgencyIndexPage, True),
        (AgencyPage, HomePage, False),
        (AgencyPage, StandardPage, False),
        (AgencyPage, AgencyPage, False),
        (StandardPage, AgencyIndexPage, False),
    ],
)
def test_where_agency_pages_may_go(child, parent, allowed):
    assert (parent in child.allowed_parent_page_models()) is allowed


def test_the_directory_takes_only_agency_profiles():
    assert AgencyIndexPage.allowed_subpage_models() == [AgencyPage]
    assert AgencyPage.allowed_subpage_models() == []
