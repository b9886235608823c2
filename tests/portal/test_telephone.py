"""Telephone numbers: stored so that a link dials from abroad, shown as people in Shanghai write them."""

import pytest

from django.core.exceptions import ValidationError

from cns.models import ServicePlatform
from portal.contact import normalized_telephone, tel_uri, telephone_display


@pytest.mark.parametrize(
    ("typed", "stored", "shown"),
    [
        ("23111111", "+862123111111", "021-2311 1111"),  # a Shanghai number without its area code
        ("021-2311 1111", "+862123111111", "021-2311 1111"),
        ("+86 21 2311-1111", "+862123111111", "021-2311 1111"),
        ("(021) 23111111", "+862123111111", "021-2311 1111"),
        ("139 1234 5678", "+8613912345678", "139 1234 5678"),
        ("+65 6000 0000", "+6560000000", "+65 6000 0000"),
        ("12345", "12345", "12345"),  # the city's service hotline: dialled only within China
        ("", "", ""),
    ],
)
def test_a_number_as_typed_is_stored_internationally_and_shown_locally(typed, stored, shown):
    assert normalized_telephone(typed) == stored
    assert telephone_display(stored) == shown


def test_the_link_dials_from_abroad():
    assert tel_uri("+862123111111") == "tel:+862123111111"
    assert tel_uri("12345") == "tel:12345"


@pytest.mark.parametrize("typed", ["2311", "call us", "+86 21", "0000000000000"])
def test_what_is_no_telephone_number_is_refused_with_an_example(typed):
    with pytest.raises(ValidationError) as refused:
        normalized_telephone(typed)
    assert "021-2311 1111" in refused.value.messages[0]


@pytest.mark.django_db
def test_the_admin_form_stores_the_number_it_was_given_in_international_form():
    platform = ServicePlatform(name="Exit-entry administration", slug="exit-entry", telephone="021 2311 1111")

    platform.full_clean()  # what the Wagtail admin's form runs before saving

    assert platform.telephone == "+862123111111"
    assert platform.telephone_display == "021-2311 1111"


@pytest.mark.django_db
def test_the_admin_form_names_the_field_when_the_number_is_wrong():
    platform = ServicePlatform(name="Exit-entry administration", slug="exit-entry", telephone="call us")

    with pytest.raises(ValidationError) as refused:
        platform.full_clean()

    assert list(refused.value.message_dict) == ["telephone"]
