"""A page is served with its site, the site's home page and its contact details read in one query
(portal.serving), and the site chosen is the one Wagtail chooses for the request's host."""

import pytest

from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from portal.factories import StandardPageFactory
from portal.models import OfficeContact
from portal.serving import _site_for
from tests.kit import soup

pytestmark = pytest.mark.django_db


def tables_read(captured):
    return [query["sql"].split(" FROM ", 1)[1].split(" ", 1)[0] for query in captured if " FROM " in query["sql"]]


@pytest.mark.parametrize("prefix", ["en", "zh-hans"])
def test_a_page_reads_the_home_page_and_the_contact_details_with_the_site(client, site, prefix):
    contact = OfficeContact.for_site(site)
    contact.telephone = "+86 21 0000 0000"
    contact.save()
    StandardPageFactory(parent=site.root_page, slug="about")

    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/{prefix}/about/")

    assert "+86 21 0000 0000" in soup(response).select_one("footer.site-footer").get_text()
    tables = tables_read(captured)
    assert '"portal_homepage"' not in tables
    assert '"portal_officecontact"' not in tables


def test_a_site_without_contact_details_yet_gets_them_as_wagtail_makes_them(client, site):
    OfficeContact.objects.filter(site=site).delete()

    assert client.get("/en/").status_code == 200
    assert OfficeContact.objects.filter(site=site).exists()


@pytest.mark.parametrize(
    ("host", "port"),
    [("localhost", "80"), ("news.example.org", "80"), ("news.example.org", "8080"), ("other.example.org", "443")],
)
def test_the_site_chosen_is_wagtails_for_each_host_and_port(home, host, port):
    other_root = Page.get_first_root_node().add_child(instance=Page(title="Other", slug="other"))
    Site.objects.create(hostname="news.example.org", port=80, root_page=other_root)
    Site.objects.create(hostname="news.example.org", port=8080, root_page=other_root, site_name="Alternate port")
    request = RequestFactory().get("/", HTTP_HOST=f"{host}:{port}", SERVER_PORT=port)

    assert _site_for(request) == get_site_for_hostname(host, int(port))


def test_no_site_at_all_is_no_page(client, home):
    Site.objects.all().delete()

    assert client.get("/en/").status_code == 404
