import io

import pytest
from PIL import Image

from pressroom.factories import PressroomPageFactory
from tests.kit import staff_user


@pytest.fixture(autouse=True)
def _empty_cache(empty_cache):
    """Registration rate limits live in the cache; every test starts with none counted.
    (Credential files go to a throw-away private folder: tests/conftest.py sees to that.)"""


@pytest.fixture
def pressroom(home):
    return PressroomPageFactory(parent=home)


@pytest.fixture
def press_officer(db):
    return staff_user("Press officers", username="officer")


@pytest.fixture
def editor(db):
    return staff_user("Editors", username="editor")


@pytest.fixture
def moderator(db):
    return staff_user("Moderators", username="moderator")


def image_bytes(fmt="PNG", size=(40, 30), exif=None):
    buffer = io.BytesIO()
    image = Image.new("RGB", size, (200, 30, 30))
    if exif is not None:
        image.save(buffer, format=fmt, exif=exif)
    else:
        image.save(buffer, format=fmt)
    return buffer.getvalue()


PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)
