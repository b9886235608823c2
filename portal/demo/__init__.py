"""Demo content of the portal itself: the home page, "About the Office" and the footer contact.

The text is in ``home.toml`` and ``about.toml`` beside this module (facts of the Office's "About us",
seed 000, retold in the project's words).
"""

from wagtail.models import Site

from portal.demotools import (
    create_home_page,
    demo_builder,
    ensure_featured_link,
    ensure_page,
    field_values,
    home_page,
    read_data,
    without,
)

from ..models import HomeFeaturedLink, HomePage, OfficeContact, StandardPage


def office_responsibilities():
    """The Office's responsibilities, each a table with its ``text`` in every language."""
    return read_data(__file__, "about")["responsibilities"]


@demo_builder(order=0)
def build_home_and_about():
    data = read_data(__file__, "home")
    home = home_page() or create_home_page(**field_values(HomePage, data["home"]))

    about = read_data(__file__, "about")
    page, link = without(about["about"], "featured_link")
    items = [item["text"] for item in about["responsibilities"]]
    page["body"] = [{**block, "items": items} if block["type"] == "numbered_list" else block for block in page["body"]]
    about_page = ensure_page(home, StandardPage, **field_values(StandardPage, page))
    ensure_featured_link(home, about_page, **field_values(HomeFeaturedLink, link))

    contact = OfficeContact.for_site(Site.objects.get(is_default_site=True))
    if not contact.office_name_en:
        for name, value in field_values(OfficeContact, data["office_contact"]).items():
            setattr(contact, name, value)
        contact.save()
