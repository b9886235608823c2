"""Checks on a journalist's press-card scan: its type read from its content, its size, and a clean copy.

Only JPEG, PNG and PDF are accepted, recognised by their first bytes, never by name or by the
browser's declared type. What is stored is never the file as sent but a copy written again from
what was read:

- Images are decoded and saved again by Pillow without any of the original's metadata (EXIF,
  comments, XMP, colour profiles) or anything hidden after the image data. Their size in pixels
  is read from the header and checked before anything is decoded, since decoding costs memory
  and time by the pixel, not by the byte (a 150 KB PNG can hold 40 million pixels).
- PDFs are parsed by qpdf (pikepdf), which reads names as a viewer does (`/J#61vaScript` is
  `/JavaScript`) and the objects inside compressed object streams. A PDF that can run or launch
  anything, carries a form or attached files is refused; any other is written again by qpdf,
  so that the stored file holds only the objects that were checked (no older revisions, no
  unreferenced objects, no bytes after the end), without the document's metadata.
"""

import io
import warnings

import pikepdf
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

# Keys of a PDF dictionary that make the document do something: scripts (also the document's
# /Names tree of them), actions on events (/AA), forms (AcroForm, XFA), attached files, rich media.
PDF_ACTIVE_KEYS = frozenset(
    {"/JS", "/JavaScript", "/AA", "/AcroForm", "/XFA", "/EmbeddedFile", "/EmbeddedFiles", "/RichMedia"}
)
# Values of /S (an action's type), /Type or /Subtype that do the same: running a script, launching
# a program, reaching other files, sending a form, playing media, form fields and attached files.
PDF_ACTIVE_TYPES = frozenset(
    {
        "/JavaScript",
        "/Launch",
        "/GoToR",
        "/GoToE",
        "/SubmitForm",
        "/ImportData",
        "/ResetForm",
        "/Rendition",
        "/Movie",
        "/Sound",
        "/RichMedia",
        "/RichMediaExecute",
        "/Screen",
        "/3D",
        "/Widget",
        "/FileAttachment",
        "/EmbeddedFile",
    }
)
# A scanned card is a handful of objects; walking more than this many would only cost time.
PDF_MAX_OBJECTS = 20_000
# qpdf's own limits for decoding while it reads (object streams are Flate-compressed): a small
# file must not expand into gigabytes. They are process-wide, so they are set once, here.
PDF_DECODE_MAX_MEMORY = 32 * 1024 * 1024
pikepdf.settings.set_qpdf_limits(
    flate_max_memory=PDF_DECODE_MAX_MEMORY,
    png_max_memory=PDF_DECODE_MAX_MEMORY,
    run_length_max_memory=PDF_DECODE_MAX_MEMORY,
    tiff_max_memory=PDF_DECODE_MAX_MEMORY,
    dct_max_memory=PDF_DECODE_MAX_MEMORY,
)


_CONTAINERS = (pikepdf.Dictionary, pikepdf.Array, pikepdf.Stream)


class _PdfTooComplex(Exception):
    """More objects than a scan has (PDF_MAX_OBJECTS)."""


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
    damaged = ValidationError(_("This PDF file is damaged or incomplete."), code="bad_pdf")
    if b"%%EOF" not in data[-1024:]:
        raise damaged
    limit_errors = pikepdf.settings.qpdf_limit_errors()
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            active = _has_active_content(pdf)
            if not active:
                # The document's metadata is the scanning app's, not the card's (as for images).
                for holder, key in ((pdf.trailer, "/Info"), (pdf.Root, "/Metadata")):
                    if key in holder:
                        del holder[key]
                output = io.BytesIO()
                # Streams are copied as they are, never decoded: the copy costs no more than the file.
                pdf.save(
                    output,
                    stream_decode_level=pikepdf.StreamDecodeLevel.none,
                    object_stream_mode=pikepdf.ObjectStreamMode.disable,
                    fix_metadata_version=False,
                    deterministic_id=True,
                )
    except (_PdfTooComplex, pikepdf.PasswordError):
        raise ValidationError(
            _("This PDF cannot be checked. Send a simple scan of your press card as a PDF, JPEG or PNG file."),
            code="pdf_unchecked",
        ) from None
    except (pikepdf.PdfError, ValueError, RuntimeError, OverflowError, OSError):
        # Whatever qpdf cannot read is refused, never stored.
        raise damaged from None
    if active:
        raise ValidationError(_("PDF files with scripts or embedded files are not accepted."), code="pdf_active")
    if pikepdf.settings.qpdf_limit_errors() != limit_errors:
        # Part of the file could not be decoded within the limits, so what was checked is not all
        # of it. (The count is the process's: another upload over a limit at the same moment
        # refuses this one too, and the journalist sends it again.)
        raise damaged
    return SimpleUploadedFile("credential.pdf", output.getvalue(), content_type="application/pdf")


def _has_active_content(pdf):
    """Whether any object reachable from the trailer (what a viewer reads) is active content."""
    seen = pikepdf.ObjectSet()
    pending = [pdf.trailer]
    walked = 0
    while pending:
        node = pending.pop()
        if not seen.add(node):
            continue
        walked += 1
        if walked > PDF_MAX_OBJECTS:
            raise _PdfTooComplex
        if isinstance(node, pikepdf.Array):
            pending.extend(item for item in node if isinstance(item, _CONTAINERS))
            continue
        for key, value in node.items():
            if key in PDF_ACTIVE_KEYS:
                return True
            # An opening action is refused; opening at a page (a destination array) is not an action.
            if key == "/OpenAction" and isinstance(value, pikepdf.Dictionary):
                return True
            if (
                key in ("/S", "/Type", "/Subtype")
                and isinstance(value, pikepdf.Name)
                and str(value) in PDF_ACTIVE_TYPES
            ):
                return True
            if isinstance(value, _CONTAINERS):
                pending.append(value)
    return False


def _reencode_image(data, pil_format):
    limit = settings.PRESSROOM_CREDENTIAL_MAX_PIXELS
    too_big = ValidationError(_("The image has too many pixels. Send a smaller scan."), code="too_many_pixels")
    unreadable = ValidationError(_("The image cannot be read. Send another JPEG or PNG file."), code="bad_image")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[pil_format]) as image:
                # The header's size, before a single pixel is decoded.
                width, height = image.size
                if width * height > limit:
                    raise too_big
                image.load()
                image = ImageOps.exif_transpose(image)
                if pil_format == "JPEG" and image.mode not in ("RGB", "L"):
                    image = image.convert("RGB")
                if pil_format == "PNG" and image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
                    image = image.convert("RGBA")
                # Pillow writes some of the original's metadata again unless it is dropped here: a
                # JPEG's comment (COM segment) and a PNG's colour profile. A palette's transparency
                # is part of the picture.
                image.info = {key: value for key, value in image.info.items() if key == "transparency"}
                output = io.BytesIO()
                # A fresh file: no EXIF (location, device), comments or XMP, no trailing bytes, no text chunks.
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
