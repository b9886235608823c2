import io
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from pressroom.models import JournalistRegistration
from pressroom.uploads import clean_credential

from .conftest import PDF_BYTES, image_bytes
from .test_registration import register

pytestmark = pytest.mark.django_db


def upload(data, name="card.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def png_claiming_size(width, height):
    """A tiny PNG whose header claims `width` x `height` pixels: a decompression bomb's calling card."""
    raw = image_bytes("PNG", (1, 1))
    ihdr_start = 8 + 8  # signature, then length and type of IHDR
    header = bytearray(raw[ihdr_start : ihdr_start + 13])
    header[0:8] = struct.pack(">II", width, height)
    crc = struct.pack(">I", zlib.crc32(b"IHDR" + bytes(header)) & 0xFFFFFFFF)
    return raw[:ihdr_start] + bytes(header) + crc + raw[ihdr_start + 13 + 4 :]


def test_a_script_renamed_jpg_is_refused(client, pressroom):
    script = upload(b"#!/bin/sh\nrm -rf /\n", "card.jpg", "image/jpeg")

    response = register(client, credential_upload=script)

    assert response.status_code == 400
    assert "JPEG" in response.content.decode()
    assert JournalistRegistration.objects.count() == 0


def test_html_with_an_image_name_is_refused():
    with pytest.raises(ValidationError):
        clean_credential(upload(b"<html><script>alert(1)</script></html>", "card.png", "image/png"))


def test_an_svg_is_refused(client, pressroom):
    svg = upload(
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "card.svg", "image/svg+xml"
    )

    response = register(client, credential_upload=svg)

    assert response.status_code == 400
    assert JournalistRegistration.objects.count() == 0


def test_a_decompression_bomb_is_refused(client, pressroom):
    bomb = upload(png_claiming_size(60000, 60000), "card.png", "image/png")

    response = register(client, credential_upload=bomb)

    assert response.status_code == 400
    assert "too many pixels" in response.content.decode()
    assert JournalistRegistration.objects.count() == 0


def test_an_image_over_the_pixel_limit_is_refused(settings):
    settings.PRESSROOM_CREDENTIAL_MAX_PIXELS = 100

    with pytest.raises(ValidationError) as refused:
        clean_credential(upload(image_bytes("PNG", (20, 20)), "card.png", "image/png"))

    assert refused.value.code == "too_many_pixels"


def test_an_oversized_file_is_refused(client, pressroom, settings):
    settings.PRESSROOM_CREDENTIAL_MAX_BYTES = 2000
    big = upload(image_bytes("JPEG") + b"\0" * 3000)

    response = register(client, credential_upload=big)

    assert response.status_code == 400
    assert JournalistRegistration.objects.count() == 0


def test_a_valid_pdf_is_kept_as_it_is(client, pressroom):
    response = register(client, credential_upload=upload(PDF_BYTES, "card.pdf", "application/pdf"))

    assert response.status_code == 302
    registration = JournalistRegistration.objects.get()
    assert registration.credential_content_type == "application/pdf"
    assert Path(registration.credential.path).read_bytes() == PDF_BYTES


def test_a_pdf_with_javascript_is_refused():
    with pytest.raises(ValidationError):
        clean_credential(
            upload(PDF_BYTES.replace(b"/Catalog", b"/Catalog /OpenAction << /JS (app.alert(1)) >>"), "c.pdf")
        )


def test_a_jpeg_is_re_encoded_without_exif_and_stored_privately(client, pressroom):
    exif = Image.Exif()
    exif[0x010F] = "SecretCamera"  # Make
    exif[0x8825] = {1: "N"}  # GPS
    original = image_bytes("JPEG", (64, 48), exif=exif.tobytes())
    assert b"SecretCamera" in original

    response = register(client, credential_upload=upload(original + b"<?php echo 1; ?>", "photo.JPG"))

    assert response.status_code == 302
    registration = JournalistRegistration.objects.get()
    stored = Path(registration.credential.path)
    data = stored.read_bytes()
    assert b"SecretCamera" not in data and b"<?php" not in data
    assert Image.open(io.BytesIO(data)).size == (64, 48)
    assert str(stored).startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not str(stored).startswith(str(settings.MEDIA_ROOT))
    assert stored.suffix == ".jpg" and "photo" not in stored.name
    with pytest.raises(ValueError):
        _ = registration.credential.url


def test_a_huge_request_is_refused_before_it_is_read(client, pressroom, settings):
    settings.PRESSROOM_CREDENTIAL_MAX_BYTES = 1000

    response = register(client, credential_upload=upload(b"\xff\xd8\xff" + b"0" * (1024 * 1024 + 2048)))

    assert response.status_code == 413
    assert JournalistRegistration.objects.count() == 0
