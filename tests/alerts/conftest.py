import re

import pytest

from cns.factories import CNSHomePageFactory
from pressroom.factories import PressroomPageFactory


@pytest.fixture(autouse=True)
def _empty_cache(empty_cache):
    """The subscribe form's rate limits live in the cache; every test starts with none counted."""


@pytest.fixture
def pressroom(home):
    return PressroomPageFactory(parent=home)


@pytest.fixture
def cns(home):
    return CNSHomePageFactory(parent=home)


def subscribe_data(email="reporter@example.org", list_key="releases", topic="", frequency="immediate", **extra):
    return {"email": email, "list_key": list_key, "topic": topic, "frequency": frequency, **extra}


def subscribe(client, prefix="en", **data):
    return client.post(f"/{prefix}/alerts/", subscribe_data(**data))


def link(message, route):
    """The address of `route` ("confirm", "manage", "unsubscribe") in an email, as a path."""
    url = re.search(rf"https?://\S+/alerts/{route}/\S+/", message.body).group(0)
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def publish(page, **changes):
    """Publishes `page` as an editor would (a revision), after `changes`."""
    for name, value in changes.items():
        setattr(page, name, value)
    return page.save_revision().publish()
