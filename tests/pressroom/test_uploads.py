import io
import struct
import time
import zlib
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, PngImagePlugin

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


def pdf_bytes(open_action=None, object_streams=False, info=None, **root):
    """A one-page PDF written by pikepdf: opening `open_action` (a pikepdf.Dictionary), with extra
    entries `root` in its catalogue, its objects in compressed object streams if `object_streams`."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(243, 153))
    if open_action is not None:
        pdf.Root.OpenAction = pdf.make_indirect(open_action)
    for key, value in root.items():
        pdf.Root[f"/{key}"] = value
    if info:
        pdf.docinfo = pdf.make_indirect(pikepdf.Dictionary({key: pikepdf.String(value) for key, value in info.items()}))
    output = io.BytesIO()
    mode = pikepdf.ObjectStreamMode.generate if object_streams else pikepdf.ObjectStreamMode.disable
    pdf.save(output, object_stream_mode=mode, compress_streams=object_streams)
    return output.getvalue()


def javascript_action():
    return pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(document.cookie)"))


# What the byte search that used to check PDFs looked for: each attack below contains none of it.
OLD_MARKERS = (b"/JavaScript", b"/JS", b"/Launch", b"/EmbeddedFile")


def jpeg_segments(data):
    """The markers of a JPEG's segments up to the image data (0xFE comment, 0xE0-0xEF APPn)."""
    markers, position = [], 2
    while position < len(data) and data[position] == 0xFF:
        marker = data[position + 1]
        markers.append(marker)
        if marker == 0xDA:  # start of scan: the image data follows
            break
        position += 2 + struct.unpack(">H", data[position + 2 : position + 4])[0]
    return markers


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


def test_a_valid_pdf_is_stored_as_a_clean_copy(client, pressroom):
    original = pdf_bytes(info={"/Author": "Scanner App", "/Creator": "Scanner App"})

    response = register(client, credential_upload=upload(original, "card.pdf", "application/pdf"))

    assert response.status_code == 302
    registration = JournalistRegistration.objects.get()
    assert registration.credential_content_type == "application/pdf"
    stored = Path(registration.credential.path).read_bytes()
    with pikepdf.open(io.BytesIO(stored)) as pdf:
        assert len(pdf.pages) == 1
        assert "/Info" not in pdf.trailer
    assert b"Scanner App" not in stored


def test_a_pdf_without_a_page_is_refused_as_damaged():
    with pytest.raises(ValidationError) as refused:
        clean_credential(upload(PDF_BYTES, "card.pdf", "application/pdf"))

    assert refused.value.code == "bad_pdf"


def test_a_pdf_with_javascript_is_refused():
    with pytest.raises(ValidationError) as refused:
        clean_credential(upload(pdf_bytes(javascript_action()), "c.pdf"))

    assert refused.value.code == "pdf_active"


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


def test_a_pdf_whose_script_hides_behind_a_name_escape_is_refused():
    # /J#61vaScript is /JavaScript to every PDF reader.
    attack = pdf_bytes(javascript_action()).replace(b"/JavaScript", b"/J#61vaScript").replace(b"/JS ", b"/J#53 ")
    assert not any(marker in attack for marker in OLD_MARKERS)

    with pytest.raises(ValidationError) as refused:
        clean_credential(upload(attack, "card.pdf", "application/pdf"))

    assert refused.value.code == "pdf_active"


def test_a_pdf_that_launches_a_program_behind_a_name_escape_is_refused():
    launch = pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("C:\\Windows\\System32\\calc.exe"))
    attack = pdf_bytes(launch).replace(b"/Launch", b"/L#61unch")
    assert not any(marker in attack for marker in OLD_MARKERS)

    with pytest.raises(ValidationError) as refused:
        clean_credential(upload(attack, "card.pdf", "application/pdf"))

    assert refused.value.code == "pdf_active"


def test_a_pdf_with_javascript_inside_a_compressed_object_stream_is_refused(client, pressroom):
    attack = pdf_bytes(javascript_action(), object_streams=True)
    assert not any(marker in attack for marker in OLD_MARKERS)

    response = register(client, credential_upload=upload(attack, "card.pdf", "application/pdf"))

    assert response.status_code == 400
    assert "PDF files with scripts or embedded files are not accepted." in response.content.decode()
    assert JournalistRegistration.objects.count() == 0


@pytest.mark.parametrize(
    "active",
    [
        {"AcroForm": pikepdf.Dictionary(Fields=pikepdf.Array())},
        {"Names": pikepdf.Dictionary(EmbeddedFiles=pikepdf.Dictionary(Names=pikepdf.Array()))},
        {
            "AA": pikepdf.Dictionary(
                O=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("https://evil.example"))
            )
        },
    ],
    ids=["form", "embedded files", "additional action"],
)
def test_a_pdf_with_a_form_an_attachment_or_an_additional_action_is_refused(active):
    with pytest.raises(ValidationError) as refused:
        clean_credential(upload(pdf_bytes(**active), "card.pdf", "application/pdf"))

    assert refused.value.code == "pdf_active"


def test_a_pdf_that_expands_beyond_the_decoding_limit_is_refused():
    pdf = pikepdf.new()
    pdf.add_blank_page()
    pdf.Root.Padding = pdf.make_indirect(pikepdf.String(b"A" * (40 * 1024 * 1024)))
    output = io.BytesIO()
    pdf.save(output, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    assert len(output.getvalue()) < 100_000  # 40 MB once decoded

    with pytest.raises(ValidationError) as refused:
        clean_credential(upload(output.getvalue(), "card.pdf", "application/pdf"))

    assert refused.value.code == "bad_pdf"


def test_a_jpeg_comment_does_not_survive_re_encoding(client, pressroom):
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(
        buffer, format="JPEG", comment=b"<html><script>alert(document.cookie)</script></html>"
    )
    original = buffer.getvalue()
    assert 0xFE in jpeg_segments(original)

    response = register(client, credential_upload=upload(original, "photo.jpg"))

    assert response.status_code == 302
    stored = Path(JournalistRegistration.objects.get().credential.path).read_bytes()
    assert b"<script" not in stored
    assert "comment" not in Image.open(io.BytesIO(stored)).info
    # Only the JFIF header (APP0) is left of the segments that can carry metadata.
    assert [marker for marker in jpeg_segments(stored) if marker == 0xFE or 0xE1 <= marker <= 0xEF] == []


def test_a_png_colour_profile_and_text_chunks_are_dropped():
    buffer = io.BytesIO()
    text = PngImagePlugin.PngInfo()
    text.add_text("Comment", "<script>alert(1)</script>")
    Image.new("RGB", (40, 30)).save(buffer, format="PNG", pnginfo=text, icc_profile=b"<script>profile</script>")

    clean, _content_type = clean_credential(upload(buffer.getvalue(), "card.png", "image/png"))

    data = clean.read()
    assert b"<script" not in data and b"iCCP" not in data and b"tEXt" not in data


def test_a_6300_pixel_square_png_is_refused_from_its_header_before_it_is_decoded():
    # 6300 x 6300 is 39.7 million pixels: 2.5 s of CPU and 150 MB to decode, from a 154 KB file.
    # The file below has the header of one and the data of a 1 x 1 image, so decoding it would
    # fail as unreadable: refused for its pixels means refused before decoding.
    started = time.perf_counter()

    with pytest.raises(ValidationError) as refused:
        clean_credential(upload(png_claiming_size(6300, 6300), "card.png", "image/png"))

    assert refused.value.code == "too_many_pixels"
    assert time.perf_counter() - started < 0.5


def test_a_twelve_megapixel_phone_photo_is_still_accepted():
    photo = image_bytes("JPEG", (4032, 3024))

    clean, content_type = clean_credential(upload(photo, "IMG_0001.JPG"))

    assert content_type == "image/jpeg"
    assert Image.open(clean).size == (4032, 3024)


def test_a_pdf_with_more_objects_than_a_scan_has_is_refused_unchecked():
    many = pikepdf.Array([pikepdf.Dictionary(N=number) for number in range(25_000)])

    with pytest.raises(ValidationError) as refused:
        clean_credential(upload(pdf_bytes(Extra=many), "card.pdf", "application/pdf"))

    assert refused.value.code == "pdf_unchecked"


def test_a_password_protected_pdf_is_refused_unchecked():
    pdf = pikepdf.open(io.BytesIO(pdf_bytes()))
    output = io.BytesIO()
    pdf.save(output, encryption=pikepdf.Encryption(owner="owner", user="secret"))

    with pytest.raises(ValidationError) as refused:
        clean_credential(upload(output.getvalue(), "card.pdf", "application/pdf"))

    assert refused.value.code == "pdf_unchecked"
