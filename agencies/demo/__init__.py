"""Demo content of the agencies section: the "Government" section, the directory and three agency
profiles. The text is in ``government.toml`` and ``agencies.toml`` beside this module.
"""

from portal.demo import office_responsibilities
from portal.demotools import (
    demo_builder,
    ensure_featured_link,
    ensure_page,
    field_values,
    home_page,
    read_data,
    without,
)
from portal.models import HomeFeaturedLink, StandardPage

from ..models import AgencyIndexPage, AgencyOfficeHours, AgencyOtherName, AgencyPage, AgencyResponsibility

# A profile's inline entries: the key of each in agencies.toml, and its model.
ENTRIES = {
    "responsibilities": AgencyResponsibility,
    "other_names": AgencyOtherName,
    "office_hours": AgencyOfficeHours,
}


@demo_builder(order=10)
def build_agencies():
    home = home_page()
    data = read_data(__file__, "government")
    section, section_body = without(data["government"], "body")
    section_is_new = not StandardPage.objects.child_of(home).filter(slug=section["slug"]).exists()
    government = ensure_page(home, StandardPage, **field_values(StandardPage, section))
    directory_fields, directory_link = without(data["directory"], "featured_link")
    directory = ensure_page(government, AgencyIndexPage, **field_values(AgencyIndexPage, directory_fields))
    visitors_centre = ensure_page(government, StandardPage, **field_values(StandardPage, data["visitors_centre"]))

    # The pages that calls to action name; "About the Office" only when the portal's demo made it.
    pages = {"agencies": directory, "visitors-centre": visitors_centre}
    about = StandardPage.objects.child_of(home).filter(slug="about").first()
    if about is not None:
        pages["about"] = about
    for profile in read_data(__file__, "agencies")["agencies"]:
        _build_profile(directory, profile, pages)

    if section_is_new:
        # The section page points to what it holds; set once, so editors' later changes stay.
        for name, value in field_values(StandardPage, {"body": section_body}, pages).items():
            setattr(government, name, value)
        government.save_revision().publish()
    ensure_featured_link(home, directory, **field_values(HomeFeaturedLink, directory_link))


def _build_profile(directory, profile, pages):
    profile = dict(profile)
    entries = {key: profile.pop(key, []) for key in ENTRIES}
    if profile.pop("responsibilities_of_the_office", False):
        entries["responsibilities"] = office_responsibilities()
    agency = ensure_page(directory, AgencyPage, **field_values(AgencyPage, profile, pages))
    # A new profile gets its entries; an existing one keeps what editors made of them.
    if any(getattr(agency, key).exists() for key in ENTRIES):
        return
    for key, model in ENTRIES.items():
        for order, entry in enumerate(entries[key]):
            model.objects.create(page=agency, sort_order=order, **field_values(model, entry))
    # The live page and its latest revision must show the entries too.
    agency.save_revision().publish()
