import pytest

from accreditation.factories import AccreditationFactory, ApprovedRegistrationFactory
from pressroom.factories import PressConferencePageFactory, PressroomPageFactory
from tests.kit import staff_user


@pytest.fixture(autouse=True)
def _empty_cache(empty_cache):
    """Rate limits and cached pages live in the cache; every test starts with none."""


@pytest.fixture
def pressroom(home):
    return PressroomPageFactory(parent=home)


@pytest.fixture
def conference(pressroom):
    return PressConferencePageFactory(parent=pressroom, title_en="Spring briefing", title_zh_hans="春季吹风会")


@pytest.fixture
def accreditation(conference):
    return AccreditationFactory(conference=conference, quota=2)


@pytest.fixture
def press_officer(db):
    return staff_user("Press officers", username="officer")


@pytest.fixture
def editor(db):
    return staff_user("Editors", username="editor")


@pytest.fixture
def journalists(db):
    """Registered and approved journalists, each applying in their own language."""
    return [ApprovedRegistrationFactory(language="en"), ApprovedRegistrationFactory(language="zh-hans")] + [
        ApprovedRegistrationFactory() for _ in range(3)
    ]


def apply_with_reference(client, conference, registration, prefix="en", **overrides):
    data = {
        "reference": registration.reference,
        "email": registration.email,
        "media_category": "foreign",
        "note": "",
        **overrides,
    }
    return client.post(f"/{prefix}/press/conferences/{conference.pk}/apply/", data)


def look_up_status(client, registration, prefix="en"):
    return client.post(f"/{prefix}/press/status/", {"reference": registration.reference, "email": registration.email})
