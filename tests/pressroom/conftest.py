import io

import pytest
from PIL import Image

from django.contrib.auth.models import Group
from django.core.cache import cache

from pressroom.factories import PressroomPageFactory


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Credential files go to a throw-away private folder; rate limits start from zero."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def pressroom(home):
    return PressroomPageFactory(parent=home)


def make_staff(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def press_officer(django_user_model):
    return make_staff(django_user_model, "officer", "Press officers")


@pytest.fixture
def editor(django_user_model):
    return make_staff(django_user_model, "editor", "Editors")


@pytest.fixture
def moderator(django_user_model):
    return make_staff(django_user_model, "moderator", "Moderators")


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
