"""Checks on a journalist's press-card scan: its type read from its content, its size, and images re-encoded.

Only JPEG, PNG and PDF are accepted, recognised by their first bytes, never by name or by the
browser's declared type. Images are decoded and saved again by Pillow, which drops EXIF and
anything hidden after the image data; images larger than a pixel limit (decompression bombs)
are refused before they are decoded. PDFs are kept as they are once the header is right and
no script is embedded.
"""

import io
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _

SIGNATURES = [
    (b"\xff\xd8\xff", "image/jpeg", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "PNG"),
    (b"%PDF-", "application/pdf", None),
]
PDF_ACTIVE_CONTENT = (b"/JavaScript", b"/JS", b"/Launch", b"/EmbeddedFile")


def max_bytes():
    return settings.PRESSROOM_CREDENTIAL_MAX_BYTES


def sniff(head):
    for signature, content_type, pil_format in SIGNATURES:
        if head.startswith(signature):
            return content_type, pil_format
    return None, None


def clean_credential(upload):
    """A safe copy of `upload` and its content type, or ValidationError with a message for the journalist."""
    if upload.size > max_bytes():
        raise ValidationError(
            _("The file is too large. The limit is %(limit)d MB.") % {"limit": max_bytes() // (1024 * 1024)},
            code="too_large",
        )
    upload.seek(0)
    data = upload.read(max_bytes() + 1)
    if len(data) > max_bytes():
        raise ValidationError(
            _("The file is too large. The limit is %(limit)d MB.") % {"limit": max_bytes() // (1024 * 1024)},
            code="too_large",
        )
    content_type, pil_format = sniff(data[:16])
    if content_type is None:
        raise ValidationError(_("Upload a JPEG or PNG photo or a PDF of your press card."), code="bad_type")
    if content_type == "application/pdf":
        return _clean_pdf(data), content_type
    return _reencode_image(data, pil_format), content_type


def _clean_pdf(data):
    if b"%%EOF" not in data[-1024:]:
        raise ValidationError(_("This PDF file is damaged or incomplete."), code="bad_pdf")
    if any(marker in data for marker in PDF_ACTIVE_CONTENT):
        raise ValidationError(_("PDF files with scripts or embedded files are not accepted."), code="pdf_active")
    return SimpleUploadedFile("credential.pdf", data, content_type="application/pdf")


def _reencode_image(data, pil_format):
    limit = settings.PRESSROOM_CREDENTIAL_MAX_PIXELS
    too_big = ValidationError(_("The image has too many pixels. Send a smaller scan."), code="too_many_pixels")
    unreadable = ValidationError(_("The image cannot be read. Send another JPEG or PNG file."), code="bad_image")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[pil_format]) as image:
                width, height = image.size
                if width * height > limit:
                    raise too_big
                image.load()
                image = ImageOps.exif_transpose(image)
                if pil_format == "JPEG" and image.mode not in ("RGB", "L"):
                    image = image.convert("RGB")
                if pil_format == "PNG" and image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
                    image = image.convert("RGBA")
                output = io.BytesIO()
                # A fresh file: no EXIF (location, device), no trailing bytes, no text chunks.
                if pil_format == "JPEG":
                    image.save(output, format="JPEG", quality=90)
                else:
                    image.save(output, format="PNG", optimize=True)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_big from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise unreadable from None
    extension, content_type = ("jpg", "image/jpeg") if pil_format == "JPEG" else ("png", "image/png")
    return SimpleUploadedFile(f"credential.{extension}", output.getvalue(), content_type=content_type)
