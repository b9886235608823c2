import pytest

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from tests.kit import soup

pytestmark = pytest.mark.django_db

PROFILE = "/{prefix}/government/agencies/cooperation-and-exchange/"


def edit_form(agency, responsibilities):
    entries = list(agency.other_names.all())
    periods = list(agency.office_hours.all())
    return nested_form_data(
        {
            "title_en": agency.title_en,
            "title_zh_hans": agency.title_zh_hans,
            "slug": agency.slug,
            "short_name_en": agency.short_name_en,
            "short_name_zh_hans": agency.short_name_zh_hans,
            "chinese_sort_name": agency.chinese_sort_name,
            "kind": agency.kind,
            "address_en": agency.address_en,
            "address_zh_hans": agency.address_zh_hans,
            "telephone": agency.telephone,
            "other_names": inline_formset(
                [
                    {
                        "id": e.pk,
                        "relation": e.relation,
                        "name_en": e.name_en,
                        "name_zh_hans": e.name_zh_hans,
                        "ORDER": i,
                    }
                    for i, e in enumerate(entries)
                ],
                initial=len(entries),
            ),
            "responsibilities": inline_formset(responsibilities, initial=len(responsibilities)),
            "office_hours": inline_formset(
                [
                    {
                        "id": p.pk,
                        "first_day": p.first_day,
                        "last_day": p.last_day,
                        "opens": p.opens.strftime("%H:%M"),
                        "closes": p.closes.strftime("%H:%M"),
                        "ORDER": i,
                    }
                    for i, p in enumerate(periods)
                ],
                initial=len(periods),
            ),
            "body_en": streamfield([]),
            "body_zh_hans": streamfield([]),
            "change_notes": inline_formset([]),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )


def test_responsibilities_keep_the_order_an_editor_gives_them(admin_client, client, cooperation_office):
    first, second, third = cooperation_office.responsibilities.all()
    new_order = [third, first, second]
    data = edit_form(
        cooperation_office,
        [
            {"id": entry.pk, "text_en": entry.text_en, "text_zh_hans": entry.text_zh_hans, "ORDER": position}
            for position, entry in ((new_order.index(e) + 1, e) for e in (first, second, third))
        ],
    )

    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[cooperation_office.pk]), data)

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    for prefix, field in (("en", "text_en"), ("zh-hans", "text_zh_hans")):
        items = soup(client.get(PROFILE.format(prefix=prefix))).select(".agency__responsibilities ol > li")
        assert [li.get_text(strip=True) for li in items] == [getattr(entry, field) for entry in new_order]


def test_editor_cannot_save_office_hours_that_close_before_they_open(admin_client, cooperation_office):
    data = edit_form(
        cooperation_office,
        [
            {"id": e.pk, "text_en": e.text_en, "text_zh_hans": e.text_zh_hans, "ORDER": i}
            for i, e in enumerate(cooperation_office.responsibilities.all(), start=1)
        ],
    )
    data["office_hours-0-closes"] = "08:00"

    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[cooperation_office.pk]), data)

    assert response.status_code == 200
    assert "The closing time must be later than the opening time." in response.content.decode()
    cooperation_office.refresh_from_db()
    assert cooperation_office.office_hours.first().closes.hour == 11


def test_editors_get_both_languages_side_by_side_in_the_profile_form(admin_client, cooperation_office):
    page = soup(admin_client.get(reverse("wagtailadmin_pages:edit", args=[cooperation_office.pk])))

    for name in ("title_en", "title_zh_hans", "summary_en", "summary_zh_hans", "address_en", "address_zh_hans"):
        assert page.find(attrs={"name": name}), name
    for prefix in ("responsibilities", "other_names", "office_hours"):
        assert page.find(attrs={"name": f"{prefix}-TOTAL_FORMS"}), prefix
    assert page.find(attrs={"name": "responsibilities-0-text_zh_hans"})
    assert page.find(attrs={"name": "responsibilities-0-ORDER"})
